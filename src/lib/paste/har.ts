import type { FailureKind, Header, ReceivedResponse, TransportFailure } from '../core/exchange';
import { API_HOST } from '../core/checklist';
import {
  failAt,
  failAtLine,
  utf8Size,
  type ParseResult,
  type PastedRequest,
  type PasteNote,
} from './result';
import { findJsonError } from '../core/json-error';
import { userinfoOf } from './sensitive';
import { base64ToBytes, requestLabel } from '../core/text';
import { isRecord as isObject } from '../core/json';
import { matchIf, type RequestReader } from './reader';

type Json = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;

/** Chromium's net error names for a request that got no answer, and what they mean here. */
const NET_ERRORS: ReadonlyArray<[RegExp, FailureKind, string]> = [
  [/INTERNET_DISCONNECTED/, 'offline', 'the browser was offline'],
  [/TIMED_OUT/, 'timeout', 'the connection timed out'],
  [/ABORTED/, 'aborted', 'the request was cancelled'],
  [/BLOCKED_BY_CSP/, 'blocked-by-policy', "the page's Content-Security-Policy blocked it"],
  [
    /NAME_NOT_RESOLVED|CONNECTION_(?:REFUSED|RESET|CLOSED)|ADDRESS_UNREACHABLE|BLOCKED_BY_CLIENT/,
    'unreachable',
    'nothing answered',
  ],
  // Chromium records a response withheld by CORS as a bare ERR_FAILED with status 0.
  [
    /^net::ERR_FAILED$/,
    'cors',
    'likely blocked by CORS: Chromium records a withheld answer this way',
  ],
];

/** True when `text` looks like a HAR file (JSON with a `log`). */
export function looksLikeHar(text: string): boolean {
  return /^\s*\{/.test(text.slice(0, 1024)) && text.includes('"log"');
}

/**
 * The JSON of a HAR file and its `log.entries` list, or where it goes wrong. Never passes the
 * engine's message on: it quotes the paste, which may hold a key.
 */
export function readHar(text: string): ParseResult<{ data: Json; entries: unknown[] }> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const where = findJsonError(text);
    return failAt(
      text,
      where?.offset ?? text.length,
      `The HAR file is not valid JSON: expected ${where?.expected ?? 'valid JSON'} here.`,
    );
  }
  const log = isObject(data) ? data['log'] : undefined;
  const entries = isObject(log) ? log['entries'] : undefined;
  if (!isObject(data) || !Array.isArray(entries)) {
    return failAtLine(1, 1, 'This JSON is not a HAR file: it has no "log.entries" list.');
  }
  return { ok: true, value: { data, entries } };
}

/**
 * Reads a HAR file (as Chromium, Firefox or Safari export it). Entries to the API host
 * (`api.redislabs.com`) are returned, or every entry when none goes there, each with a label
 * (`#3 GET /v1/ -> 401`) so the user can choose, and with its own response. A status of 0 means
 * the browser got no answer: the entry then carries a `failure` instead of a response.
 */
export function parseHar(text: string): ParseResult<PastedRequest[]> {
  const read = readHar(text);
  if (!read.ok) return read;
  const { entries } = read.value;
  const all: { index: number; entry: PastedRequest; host: string }[] = [];
  let malformed = 0;
  entries.forEach((raw: unknown, index) => {
    const read = readEntry(raw, index + 1);
    if (read) all.push({ index, entry: read.entry, host: read.host });
    else malformed++;
  });
  if (all.length === 0) {
    return failAtLine(1, 1, 'The HAR file has no request entries.');
  }
  handlePreflights(all);
  const toApi = all.filter((e) => e.host === API_HOST);
  const chosen = (toApi.length > 0 ? toApi : all).map((e) => e.entry);
  const first = chosen[0];
  if (first && malformed > 0) {
    first.notes.push({
      message: `${malformed} entries of the HAR file could not be read and were skipped.`,
    });
  }
  if (first && toApi.length === 0) {
    first.notes.push({
      message: `No entry goes to ${API_HOST}; all ${all.length} entries are offered.`,
    });
  }
  return { ok: true, value: chosen };
}

const isPreflight = (entry: PastedRequest): boolean =>
  entry.request.method.toUpperCase() === 'OPTIONS' &&
  entry.request.headers.some((h) => h.name.toLowerCase() === 'access-control-request-method');

/**
 * A CORS preflight (OPTIONS with Access-Control-Request-Method) never carries the keys: it is
 * dropped in favour of the real request to the same URL, and a real request that got no answer
 * after it failed on CORS. A preflight left alone is kept with a note.
 */
