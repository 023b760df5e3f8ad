import { isSecretName } from '../secrets';
import type { Header } from '../core/exchange';
import {
  HEADERS_FROM_FILE,
  addHeader,
  appendQuery,
  collectArguments,
  findCurl,
  join,
  note,
  shift,
  urlencodeData,
  use,
  type HeaderEntry,
  type Locate,
  type Piece,
} from './shell-arguments';
import { CURL_OPTIONS, type CurlAction } from './curl-options';
import { walkOptions } from './shell-options';
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
import { splitShellWords, type ShellDialect, type ShellToken, type ShellWord } from './shell-words';
import { basicCredentials, requestLabel } from '../core/text';

/** Quotes a word processor or chat tool puts in place of `"` and `'`: no shell reads them as quotes. */
const SMART_QUOTES = /[\u201C\u201D\u201E\u2018\u2019\u201A\u00AB\u00BB]/;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/;

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
  const all = parseCurlCandidates(text, options);
  return all.ok ? { ok: true, value: all.value[0] as PastedRequest } : all;
}

/**
 * Like `parseCurlCommand`, with one candidate per URL the command names (curl requests each in
 * turn, with the same options). Always at least one on success.
 */
export function parseCurlCandidates(
  text: string,
  options: { dialect?: ShellDialect } = {},
): ParseResult<PastedRequest[]> {
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
  const sensitive: SensitiveValue[] = [];
  const assigned = assignments(tokens, start, dialect);
  const broken = smartQuoted(text, args, notes, locate, sensitive);

  const headers: HeaderEntry[] = [];
  const data: Piece[] = [];
  const query: Piece[] = [];
  const unknownOptions: string[] = [];
  const urls: Piece[] = [];
  let method: string | null = null;
  let json = false;
  let bodyFromFile = false;
  let get = false;
  let head = false;

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
        if (action !== 'data-raw' && value.value === '@-') {
          // The body from standard input: a here-document in the paste is that input.
          const input = hereDocument(text);
          if (input !== null) {
            data.push({ text: input, variables: [] });
            notes.push(
              note(locate, value, 'The body is read from the here-document in the paste.'),
            );
            return;
          }
        }
        if (action !== 'data-raw' && value.value.startsWith('@')) {
          notes.push(
            note(locate, value, 'The body is read from a file, which is not in the paste.'),
          );
          // Still a body: curl sends a POST.
          bodyFromFile = true;
          return;
        }
        data.push({ text: value.value, variables: value.variables });
        return;
      case 'data-urlencode':
        data.push({ text: urlencodeData(value.value), variables: [] });
        return;
      case 'user': {
        addSensitive(sensitive, value.value, 'config');
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
      case 'range':
        headers.push({
          header: { name: 'Range', value: `bytes=${value.value}` },
          variables: [],
          offset: value.offset,
        });
        return;
      case 'upload':
        method ??= 'PUT';
        notes.push(
          note(locate, value, 'The body is uploaded from a file, which is not in the paste.'),
        );
        return;
      case 'form':
        // A body all the same, not in JSON: curl sends a POST.
        bodyFromFile = true;
        notes.push(note(locate, value, '-F sends a multipart form; the API takes JSON bodies.'));
        return;
      case 'config':
        config = value.value;
        return;
      case 'end-of-options':
        walk.ended = true;
        return;
      case 'ignore':
        return;
    }
  };
  let droppedBroken = false;
  let config: string | null = null;
  const setUrl = (word: ShellWord) => {
    // A piece of an argument broken at smart quotes is a URL only by accident: curl would try
    // it, but it is a header or a key, not what the customer meant to request.
    if (broken.has(word)) {
      droppedBroken = true;
      return;
    }
    for (const s of userinfoOf(word.value)) addSensitive(sensitive, s.value, s.source);
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(word.value)) {
      urls.push({ text: `http://${word.value}`, variables: shift(word.variables, 7) });
      notes.push(
        note(locate, word, 'The URL has no scheme: curl then uses http://, not https://.'),
      );
      return;
    }
    urls.push({ text: word.value, variables: word.variables });
  };

  const walk = { ended: false };
  const run = (args: readonly ShellWord[]): ParseResult<PastedRequest[]> | null => {
    const missing = walkOptions(
      args,
      CURL_OPTIONS,
      (step) => {
        if (step.kind === 'operand') return setUrl(step.word);
        if (step.kind === 'unknown') {
          unknownOptions.push(step.name);
          if (step.value) addSensitive(sensitive, step.value.value, 'unknown-option');
          return;
        }
        // A negated flag (`--no-location`) turns a default off: nothing read changes.
        if (step.negated) return;
        apply(step.action, step.word, step.value);
      },
      walk,
    );
    return missing
      ? failAt(text, missing.word.offset, `The option ${missing.name} needs a value after it.`)
      : null;
  };
  const failed = run(args);
  if (failed) return failed;
  if (config !== null) {
    const lines = configLines(text);
    if (lines.length > 0) {
      notes.push({
        message: `curl read options from ${config === '-' ? 'its standard input' : 'a config file'} (-K); the config lines in the paste are read as options.`,
      });
      const again = run(lines);
      if (again) return again;
    } else {
      notes.push({
        message: 'curl read options from a config file (-K), which is not in the paste.',
      });
    }
  }

  if (droppedBroken) {
    notes.push({
      message:
        'curl would also have tried pieces of the argument broken at smart quotes as URLs; they are not read as requests.',
    });
  }
  if (urls.length === 0)
    return failAt(text, tokens[start]?.offset ?? 0, 'The curl command has no URL.');
  if (urls.length > 1) {
    notes.push({
      message: `The command names ${urls.length} URLs: curl requests each in turn with the same options. Each is offered as an entry.`,
    });
  }
  // A value the paste assigns is a secret where the request sends it in a header or the body, or
  // where its name says so; a host in `export HOST=...` used only in the URL is not.
  const sentAsKey = variablesUsed(headers, [], data, []);
  const usedAnywhere = variablesUsed(headers, urls, data, query);
  const given: Record<string, string> = {};
  for (const [name, value] of assigned) {
    if (sentAsKey.has(name) || isSecretName(name)) addSensitive(sensitive, value, 'assignment');
    if (!usedAnywhere.has(name)) continue;
    given[name] = value;
    // PowerShell names the variable `env:KEY` where the request uses it.
    if (dialect === 'powershell') given[`env:${name}`] = value;
  }
  const candidates = urls.map((url) =>
    buildCandidate(url, {
      headers,
      data,
      query,
      method,
      json,
      bodyFromFile,
      get,
      head,
      dialect,
      notes,
      unknownOptions,
    }),
  );
  // `-H @file`: the headers (the keys among them, likely) are in a file the paste does not show,
  // so a key header missing here is not shown, not missing.
  const fromFile = notes.some((n) => n.message === HEADERS_FROM_FILE);
  const keys = new Set(headers.map((h) => h.header.name.trim().toLowerCase()));
  const keysInFile = fromFile && !(keys.has('x-api-key') && keys.has('x-api-secret-key'));
  for (const c of candidates) {
    c.sensitive = sensitive;
    if (keysInFile) c.keysNotShown = HEADERS_FROM_FILE;
    if (Object.keys(given).length > 0) c.assigned = given;
  }
  return { ok: true, value: candidates };
}

