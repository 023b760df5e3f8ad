/*
 * HTTPie: `http [options] [METHOD] URL [items]`, items being `Name:value` (a header), `name==value`
 * (query), `name=value` (a JSON string field, or a form field with `--form`), `name:=json` (raw
 * JSON), `name@file` (a file, not in the paste). `-a user:password` is basic auth.
 */
import type { Header } from '../core/exchange';
import { shift, use } from './curl-arguments';
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
import { basicCredentials, encodeComponent, requestLabel } from '../core/text';
import { listOf, matchIf, type RequestReader } from './reader';

const COMMAND = /^(?:.*[/\\])?(?:http|https|xh|xhs)$/;
const METHOD = /^[A-Za-z]+$/;
/** Options that take a value (long and short forms). */
const WITH_VALUE = new Set([
  '--auth',
  '-a',
  '--auth-type',
  '-A',
  '--print',
  '-p',
  '--pretty',
  '--style',
  '-s',
  '--timeout',
  '--session',
  '--session-read-only',
  '--output',
  '-o',
  '--verify',
  '--cert',
  '--cert-key',
  '--proxy',
  '--max-redirects',
  '--default-scheme',
  '--format-options',
  '--raw',
  '--boundary',
  '--ssl',
  '--ciphers',
  '--unsorted',
  '--response-charset',
  '--response-mime',
  '--max-headers',
]);

/** True when the text holds an `http`/`https` command that looks like HTTPie's. */
export function looksLikeHttpie(text: string): boolean {
  // Word by word, line by line: a regex with optional option values backtracks badly.
  for (const line of text.slice(0, 65536).split('\n', 500)) {
    const words = line
      .trim()
      .replace(/^\$\s+/, '')
      .split(/\s+/, 40);
    if (!/^(?:\S*\/)?(?:https?|xhs?)$/.test(words[0] ?? '')) continue;
    if (
      words
        .slice(1)
        .some((w) => /^\S*:\/\/|^:\d|^[\w-]+(?:\.[\w-]+)+(?:[:/]|$)|^localhost\b/.test(w))
    )
      return true;
  }
  return false;
}

interface Item {
  text: string;
  variables: readonly WordVariable[];
}

