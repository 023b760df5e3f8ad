/*
 * wget: `--header`, `--method`, `--body-data`, `--post-data`, `--user`/`--password`; the URL
 * anywhere. Files (`--body-file`, `--post-file`) are not in the paste and a note says so.
 */
import { addHeader, note, shellText, use, type HeaderEntry } from './shell-arguments';
import { walkOptions } from './shell-options';
import { WGET_OPTIONS } from './wget-options';
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
/** True when the text holds a wget command. */
export function looksLikeWget(text: string): boolean {
  return /(?:^|[\n;&|]\s*|^\$\s+)(?:\S*[/\\])?wget(?:2|\.exe)?\s/m.test(text.slice(0, 65536));
}

/** Reads one wget command. Never throws. */
export function parseWget(text: string): ParseResult<PastedRequest> {
  const split = splitShellWords(shellText(text, 'wget'));
  if (!split.ok) return split;
  const { tokens } = split.value;
  const start = tokens.findIndex((t) => t.kind === 'word' && COMMAND.test(t.value));
  if (start < 0) return failAt(text, 0, 'No wget command found.');
  const locate = locator(text);
  const notes: PasteNote[] = [];
  const sensitive: SensitiveValue[] = [];
  const unknownOptions: string[] = [];
  const headers: HeaderEntry[] = [];
  // Set inside the walk's callback, which TypeScript's narrowing does not follow.
  let method = null as string | null;
  let body = null as { text: string; variables: readonly WordVariable[] } | null;
  let post = false;
  let user = null as string | null;
  let password = null as string | null;
  let url = null as ShellWord | null;
  const args: ShellWord[] = [];
  for (let t = start + 1; t < tokens.length; t++) {
    const word = tokens[t];
    if (!word || word.kind !== 'word') break;
    args.push(word);
  }
  const missing = walkOptions(args, WGET_OPTIONS, (step) => {
    if (step.kind === 'operand') {
      if (url)
        notes.push(
          note(
            locate,
            step.word,
            'wget would also fetch this further URL; only the first is read.',
          ),
        );
      else url = step.word;
      return;
    }
    if (step.kind === 'unknown') {
      unknownOptions.push(step.name);
      if (step.value) addSensitive(sensitive, step.value.value, 'unknown-option');
      return;
    }
    const value = step.value;
    const v = value?.value ?? '';
    switch (step.action) {
      case 'header':
        if (value) addHeader(value, headers, notes, locate);
        return;
      case 'method':
        method = v.toUpperCase();
        return;
      case 'body-data':
      case 'post-data':
        post ||= step.action === 'post-data';
        if (value) body = { text: v, variables: value.variables };
        return;
      case 'body-file':
      case 'post-file':
        post ||= step.action === 'post-file';
        notes.push(
          note(locate, step.word, 'The body is read from a file, which is not in the paste.'),
        );
        return;
      case 'user':
        user = v;
        addSensitive(sensitive, v, 'config');
        return;
      case 'password':
        password = v;
        addSensitive(sensitive, v, 'config');
        return;
      case 'credential':
        addSensitive(sensitive, v, 'config');
        return;
      case 'user-agent':
      case 'referer':
        if (value)
          headers.push({
            header: { name: step.action === 'referer' ? 'Referer' : 'User-Agent', value: v },
            variables: value.variables,
            offset: step.word.offset,
          });
        return;
      case 'ignore':
        return;
    }
  });
  if (missing)
    return failAt(text, missing.word.offset, `The option ${missing.name} needs a value after it.`);
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