interface Collected {
  headers: HeaderEntry[];
  data: Piece[];
  query: Piece[];
  method: string | null;
  json: boolean;
  /** A body from a file (`-d @file`): not in the paste, but it makes the request a POST. */
  bodyFromFile: boolean;
  get: boolean;
  head: boolean;
  dialect: ShellDialect;
  notes: PasteNote[];
  unknownOptions: string[];
}

function buildCandidate(
  url: Piece,
  {
    headers,
    data,
    query,
    method,
    json,
    bodyFromFile,
    get,
    head,
    dialect,
    notes: shared,
    unknownOptions,
  }: Collected,
): PastedRequest {
  const notes = [...shared];
  let urlPiece: Piece = url;
  let bodyPiece: Piece | null = data.length ? join(data, json ? '' : '&') : null;
  if (query.length) urlPiece = appendQuery(urlPiece, join(query, '&'));
  if (get && bodyPiece) {
    urlPiece = appendQuery(urlPiece, bodyPiece);
    bodyPiece = null;
  }
  const posts = bodyPiece !== null || (bodyFromFile && !get);
  const finalMethod: string = method ?? (head ? 'HEAD' : posts ? 'POST' : 'GET');
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
  return { label: requestLabel(request), request, variables, unknownOptions, notes, sensitive: [] };
}

function variablesUsed(
  headers: readonly HeaderEntry[],
  urls: readonly Piece[],
  data: readonly Piece[],
  query: readonly Piece[],
): Set<string> {
  const names = new Set<string>();
  for (const piece of [...headers, ...urls, ...data, ...query])
    for (const v of piece.variables) names.add(v.name.replace(/^env:/i, ''));
  return names;
}

