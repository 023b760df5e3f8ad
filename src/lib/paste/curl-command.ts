import type { Header } from '../core/exchange';
import {
  addHeader,
  appendQuery,
  collectArguments,
  findCurl,
  join,
  note,
  shift,
  sliceWord,
  urlencodeData,
  use,
  type HeaderEntry,
  type Piece,
} from './curl-arguments';
import { LONG_OPTIONS, SHORT_OPTIONS, type CurlAction, type CurlOption } from './curl-options';
import {
  failAt,
  locator,
  type ParseResult,
  type PastedRequest,
  type PasteNote,
  type VariableUse,
} from './result';
import { splitShellWords, type ShellDialect, type ShellWord } from './shell-words';
import { basicCredentials, requestLabel } from '../core/text';

/**
 * Reads a curl command as customers paste it: lines joined by `\`, `^` (cmd.exe) or a backtick
 * (PowerShell), quotes as that shell reads them, options anywhere, the URL anywhere. Unknown
 * options are skipped and listed. Variables are recorded per header with how the shell treated
 * them; a value the shell expanded stays in its written form (`$ACCOUNT_KEY`) because the paste
 * does not show what was sent. Never throws.
 */
export function parseCurlCommand(
  text: string,
  options: { dialect?: ShellDialect } = {},
): ParseResult<PastedRequest> {
  const split = splitShellWords(text, options.dialect);
  if (!split.ok) return split;
  const { tokens, dialect } = split.value;
  const notes: PasteNote[] = [...split.value.notes];
  const locate = locator(text);

  const start = findCurl(tokens);
  if (start < 0) {
    const first = tokens.find((t) => t.kind === 'word');
    return failAt(
      text,
      first?.offset ?? 0,
      'No curl command found: expected a command starting with "curl".',
    );
  }
  const args = collectArguments(text, tokens, start, notes);

  const headers: HeaderEntry[] = [];
  const data: Piece[] = [];
  const query: Piece[] = [];
  const unknownOptions: string[] = [];
  let url: Piece | null = null;
  let method: string | null = null;
  let json = false;
  let get = false;
  let head = false;
  let optionsEnded = false;

  const apply = (action: CurlAction, word: ShellWord, raw: ShellWord | undefined) => {
    const value = raw ?? word;
    switch (action) {
      case 'header':
        return addHeader(value, headers, notes, locate);
      case 'method':
        method = value.value;
        return;
      case 'data':
      case 'data-raw':
      case 'json':
        json ||= action === 'json';
        if (action !== 'data-raw' && value.value.startsWith('@')) {
          notes.push(
            note(locate, value, 'The body is read from a file, which is not in the paste.'),
          );
          return;
        }
        data.push({ text: value.value, variables: value.variables });
        return;
      case 'data-urlencode':
        data.push({ text: urlencodeData(value.value), variables: [] });
        return;
      case 'user': {
        headers.push({
          header: { name: 'Authorization', value: basicCredentials(value.value) },
          variables: [],
          offset: value.offset,
        });
        notes.push(
          note(
            locate,
            value,
            '-u sends an Authorization header, which the API does not read: it reads x-api-key and x-api-secret-key.',
          ),
        );
        return;
      }
      case 'get':
        get = true;
        return;
      case 'head':
        head = true;
        return;
      case 'url':
        return setUrl(value);
      case 'url-query':
        query.push({ text: value.value, variables: value.variables });
        return;
      case 'user-agent':
      case 'referer':
        headers.push({
          header: { name: action === 'referer' ? 'Referer' : 'User-Agent', value: value.value },
          variables: value.variables,
          offset: value.offset,
        });
        return;
      case 'cookie':
        if (value.value.includes('=')) {
          headers.push({
            header: { name: 'Cookie', value: value.value },
            variables: [],
            offset: value.offset,
          });
        }
        return;
      case 'upload':
        method ??= 'PUT';
        notes.push(
          note(locate, value, 'The body is uploaded from a file, which is not in the paste.'),
        );
        return;
      case 'form':
        notes.push(note(locate, value, '-F sends a multipart form; the API takes JSON bodies.'));
        return;
      case 'end-of-options':
        optionsEnded = true;
        return;
      case 'ignore':
        return;
    }
  };
  const setUrl = (word: ShellWord) => {
    if (url) {
      notes.push(
        note(locate, word, 'curl would also request this further URL; only the first is read.'),
      );
      return;
    }
    url = { text: word.value, variables: word.variables };
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(word.value)) {
      url = { text: `http://${word.value}`, variables: shift(word.variables, 7) };
      notes.push(
        note(locate, word, 'The URL has no scheme: curl then uses http://, not https://.'),
      );
    }
  };

  for (let a = 0; a < args.length; a++) {
    const word = args[a] as ShellWord;
    const w = word.value;
    if (optionsEnded || !w.startsWith('-') || w === '-') {
      setUrl(word);
      continue;
    }
    if (w === '--') {
      optionsEnded = true;
      continue;
    }
    if (w.startsWith('--')) {
      const name = w.slice(2);
      const option: CurlOption | undefined =
        LONG_OPTIONS[name] ?? LONG_OPTIONS[name.replace(/^no-/, '')];
      if (!option) {
        unknownOptions.push(w.split('=')[0] ?? w);
        continue;
      }
      if (!option.takesValue) {
        apply(option.action, word, undefined);
        continue;
      }
      const value = args[a + 1];
      if (!value) return failAt(text, word.offset, `The option ${w} needs a value after it.`);
      a++;
      apply(option.action, word, value);
      continue;
    }
    // A cluster of short options: `-sSL`, `-XPOST`, `-H'x-api-key:VALUE'` after quote removal.
    for (let c = 1; c < w.length; c++) {
      const letter = w[c] ?? '';
      const option = SHORT_OPTIONS[letter];
      if (!option) {
        unknownOptions.push(`-${letter}`);
        continue;
      }
      if (!option.takesValue) {
        apply(option.action, word, undefined);
        continue;
      }
      if (c + 1 < w.length) {
        apply(option.action, word, sliceWord(word, c + 1));
      } else {
        const value = args[a + 1];
        if (!value)
          return failAt(text, word.offset, `The option -${letter} needs a value after it.`);
        a++;
        apply(option.action, word, value);
      }
      break;
    }
  }

  if (!url) return failAt(text, tokens[start]?.offset ?? 0, 'The curl command has no URL.');
  let urlPiece: Piece = url;
  let bodyPiece: Piece | null = data.length ? join(data, json ? '' : '&') : null;
  if (query.length) urlPiece = appendQuery(urlPiece, join(query, '&'));
  if (get && bodyPiece) {
    urlPiece = appendQuery(urlPiece, bodyPiece);
    bodyPiece = null;
  }
  const finalMethod: string = method ?? (head ? 'HEAD' : bodyPiece ? 'POST' : 'GET');
  const names = new Set(headers.map((h) => h.header.name.toLowerCase()));
  const extra: Header[] = [];
  if (bodyPiece && json) {
    if (!names.has('content-type')) extra.push({ name: 'Content-Type', value: 'application/json' });
    if (!names.has('accept')) extra.push({ name: 'Accept', value: 'application/json' });
  } else if (bodyPiece && !names.has('content-type')) {
    extra.push({ name: 'Content-Type', value: 'application/x-www-form-urlencoded' });
  }

  const variables: VariableUse[] = [];
  headers.forEach((h, index) => {
    for (const v of h.variables) {
      variables.push(use(v, 'header', { index, name: h.header.name }));
    }
  });
  for (const v of urlPiece.variables) variables.push(use(v, 'url'));
  for (const v of bodyPiece?.variables ?? []) variables.push(use(v, 'body'));
  const request = {
    method: finalMethod,
    url: urlPiece.text,
    headers: [...headers.map((h) => h.header), ...extra],
    ...(bodyPiece ? { body: bodyPiece.text } : {}),
  };
  if (dialect !== 'posix') {
    notes.unshift({
      message: `Read as a ${dialect === 'cmd' ? 'Windows cmd.exe' : 'PowerShell'} command.`,
    });
  } else if (variables.some((v) => v.written.startsWith('%'))) {
    // A one-line command gives no continuation character to tell the shell by.
    notes.push({
      message:
        'Read as a bash/zsh command, where %NAME% is sent as written. If it ran in Windows cmd.exe, the shell replaced %NAME% with its value: read it as cmd.exe instead.',
    });
  }
  return {
    ok: true,
    value: { label: requestLabel(request), request, variables, unknownOptions, notes },
  };
}
