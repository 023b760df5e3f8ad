import type { Exchange } from '../api/exchange';
import { parseCurlCommand } from './curl-command';
import type { ShellDialect } from './shell-words';
import { looksVerbose, parseCurlVerbose, responseLines, splitVerbose } from './curl-verbose';
import { looksLikeHar, parseHar } from './har';
import { isRequestLine, isStatusLine, readRequest, readResponse, splitLines } from './http-message';
import {
  utf8Size,
  type ParseResult,
  type PastedRequest,
  type RequestPaste,
  type ResponsePaste,
} from './result';
import { userinfoOf } from './sensitive';
import { requestLabel } from './text';

const CURL_WORD = /(?:^|[\s;&|(])(?:[^\s'"]*[/\\])?curl(?:\.exe)?(?=\s|$)/i;
/** A status alone: `401`, `401 Unauthorized`, `HTTP 401`, `HTTP/2 401`. */
const STATUS_ONLY = /^(?:HTTP(?:\/\d(?:\.\d)?)? +)?([1-5]\d\d)(?: +([^\n]*))?$/i;

/**
 * Reads the Request box: a curl command, a raw HTTP request, a HAR file or `curl -v` output,
 * whichever it is. A HAR may give several candidates; every other format gives one. The shell
 * of a curl command is told from its line continuations; `options.dialect` overrides that
 * (a one-line command does not show whether it ran in bash or cmd.exe).
 * Never throws; an error says what and where.
 */
export function parseRequestPaste(
  text: string,
  options: { dialect?: ShellDialect } = {},
): ParseResult<RequestPaste> {
  if (text.trim() === '') {
    return { ok: false, error: { message: 'The Request box is empty.', line: 1, column: 1 } };
  }
  if (looksLikeHar(text)) {
    const har = parseHar(text);
    return har.ok ? { ok: true, value: { format: 'har', candidates: har.value } } : har;
  }
  if (looksVerbose(text)) return one('curl-verbose', parseCurlVerbose(text));
  const firstLine = splitLines(text.slice(0, 4096)).find((l) => l.text.trim() !== '');
  const first = firstLine?.text.trim() ?? '';
  if (isRequestLine(first) || first.startsWith(':')) {
    const read = readRequest(splitLines(text), null);
    if (!read.ok) return read;
    const { request, notes } = read.value;
    return one('http', {
      ok: true,
      value: {
        label: requestLabel(request),
        request,
        variables: [],
        unknownOptions: [],
        notes,
        sensitive: userinfoOf(request.url),
      },
    });
  }
  if (CURL_WORD.test(text.slice(0, 65536))) return one('curl', parseCurlCommand(text, options));
  return {
    ok: false,
    error: {
      message:
        'Could not tell what this is. Paste a curl command, a raw HTTP request, a HAR file or the output of curl -v.',
      line: firstLine?.line ?? 1,
      column: 1,
    },
  };
}

function one(
  format: RequestPaste['format'],
  result: ParseResult<PastedRequest>,
): ParseResult<RequestPaste> {
  return result.ok ? { ok: true, value: { format, candidates: [result.value] } } : result;
}

/**
 * Reads the Response box: `curl -i` output (the last response counts), `curl -v` output (its
 * `<` lines), a status alone, a body alone (status `null`: unknown), or nothing (`response`
 * null: only the request-stage checks apply). Never throws.
 */
export function parseResponsePaste(text: string): ParseResult<ResponsePaste> {
  if (text.trim() === '')
    return { ok: true, value: { format: 'empty', response: null, notes: [] } };
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
  const response = pasted?.response ?? candidate.response;
  return {
    source: 'pasted',
    request: candidate.request,
    ...(response ? { response } : candidate.failure ? { failure: candidate.failure } : {}),
    ...(candidate.startedAt ? { startedAt: candidate.startedAt } : {}),
    ...(candidate.durationMs !== undefined ? { durationMs: candidate.durationMs } : {}),
  };
}