/** The options a config file (`-K`) pasted inline holds: `url = "..."`, `header = "x: y"`, `-s`. */
/**
 * The text of the first here-document (`<<EOF` ... `EOF`, `<<-'EOF'`), without its last line
 * break, or null. Line by line: linear in the paste.
 */
function hereDocument(text: string): string | null {
  const open = /<<-?[ \t]*(['"]?)([A-Za-z_]\w{0,40})\1[^\n]*\n/.exec(text.slice(0, 65536));
  if (!open) return null;
  const start = open.index + open[0].length;
  const lines: string[] = [];
  let at = start;
  while (at <= text.length) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end < 0 ? text.length : end).replace(/\r$/, '');
    if (line.replace(/^\t+/, '') === open[2]) return lines.join('\n');
    lines.push(line);
    if (end < 0) break;
    at = end + 1;
  }
  return null;
}

const CONFIG_LINE =
  /^[ \t]*(?:--)?(url|header|request|data|data-raw|data-binary|data-urlencode|json|user|user-agent|referer|cookie|get|head|form|upload-file|range)(?:[ \t]*[=:][ \t]*|[ \t]+|(?=[ \t]*$))("(?:[^"\\\n]|\\.)*"|[^\s"][^\n]*?)?[ \t]*$/gm;

function configLines(text: string): ShellWord[] {
  const words: ShellWord[] = [];
  for (const match of text.matchAll(CONFIG_LINE)) {
    const [, name = '', raw] = match;
    words.push({ kind: 'word', value: `--${name}`, offset: match.index, variables: [] });
    if (raw === undefined) continue;
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    const at = match.index + match[0].indexOf(raw);
    words.push({ kind: 'word', value, offset: at, variables: [] });
  }
  return words;
}

/**
 * Values assigned before the curl command: `export KEY=...`, `KEY=... curl`, `set KEY=...`
 * (cmd.exe), `$env:KEY = "..."` (PowerShell). Name to value.
 */
function assignments(
  tokens: readonly ShellToken[],
  end: number,
  dialect: ShellDialect,
): Map<string, string> {
  const found = new Map<string, string>();
  for (let t = 0; t < end; t++) {
    const token = tokens[t];
    if (token?.kind !== 'word') continue;
    const plain = ASSIGNMENT.exec(token.value);
    if (plain?.[1] && plain[2] !== undefined) {
      found.set(plain[1], plain[2]);
      continue;
    }
    // PowerShell: `$env:KEY`, `=`, `"value"` are three words.
    const next = tokens[t + 1];
    const value = tokens[t + 2];
    if (
      dialect === 'powershell' &&
      /^\$env:[A-Za-z_]\w*$/i.test(token.value) &&
      next?.kind === 'word' &&
      next.value === '=' &&
      value?.kind === 'word'
    ) {
      found.set(token.value.slice(5), value.value);
    }
  }
  return found;
}

/**
 * Words that hold smart quotes, and the words between an opening and a closing one: the shell
 * split there. Each piece is secret (it may be a key); a note names where the first one is.
 */
function smartQuoted(
  text: string,
  args: readonly ShellWord[],
  notes: PasteNote[],
  locate: Locate,
  sensitive: SensitiveValue[],
): Set<ShellWord> {
  const pieces = new Set<ShellWord>();
  // Only a smart quote the shell saw bare, at the start of a word, was meant as a quote: one
  // inside straight quotes is text the customer meant to send.
  const bare = (w: ShellWord) => SMART_QUOTES.test(text[w.offset] ?? '');
  let open = false;
  for (const word of args) {
    const quotes = [...word.value].filter((c) => SMART_QUOTES.test(c)).length;
    if (!open && (!bare(word) || quotes % 2 === 0)) continue;
    pieces.add(word);
    const stripped = word.value.replace(new RegExp(SMART_QUOTES.source, 'g'), '');
    addSensitive(sensitive, word.value, 'smart-quotes');
    if (stripped !== word.value) addSensitive(sensitive, stripped, 'smart-quotes');
    if (quotes % 2 === 1) open = !open;
  }
  const first = args.find(bare);
  if (first) {
    notes.push({
      message:
        'Smart quotes (“ ” or ‘ ’) are used as quotes here, likely copied from a word processor, a chat tool or a web page. A shell does not treat them as quotes: it splits the argument at its spaces and curl sends the quote characters as text. Retype them as straight quotes (" or \').',
      ...locate(first.offset),
    });
  }
  return pieces;
}
