/*
 * wget: `--header`, `--method`, `--body-data`, `--post-data`, `--user`/`--password`; the URL
 * anywhere. Files (`--body-file`, `--post-file`) are not in the paste and a note says so.
 */
import { addHeader, note, use, type HeaderEntry } from './curl-arguments';
import {
  failAt,
  locator,
  type ParseResult,
  type PastedRequest,
  type PasteNote,
  type SensitiveValue,
  type VariableUse,
} from './result';
import { addSensitive, userinfoOf } from './sensitive';
import { splitShellWords, type ShellWord, type WordVariable } from './shell-words';
import { basicCredentials, requestLabel } from '../core/text';
import { listOf, matchIf, type RequestReader } from './reader';

const COMMAND = /^(?:.*[/\\])?wget(?:2|\.exe)?$/i;
/** Long options that take a value (given as `--name=value` or `--name value`). */
const WITH_VALUE =
  /^--(?:header|method|body-data|post-data|body-file|post-file|user|password|http-user|http-password|output-document|output-file|append-output|user-agent|referer|load-cookies|save-cookies|tries|timeout|wait|directory-prefix|ca-certificate|certificate|private-key|bind-address|limit-rate|level|accept|reject|domains|input-file|execute|proxy-user|proxy-password)$/;
/** Short options that take a value. */
const SHORT_WITH_VALUE = new Set([
  'O',
  'o',
  'a',
  'U',
  't',
  'T',
  'w',
  'P',
  'l',
  'A',
  'R',
  'D',
  'i',
  'e',
]);

/** True when the text holds a wget command. */
export function looksLikeWget(text: string): boolean {
  return /(?:^|[\n;&|]\s*|^\$\s+)(?:\S*[/\\])?wget(?:\.exe)?\s/m.test(text.slice(0, 65536));
}

/** Reads one wget command. Never throws. */
export function parseWget(text: string): ParseResult<PastedRequest> {
  const split = splitShellWords(text);
  if (!split.ok) return split;
  const { tokens } = split.value;
  const start = tokens.findIndex((t) => t.kind === 'word' && COMMAND.test(t.value));
  if (start < 0) return failAt(text, 0, 'No wget command found.');
  const locate = locator(text);
  const notes: PasteNote[] = [];
  const sensitive: SensitiveValue[] = [];
  const unknownOptions: string[] = [];
  const headers: HeaderEntry[] = [];
  let method: string | null = null;
  let body: { text: string; variables: readonly WordVariable[] } | null = null;
  let post = false;
  let user: string | null = null;
  let password: string | null = null;
  let url: ShellWord | null = null;
  for (let t = start + 1; t < tokens.length; t++) {
    const word = tokens[t];
    if (!word || word.kind !== 'word') break;
    const w = word.value;
    if (!w.startsWith('-') || w === '-') {
      if (url)
        notes.push(
          note(locate, word, 'wget would also fetch this further URL; only the first is read.'),
        );
      else url = word;
      continue;
    }
    let name = w;
    let value: ShellWord | null = null;
    if (w.startsWith('--') && w.includes('=')) {
      const eq = w.indexOf('=');
      name = w.slice(0, eq);
      value = {
        ...word,
        value: w.slice(eq + 1),
        variables: word.variables
          .map((v) => ({ ...v, start: v.start - eq - 1 }))
          .filter((v) => v.start >= 0),
      };
    } else if (
      (w.startsWith('--') && WITH_VALUE.test(w)) ||
      (!w.startsWith('--') && SHORT_WITH_VALUE.has(w[w.length - 1] ?? ''))
    ) {
      const next = tokens[t + 1];
      if (next?.kind === 'word') {
        value = next;
        t++;
      }
    }
    const v = value?.value ?? '';
    switch (name) {
      case '--header':
        if (value) addHeader(value, headers, notes, locate);
        break;
      case '--method':
        method = v.toUpperCase();
        break;
      case '--body-data':
      case '--post-data':
        post ||= name === '--post-data';
        if (value) body = { text: v, variables: value.variables };
        break;
      case '--body-file':
      case '--post-file':
        post ||= name === '--post-file';
        notes.push(note(locate, word, 'The body is read from a file, which is not in the paste.'));
        break;
      case '--user':
      case '--http-user':
        user = v;
        addSensitive(sensitive, v, 'config');
        break;
      case '--password':
      case '--http-password':
        password = v;
        addSensitive(sensitive, v, 'config');
        break;
      case '--user-agent':
      case '-U':
        if (value)
          headers.push({
            header: { name: 'User-Agent', value: v },
            variables: [],
            offset: word.offset,
          });
        break;
      default:
        if (
          !WITH_VALUE.test(name) &&
          !/^-[a-zA-Z]+$/.test(name) &&
          !/^--(?:quiet|verbose|no-verbose|server-response|no-check-certificate|content-on-error|spider|debug|show-progress|no-cache|save-headers|auth-no-challenge|inet4-only|inet6-only|https-only|no-hsts)$/.test(
            name,
          )
        ) {
          unknownOptions.push(name);
          if (value) addSensitive(sensitive, v, 'unknown-option');
        }
    }
  }
  if (!url)
    return failAt(text, (tokens[start] as ShellWord).offset, 'The wget command has no URL.');
  let urlText = url.value;
  let urlVariables = url.variables;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(urlText)) {
    urlText = `http://${urlText}`;
    urlVariables = urlVariables.map((x) => ({ ...x, start: x.start + 7 }));
    notes.push(note(locate, url, 'The URL has no scheme: wget then uses http://, not https://.'));
  }
  for (const s of userinfoOf(urlText)) addSensitive(sensitive, s.value, s.source);
  if (user !== null || password !== null) {
    // wget sends credentials only after a 401 challenge (unless --auth-no-challenge).
    headers.push({
      header: { name: 'Authorization', value: basicCredentials(`${user ?? ''}:${password ?? ''}`) },
      variables: [],
      offset: url.offset,
    });
    notes.push({
      message:
        '--user and --password send an Authorization header, which the API does not read: it reads x-api-key and x-api-secret-key.',
    });
  }
  const names = new Set(headers.map((h) => h.header.name.toLowerCase()));
  const extra =
    body && !names.has('content-type')
      ? [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }]
      : [];
  const variables: VariableUse[] = [];
  headers.forEach((h, index) => {
    for (const x of h.variables) variables.push(use(x, 'header', { index, name: h.header.name }));
  });
  for (const x of urlVariables) variables.push(use(x, 'url'));
  for (const x of body?.variables ?? []) variables.push(use(x, 'body'));
  const request = {
    method: method ?? (post ? 'POST' : 'GET'),
    url: urlText,
    headers: [...headers.map((h) => h.header), ...extra],
    ...(body ? { body: body.text } : {}),
  };
  return {
    ok: true,
    value: { label: requestLabel(request), request, variables, unknownOptions, notes, sensitive },
  };
}

/** Weak: a `wget` word may sit inside a script another reader reads. */
export const wgetReader: RequestReader = {
  kind: 'request',
  format: 'wget',
  label: 'wget',
  detect: (text) => matchIf(looksLikeWget(text), true),
  read: (text) => listOf(parseWget(text)),
};
