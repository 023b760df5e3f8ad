import { withoutPrompts } from './prompts';
import type { Exchange } from '../core/exchange';
import { responseLines, splitVerbose } from './curl-verbose';
import { isStatusLine, readResponse, splitLines } from './http-message';
import { ANSWER_READERS, detectReader, REQUEST_READERS } from './readers';
import {
  positionAt,
  utf8Size,
  type ParseResult,
  type PasteError,
  type PastedRequest,
  type RequestPaste,
  type ResponsePaste,
} from './result';
import type { ShellDialect } from './shell-words';

/** A status alone: `401`, `401 Unauthorized`, `HTTP 401`, `HTTP/2 401`. */
const STATUS_ONLY = /^(?:HTTP(?:\/\d(?:\.\d)?)? +)?([1-5]\d\d)(?: +([^\n]*))?$/i;

/**
 * Reads the Request box with the reader the registry (`readers.ts`) picks for it: a curl
 * command, raw HTTP, a HAR file, `curl -v` output, code, another tool's command, a log, a
 * collection. A HAR, a collection or code may give several candidates. The shell of a command
 * is told from its line continuations; `options.dialect` overrides that (a one-line command does
 * not show whether it ran in bash or cmd.exe). Never throws; an error says what and where.
 */
export function parseRequestPaste(
  pasted: string,
  options: { dialect?: ShellDialect } = {},
): ParseResult<RequestPaste> {
  const text = withoutPrompts(pasted);
  if (text.trim() === '') {
    return { ok: false, error: { message: 'The Request box is empty.', line: 1, column: 1 } };
  }
  const found = detectReader(text, REQUEST_READERS);
  if (!found) {
    const first = splitLines(text.slice(0, 4096)).find((l) => l.text.trim() !== '');
    return { ok: false, error: whatItLooksLike(text, first?.line ?? 1) };
  }
  const { reader } = found;
  const read = reader.read(text, {
    ...(options.dialect ? { dialect: options.dialect } : {}),
    readAnswer: parseResponsePaste,
  });
  return read.ok ? { ok: true, value: { format: reader.format, candidates: read.value } } : read;
}

/**
 * The error for a paste no reader took: what it looks like, and where. Never quotes the paste.
 */
function whatItLooksLike(text: string, line: number): PasteError {
  const head = text.slice(0, 65536);
  const accepted =
    'Paste a curl command, a raw HTTP request, a HAR file, curl -v output, PowerShell, Python or JavaScript code, an HTTPie, wget or redisctl command, a Terraform log or provider block, a Postman collection, or an Insomnia JSON export.';
  const guesses: [RegExp, string][] = [
    [
      // Insomnia 10 and later export YAML (`type: collection.insomnia.rest/5.0`).
      /^\s*type:\s*["']?(?:collection|spec|environment|mock)\.insomnia\.rest\/\d/m,
      "This is an Insomnia export in its YAML format, which Keycheck does not read. In Insomnia, open the request's menu, choose Copy as Curl, and paste that here.",
    ],
    [
      /^\s*[{[]/,
      'This looks like JSON, but not a HAR file, a Postman collection or an Insomnia export.',
    ],
    [
      /^\s*(?:def |import |from \w+ import |print\()/m,
      'This looks like Python code, but no requests, httpx, aiohttp, http.client or urllib call was found.',
    ],
    [
      /^\s*(?:function |const |let |var |import .* from |export )/m,
      'This looks like JavaScript code, but no fetch, axios, XMLHttpRequest or https.request call was found.',
    ],
    [
      /^\s*\$\w+\s*=|\b(?:Write-Host|Get-\w+|Set-\w+)\b/m,
      'This looks like PowerShell, but no Invoke-RestMethod, Invoke-WebRequest or WebClient request was found.',
    ],
    [
      /^\s*<(?:!doctype|html)/im,
      'This looks like an HTML page: a response body, not a request. Paste it in the Response box.',
    ],
    [/^\s*HTTP\/\d/m, 'This looks like a response, not a request. Paste it in the Response box.'],
  ];
  for (const [pattern, message] of guesses) {
    const match = pattern.exec(head);
    if (match) {
      const where = positionAt(text, match.index + (match[0].length - match[0].trimStart().length));
      return { message: `${message} ${accepted}`, line: where.line, column: where.column };
    }
  }
  return { message: `Could not tell what this is. ${accepted}`, line, column: 1 };
}

/**
 * Reads the Response box: `curl -i` output (the last response counts), `curl -v` output (its
 * `<` lines), a status alone, a body alone (status `null`: unknown), or nothing (`response`
 * null: only the request-stage checks apply). Never throws.
 */
export function parseResponsePaste(text: string): ParseResult<ResponsePaste> {
  if (text.trim() === '')
    return { ok: true, value: { format: 'empty', response: null, notes: [] } };
  // What a tool printed (an error, a crash, its own words) before the built-in shapes.
  const answer = detectReader(text, ANSWER_READERS);
  if (answer) {
    const read = answer.reader.read(text);
    if (read.ok) return read;
  }
  const trimmed = text.trim();
  const status = trimmed.length < 200 ? STATUS_ONLY.exec(trimmed) : null;
  if (status) {
    return {
      ok: true,
      value: {
        format: 'status-only',
        response: {
          status: Number(status[1]),
          statusText: status[2]?.trim() ?? '',
          headers: [],
          body: '',
          size: 0,
        },
        notes: [],
      },
    };
  }
  if (/^< ?HTTP\/\d/m.test(text.slice(0, 65536))) {
    const { rounds, body } = splitVerbose(text);
    const round = rounds[rounds.length - 1];
    const read = readResponse(round ? responseLines(round, body) : []);
    return read.ok ? { ok: true, value: { format: 'http', ...read.value } } : read;
  }
  const lines = splitLines(text);
  const first = lines.find((l) => l.text.trim() !== '');
  if (first && isStatusLine(first.text.trim())) {
    const read = readResponse(lines);
    return read.ok ? { ok: true, value: { format: 'http', ...read.value } } : read;
  }
  return {
    ok: true,
    value: {
      format: 'body-only',
      response: { status: null, statusText: '', headers: [], body: text, size: utf8Size(text) },
      notes: [{ message: 'Only a body was pasted: the status is not known.' }],
    },
  };
}

/**
 * The exchange to diagnose: the chosen request, with the Response box's answer when one was
 * pasted, else the answer that came with the request (a HAR entry's, curl -v's `<` lines).
 */
export function pastedExchange(candidate: PastedRequest, pasted: ResponsePaste | null): Exchange {
  // What the Response box shows (an answer, or the tool's word that none came) comes first.
  const response = pasted?.response ?? (pasted?.failure ? undefined : candidate.response);
  const failure = pasted?.failure ?? candidate.failure;
  return {
    source: 'pasted',
    request: candidate.request,
    ...(response ? { response } : failure ? { failure } : {}),
    ...(candidate.startedAt ? { startedAt: candidate.startedAt } : {}),
    ...(candidate.durationMs !== undefined ? { durationMs: candidate.durationMs } : {}),
  };
}