/** Reads one HTTPie command. Never throws. */
export function parseHttpie(text: string): ParseResult<PastedRequest> {
  const split = splitShellWords(text);
  if (!split.ok) return split;
  const { tokens } = split.value;
  const start = tokens.findIndex((t) => t.kind === 'word' && COMMAND.test(t.value));
  if (start < 0) return failAt(text, 0, 'No HTTPie command ("http" or "https") found.');
  const locate = locator(text);
  const command = tokens[start] as ShellWord;
  const args: ShellWord[] = [];
  for (let t = start + 1; t < tokens.length; t++) {
    const token = tokens[t];
    if (!token || token.kind !== 'word') break;
    args.push(token);
  }
  const notes: PasteNote[] = [];
  const sensitive: SensitiveValue[] = [];
  const unknownOptions: string[] = [];
  let form = false;
  let raw: ShellWord | null = null;
  let auth: string | null = null;
  let bearer = false;
  const positional: ShellWord[] = [];
  for (let a = 0; a < args.length; a++) {
    const word = args[a] as ShellWord;
    const w = word.value;
    if (!w.startsWith('-') || w === '-') {
      positional.push(word);
      continue;
    }
    const [name, inline] =
      w.includes('=') && w.startsWith('--')
        ? [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]
        : [w, null];
    const value = inline ?? (WITH_VALUE.has(name) ? (args[++a]?.value ?? '') : null);
    if (name === '--form' || name === '-f' || name === '--multipart') form = true;
    else if (name === '--auth' || name === '-a') {
      auth = value;
      if (value) addSensitive(sensitive, value, 'config');
    } else if ((name === '--auth-type' || name === '-A') && value === 'bearer') bearer = true;
    else if (name === '--raw') raw = { ...word, value: value ?? '', variables: [] };
    else if (
      !WITH_VALUE.has(name) &&
      !/^-(?:-json|j|-verbose|v+|-offline|-follow|F|-check-status|-ignore-stdin|I|-headers|h|-body|b|-download|d|-quiet|q+|-all|-stream|S|-chunked|-compress|x+)$/.test(
        name,
      )
    ) {
      unknownOptions.push(name);
    }
  }
  // `http [METHOD] URL items...`: a first word of letters followed by more is the method.
  let method: string | null = null;
  if (
    positional.length >= 2 &&
    METHOD.test(positional[0]?.value ?? '') &&
    !/[.:/]/.test(positional[0]?.value ?? '')
  ) {
    method = (positional.shift() as ShellWord).value.toUpperCase();
  }
  const urlWord = positional.shift();
  if (!urlWord) return failAt(text, command.offset, 'The HTTPie command has no URL.');
  let url = urlWord.value;
  let urlVariables: readonly WordVariable[] = urlWord.variables;
  const scheme = /^(?:.*[/\\])?(?:https|xhs)$/.test(command.value) ? 'https' : 'http';
  if (/^:\d*/.test(url)) {
    url = `${scheme}://localhost${url}`;
    urlVariables = shift(urlVariables, `${scheme}://localhost`.length);
  } else if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    url = `${scheme}://${url}`;
    urlVariables = shift(urlVariables, scheme.length + 3);
    if (scheme === 'http')
      notes.push({
        message: 'The URL has no scheme: HTTPie then uses http://, not https://.',
        ...locate(urlWord.offset),
      });
  }
  for (const s of userinfoOf(url)) addSensitive(sensitive, s.value, s.source);

  const headers: { header: Header; variables: readonly WordVariable[] }[] = [];
  const query: Item[] = [];
  const fields: { name: string; value: Item; json: boolean }[] = [];
  for (const word of positional) {
    const w = word.value;
    // The first separator wins; `\` escapes one (`a\:b=c`).
    const match = /^((?:\\.|[^\\:=@])*?)(==|:=@|:=|=@|:|=|@|;)([\s\S]*)$/.exec(w);
    if (!match) {
      notes.push({
        message: 'An argument that is neither a header, a field nor a query parameter was skipped.',
        ...locate(word.offset),
      });
      continue;
    }
    const [, rawName = '', separator, rest = ''] = match;
    const name = rawName.replace(/\\(.)/g, '$1');
    const valueStart = rawName.length + (separator?.length ?? 0);
    // HTTPie undoes a backslash before any character in an item's value.
    const unescaped = separator === ':' || separator === '=' ? rest.replace(/\\(.)/gs, '$1') : rest;
    const item = { text: unescaped, variables: shift(word.variables, -valueStart) };
    if (separator === ':') {
      if (rest === '')
        notes.push({
          message: `"${name}:" with no value removes that header instead of sending it.`,
          ...locate(word.offset),
        });
      else headers.push({ header: { name, value: item.text }, variables: item.variables });
    } else if (separator === ';') headers.push({ header: { name, value: '' }, variables: [] });
    else if (separator === '==')
      query.push({ text: `${encodeComponent(name)}=${encodeComponent(rest)}`, variables: [] });
    else if (separator === '=' || separator === ':=')
      fields.push({ name, value: item, json: separator === ':=' });
    else
      notes.push({
        message: 'A value is read from a file, which is not in the paste.',
        ...locate(word.offset),
      });
  }
  if (auth !== null) {
    const value = bearer
      ? `Bearer ${auth}`
      : basicCredentials(auth.includes(':') ? auth : `${auth}:`);
    headers.push({ header: { name: 'Authorization', value }, variables: [] });
    notes.push({
      message:
        '-a sends an Authorization header, which the API does not read: it reads x-api-key and x-api-secret-key.',
    });
  }
  let body: string | undefined;
  const bodyVariables: WordVariable[] = [];
  if (raw) body = raw.value;
  else if (fields.length && form) {
    body = fields
      .map((f) => `${encodeComponent(f.name)}=${encodeComponent(f.value.text)}`)
      .join('&');
  } else if (fields.length) {
    body = '{';
    fields.forEach((f, i) => {
      body += `${i ? ', ' : ''}${JSON.stringify(f.name)}: `;
      const value = f.json ? f.value.text : JSON.stringify(f.value.text);
      const offset = body!.length + (f.json ? 0 : 1);
      bodyVariables.push(...shift(f.value.variables, offset));
      body += value;
    });
    body += '}';
  }
  const names = new Set(headers.map((h) => h.header.name.toLowerCase()));
  const extra: Header[] = [];
  if (body !== undefined && !raw) {
    if (!names.has('content-type'))
      extra.push({
        name: 'Content-Type',
        value: form ? 'application/x-www-form-urlencoded; charset=utf-8' : 'application/json',
      });
    if (!form && !names.has('accept'))
      extra.push({ name: 'Accept', value: 'application/json, */*;q=0.5' });
  }
  if (query.length) url += (url.includes('?') ? '&' : '?') + query.map((q) => q.text).join('&');
  const variables: VariableUse[] = [];
  headers.forEach((h, index) => {
    for (const v of h.variables) variables.push(use(v, 'header', { index, name: h.header.name }));
  });
  for (const v of urlVariables) variables.push(use(v, 'url'));
  for (const v of bodyVariables) variables.push(use(v, 'body'));
  const request = {
    method: method ?? (body !== undefined ? 'POST' : 'GET'),
    url,
    headers: [...headers.map((h) => h.header), ...extra],
    ...(body !== undefined ? { body } : {}),
  };
  return {
    ok: true,
    value: { label: requestLabel(request), request, variables, unknownOptions, notes, sensitive },
  };
}

/** Weak: `http` is also a word of prose, so curl's and the code readers' matches come first. */
export const httpieReader: RequestReader = {
  kind: 'request',
  format: 'httpie',
  label: 'HTTPie',
  detect: (text) => matchIf(looksLikeHttpie(text), true),
  read: (text) => listOf(parseHttpie(text)),
};
