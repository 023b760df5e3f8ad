/*
 * HTTPie: `http [options] [METHOD] URL [items]`, items being `Name:value` (a header), `name==value`
 * (query), `name=value` (a JSON string field, or a form field with `--form`), `name:=json` (raw
 * JSON), `name@file` (a file, not in the paste). `-a user:password` is basic auth.
 */
import type { Header } from '../core/exchange';
import { shellText, shift, use } from './shell-arguments';
import { isNested, nestedJson, type Json } from './httpie-nested';
import { HTTPIE_OPTIONS } from './httpie-options';
import { URL_LIKE, walkOptions } from './shell-options';
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

/** A `:=` value as JSON, or its text when it is not valid JSON. */
function parseJson(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

/**
 * HTTPie's own guess: when the word after a would-be method is a request item (`name=value`,
 * `Header:value`), there was no method and the first word is the URL (`http localhost a=1`).
 */
function isItem(word: string): boolean {
  if (word.startsWith(':') || URL_LIKE.test(word) || /^localhost\b/.test(word)) return false;
  return /^(?:\\.|[^\\:=@;])+(?:==|:=|=|:|@|;)/.test(word);
}

/** True when the text holds an `http`/`https` command that looks like HTTPie's. */
export function looksLikeHttpie(text: string): boolean {
  // Word by word, line by line: a regex with optional option values backtracks badly.
  const head = shellText(text.slice(0, 65536), 'http').replace(/\\\r?\n/g, ' ');
  for (const line of head.split('\n', 500)) {
    const words = line
      .trim()
      .replace(/^\$\s+/, '')
      .split(/\s+/, 40);
    if (!/^(?:\S*\/)?(?:https?|xhs?)$/.test(words[0] ?? '')) continue;
    if (
      words.slice(1).some((w) =>
        // A URL, the localhost shorthand, a URL from a variable, or a request item.
        /^\S*:\/\/|^:(?:\d|\/|$)|^[\w-]+(?:\.[\w-]+)+(?:[:/]|$)|^localhost\b|^['"]?\$\{?\w|^[\w-]+(?:==|:=|:)\S/.test(
          w,
        ),
      )
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
  const split = splitShellWords(shellText(text, 'http'));
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
  // Set inside the walk's callback, which TypeScript's narrowing does not follow.
  let raw = null as ShellWord | null;
  let auth = null as string | null;
  let bearer = false;
  let scheme = /^(?:.*[/\\])?(?:https|xhs)$/.test(command.value) ? 'https' : 'http';
  const positional: ShellWord[] = [];
  const missing = walkOptions(args, HTTPIE_OPTIONS, (step) => {
    if (step.kind === 'operand') return void positional.push(step.word);
    if (step.kind === 'unknown') {
      unknownOptions.push(step.name);
      if (step.value) addSensitive(sensitive, step.value.value, 'unknown-option');
      return;
    }
    const value = step.value?.value ?? '';
    if (step.negated) {
      if (step.action === 'form') form = false;
      return;
    }
    switch (step.action) {
      case 'form':
        form = true;
        return;
      case 'json':
        form = false;
        return;
      case 'auth':
        auth = value;
        addSensitive(sensitive, value, 'config');
        return;
      case 'bearer':
        auth = value;
        bearer = true;
        addSensitive(sensitive, value, 'config');
        return;
      case 'auth-type':
        bearer = value.toLowerCase() === 'bearer';
        return;
      case 'raw':
        raw = { ...(step.value as ShellWord), variables: [] };
        return;
      case 'https':
        scheme = 'https';
        return;
      case 'default-scheme':
        if (/^https?$/i.test(value)) scheme = value.toLowerCase();
        return;
      case 'credential':
        addSensitive(sensitive, value, 'config');
        return;
      case 'ignore':
        return;
    }
  });
  if (missing)
    return failAt(text, missing.word.offset, `The option ${missing.name} needs a value after it.`);
  // `http [METHOD] URL items...`: a first word of letters followed by more is the method.
  let method: string | null = null;
  if (
    positional.length >= 2 &&
    METHOD.test(positional[0]?.value ?? '') &&
    !isItem(positional[1]?.value ?? '')
  ) {
    method = (positional.shift() as ShellWord).value.toUpperCase();
  }
  const urlWord = positional.shift();
  if (!urlWord) return failAt(text, command.offset, 'The HTTPie command has no URL.');
  let url = urlWord.value;
  let urlVariables: readonly WordVariable[] = urlWord.variables;
  if (url.startsWith(':')) {
    // The localhost shorthand: `:3000/x` is localhost:3000/x, `:/x` and `:` are localhost/x.
    const cut = /^:\d/.test(url) ? 0 : 1;
    const prefix = `${scheme}://localhost`;
    url = prefix + url.slice(cut);
    urlVariables = shift(urlVariables, prefix.length - cut);
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
  // A file field (`name@file`, `name=@file`): a body HTTPie sends, though not in the paste.
  let fileField = false;
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
      else {
        // Whitespace after the colon is the header line's own: the server never sees it.
        const lead = /^[ \t]*/.exec(item.text)?.[0].length ?? 0;
        headers.push({
          header: { name, value: item.text.slice(lead) },
          variables: shift(item.variables, -lead),
        });
      }
    } else if (separator === ';') headers.push({ header: { name, value: '' }, variables: [] });
    else if (separator === '==')
      query.push({ text: `${encodeComponent(name)}=${encodeComponent(rest)}`, variables: [] });
    else if (separator === '=' || separator === ':=')
      fields.push({ name, value: item, json: separator === ':=' });
    else {
      fileField = true;
      notes.push({
        message: 'A value is read from a file, which is not in the paste.',
        ...locate(word.offset),
      });
    }
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
  } else if (fields.length && isNested(fields.map((f) => f.name))) {
    // The nested syntax builds the JSON itself; variables stay as written in it.
    body = nestedJson(
      fields.map((f) => ({ name: f.name, json: f.json ? parseJson(f.value.text) : f.value.text })),
    );
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
    method: method ?? (body !== undefined || fileField ? 'POST' : 'GET'),
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
