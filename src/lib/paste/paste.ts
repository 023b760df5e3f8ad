import type { Exchange } from '../core/exchange';
import { looksLikeCollection, parseCollection } from './collections';
import { parseCurlCandidates } from './curl-command';
import { looksLikeHttpie, parseHttpie } from './httpie';
import { looksLikeJavaScript, parseJavaScript } from './javascript';
import { looksLikePowerShell, parsePowerShell } from './powershell';
import { looksLikePython, parsePython } from './python';
import { looksLikeToolLog, parseGoError, parseRedisInsight, parseTerraformLog } from './tool-logs';
import { looksLikeWget, parseWget } from './wget';
import type { ShellDialect } from './shell-words';
import { looksVerbose, parseCurlVerbose, responseLines, splitVerbose } from './curl-verbose';
import { looksLikeHar, parseHar } from './har';
import { isRequestLine, isStatusLine, readRequest, readResponse, splitLines } from './http-message';
import {
  positionAt,
  utf8Size,
  type ParseResult,
  type PasteError,
  type PastedRequest,
  type RequestPaste,
  type ResponsePaste,
} from './result';
import { userinfoOf } from './sensitive';
import { readAnswer } from './answers';
import { requestLabel } from '../core/text';

// The path before `curl` is bounded: an unbounded one backtracks over every later character.
const CURL_WORD = /(?:^|[\s;&|(])(?:[^\s'"]{0,256}[/\\])?curl(?:\.exe)?(?=\s|$)/i;
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
  const collection = looksLikeCollection(text);
  if (collection) return many(collection, parseCollection(text, collection));
  if (looksLikeHar(text)) {
    const har = parseHar(text);
    return har.ok ? { ok: true, value: { format: 'har', candidates: har.value } } : har;
  }
  const tool = looksLikeToolLog(text);
  if (tool === 'terraform-log') return many(tool, parseTerraformLog(text));
  if (tool === 'redisinsight') return many(tool, parseRedisInsight(text));
  if (tool === 'go-client') return many(tool, parseGoError(text));
  const firstLine = splitLines(text.slice(0, 4096)).find((l) => l.text.trim() !== '');
  const first = firstLine?.text.trim() ?? '';
  const startsWithCurl = CURL_START.test(first);
  if (startsWithCurl && !looksLikePowerShellCurl(text)) return curlWithOutput(text, options);
  if (looksVerbose(text)) return one('curl-verbose', parseCurlVerbose(text));
  if ((isRequestLine(first) && HTTP_METHOD.test(first)) || first.startsWith(':'))
    return httpWithAnswer(text);
  if (looksLikePowerShell(text)) return many('powershell', parsePowerShell(text));
  if (looksLikePython(text)) return many('python', parsePython(text));
  if (looksLikeJavaScript(text)) return many('javascript', parseJavaScript(text));
  if (CURL_WORD.test(text.slice(0, 65536))) return curlWithOutput(text, options);
  if (looksLikeHttpie(text)) return one('httpie', parseHttpie(text));
  if (looksLikeWget(text)) return one('wget', parseWget(text));
  return { ok: false, error: whatItLooksLike(text, firstLine?.line ?? 1) };
}

/** A request line's method: a standard one in any case, or any word in capitals. */
const HTTP_METHOD = {
  test: (line: string) =>
    /^(?:get|post|put|patch|delete|head|options|trace|connect) /i.test(line) ||
    /^[A-Z]+ /.test(line),
};

/** `curl` (or `curl.exe`) as the first word of the first line, after an optional prompt. */
const CURL_START = /^(?:\$\s+|PS [^>]*>\s*|>\s*)?(?:[^\s'"]*[/\\])?curl(?:\.exe)?(?:\s|$)/i;

/** In Windows PowerShell 5, `curl -Uri ...` is Invoke-WebRequest, not curl. */
function looksLikePowerShellCurl(text: string): boolean {
  return /(?:^|\s)curl\s[^\n]*\s-(?:Uri|Headers|Method|Body|ContentType|UseBasicParsing)\b/i.test(
    text.slice(0, 65536),
  );
}

/** A line that starts what a curl command printed: `HTTP/1.1 401`, `< HTTP/2 401`, `* Trying`. */
const OUTPUT_START =
  /^(?:< ?HTTP\/\d(?:\.\d)? \d{3}|HTTP\/\d(?:\.\d)? \d{3}|\* +(?:Trying|Connected|Host | {2}Trying|processing|Uses proxy)|> [A-Z]+ \S+ HTTP\/)/;

/** A curl command, possibly followed by what it printed (`curl -i`, `curl -v`) in the same box. */
function curlWithOutput(
  text: string,
  options: { dialect?: ShellDialect },
): ParseResult<RequestPaste> {
  const lines = splitLines(text);
  const at = lines.findIndex((l, i) => i > 0 && OUTPUT_START.test(l.text));
  if (at < 0) return many('curl', parseCurlCandidates(text, options));
  // Keep the command's own line breaks (CRLF included) by cutting the text, not the lines.
  const cut = nthLineStart(text, at);
  const command = parseCurlCandidates(text.slice(0, cut), options);
  if (!command.ok) return command;
  const output = parseResponsePaste(text.slice(cut));
  const note = {
    message:
      'The Request box held the curl command and what it printed: the printed answer is read as the response.',
    line: at + 1,
  };
  for (const c of command.value) {
    c.notes.push(note);
    if (output.ok && output.value.response && output.value.response.status !== null) {
      c.response = output.value.response;
      c.notes.push(...output.value.notes);
    }
  }
  return { ok: true, value: { format: 'curl', candidates: command.value } };
}

function nthLineStart(text: string, n: number): number {
  let at = 0;
  for (let i = 0; i < n; i++) {
    const next = text.indexOf('\n', at);
    if (next < 0) return text.length;
    at = next + 1;
  }
  return at;
}

/** A raw request, and the answer after it when the box held both. */
function httpWithAnswer(text: string): ParseResult<RequestPaste> {
  const lines = splitLines(text);
  // The answer starts at a status line that follows a blank line.
  const at = lines.findIndex(
    (l, i) => i > 0 && isStatusLine(l.text.trim()) && lines[i - 1]?.text.trim() === '',
  );
  const read = readRequest(at < 0 ? lines : lines.slice(0, at), null);
  if (!read.ok) return read;
  const { request, notes } = read.value;
  const candidate: PastedRequest = {
    label: requestLabel(request),
    request,
    variables: [],
    unknownOptions: [],
    notes,
    sensitive: userinfoOf(request.url),
  };
  if (at >= 0) {
    const answer = readResponse(lines.slice(at));
    if (answer.ok) {
      candidate.response = answer.value.response;
      candidate.notes.push(
        {
          message:
            'The Request box held the request and its answer: the answer is read as the response.',
          line: (lines[at] as { line: number }).line,
        },
        ...answer.value.notes,
      );
    }
  }
  return { ok: true, value: { format: 'http', candidates: [candidate] } };
}

/**
 * The error for a paste no reader took: what it looks like, and where. Never quotes the paste.
 */
function whatItLooksLike(text: string, line: number): PasteError {
  const head = text.slice(0, 65536);
  const accepted =
    'Paste a curl command, a raw HTTP request, a HAR file, curl -v output, PowerShell, Python or JavaScript code, an HTTPie or wget command, a Terraform log, a Postman collection, or an Insomnia JSON export.';
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
      'This looks like Python code, but no requests or httpx call was found.',
    ],
    [
      /^\s*(?:function |const |let |var |import .* from |export )/m,
      'This looks like JavaScript code, but no fetch, axios or https.request call was found.',
    ],
    [
      /^\s*\$\w+\s*=|\b(?:Write-Host|Get-\w+|Set-\w+)\b/m,
      'This looks like PowerShell, but no Invoke-RestMethod or Invoke-WebRequest command was found.',
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

function many(
  format: RequestPaste['format'],
  result: ParseResult<PastedRequest[]>,
): ParseResult<RequestPaste> {
  return result.ok ? { ok: true, value: { format, candidates: result.value } } : result;
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
  // What a tool printed (an error, a crash, its own words) before the built-in shapes.
  const printed = readAnswer(text);
  if (printed) return printed;
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