function handlePreflights(all: { index: number; entry: PastedRequest; host: string }[]): void {
  for (let i = all.length - 1; i >= 0; i--) {
    const pre = all[i]?.entry;
    if (!pre || !isPreflight(pre)) continue;
    const real = all.find(
      (e, j) => j !== i && !isPreflight(e.entry) && e.entry.request.url === pre.request.url,
    );
    if (!real) {
      pre.notes.push({
        message:
          'This is a CORS preflight: the browser sends it on its own, without the keys, so the keys were never judged in it. The request it prepared is not in the HAR file.',
      });
      continue;
    }
    all.splice(i, 1);
    const answered = pre.response?.status;
    if (!real.entry.response) {
      real.entry.failure = {
        kind: 'cors',
        message: `The browser's CORS preflight (OPTIONS) ${answered ? `got ${answered}` : 'got no answer'}${answered && answered >= 200 && answered < 300 ? ' without the CORS headers the page needed' : ''}, so the browser never sent this request or withheld its answer.`,
      };
      real.entry.label = real.entry.label.replace(/ -> no answer$/, ' -> blocked by CORS');
    }
    real.entry.notes.push({
      message: `A CORS preflight (OPTIONS)${answered ? ` answered ${answered}` : ''} came before this request; a preflight never carries the keys, so its answer says nothing about them.`,
    });
  }
}

function readEntry(raw: unknown, number: number): { entry: PastedRequest; host: string } | null {
  if (!isObject(raw) || !isObject(raw['request'])) return null;
  const req = raw['request'];
  const method = str(req['method']);
  const url = str(req['url']);
  if (!method || !url) return null;
  const postData = isObject(req['postData']) ? str(req['postData']['text']) : undefined;
  const request = {
    method,
    url,
    // HTTP/2 pseudo-headers (`:authority`) repeat the URL; they are not headers anyone sent.
    headers: readHeaders(req['headers']).filter((h) => !h.name.startsWith(':')),
    ...(postData !== undefined && postData !== '' ? { body: postData } : {}),
  };
  const notes: PasteNote[] = [];
  const res = isObject(raw['response']) ? raw['response'] : undefined;
  const status = num(res?.['status']);
  let response: ReceivedResponse | undefined;
  let failure: TransportFailure | undefined;
  if (res && status !== undefined && status > 0) {
    response = readResponse(res, status, notes);
  } else if (res) {
    failure = readFailure(str(res['_error']) ?? '');
  }
  const startedAt = str(raw['startedDateTime']);
  const durationMs = num(raw['time']);
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    notes.push({ message: "The entry's URL is not a valid URL." });
  }
  const label = `#${number} ${requestLabel(request)}${response ? ` -> ${response.status}` : failure ? ' -> no answer' : ''}`;
  return {
    host,
    entry: {
      label,
      request,
      ...(response ? { response } : {}),
      ...(failure ? { failure } : {}),
      ...(startedAt ? { startedAt } : {}),
      ...(durationMs !== undefined && durationMs >= 0 ? { durationMs } : {}),
      variables: [],
      unknownOptions: [],
      notes,
      sensitive: userinfoOf(url),
    },
  };
}

function readHeaders(raw: unknown): Header[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((h: unknown) => {
    const name = isObject(h) ? str(h['name']) : undefined;
    const value = isObject(h) ? str(h['value']) : undefined;
    return name !== undefined && value !== undefined ? [{ name, value }] : [];
  });
}

function readResponse(res: Json, status: number, notes: PasteNote[]): ReceivedResponse {
  const content = isObject(res['content']) ? res['content'] : {};
  let body = str(content['text']) ?? '';
  if (content['encoding'] === 'base64') {
    const bytes = base64ToBytes(body);
    if (bytes) body = new TextDecoder().decode(bytes);
    else
      notes.push({ message: 'The response body is marked base64 but is not; it is shown as is.' });
  }
  if (content['text'] === undefined) {
    notes.push({
      message: 'The HAR file does not hold the response body (the browser did not keep it).',
    });
  }
  return {
    status,
    statusText: str(res['statusText']) ?? '',
    headers: readHeaders(res['headers']),
    body,
    size: utf8Size(body),
  };
}

function readFailure(error: string): TransportFailure {
  for (const [pattern, kind, meaning] of NET_ERRORS) {
    if (/^net::[A-Z0-9_]{1,60}$/.test(error) && pattern.test(error))
      return { kind, message: `The browser recorded ${error}: ${meaning}.` };
  }
  // Only a net error name is repeated: anything else in that field could be pasted text.
  const name = /^net::[A-Z0-9_]{1,60}$/.test(error) ? error : '';
  return {
    kind: 'unreachable',
    message: name
      ? `The browser recorded ${name} and no answer.`
      : 'The browser recorded no answer (status 0).',
  };
}

export const harReader: RequestReader = {
  kind: 'request',
  format: 'har',
  label: 'HAR file',
  detect: (text) => matchIf(looksLikeHar(text)),
  read: parseHar,
};
