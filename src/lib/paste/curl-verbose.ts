import type { ReceivedResponse } from '../core/exchange';
import { readRequest, readResponse, splitLines, type Line } from './http-message';
import type { ParseResult, PastedRequest, PasteNote } from './result';
import { userinfoOf } from './sensitive';
import { requestLabel } from '../core/text';
import { listOf, matchIf, type RequestReader } from './reader';

/** `{ [5 bytes data]` and `} [5 bytes data]`: curl's markers for bytes it did not print. */
const DATA_MARKER = /^[{}] \[\d+ bytes data\]$/;
/** `* Connected to api.redislabs.com (1.2.3.4) port 443` */
const CONNECTED = /^\* +Connected to \S+ \([^)]*\) port (\d+)/;
const TLS = /^\* +(?:SSL connection|ALPN|TLS|Server certificate)/i;

export interface Round {
  request: Line[];
  response: Line[];
}

/**
 * Splits `curl -v` output: `>` lines are the request, `<` lines the response headers, lines
 * without a prefix after them the response body; `*` lines are curl's own remarks (read only for
 * the scheme: a TLS handshake or port 443 means https). After a redirect followed with `-L`, the
 * last request and its response count.
 */
export function splitVerbose(text: string): {
  rounds: Round[];
  scheme: string | null;
  body: Line[];
} {
  const rounds: Round[] = [];
  let scheme: string | null = null;
  let current: Round | null = null;
  let body: Line[] = [];
  let headersClosed = false;
  for (const line of splitLines(text)) {
    const t = line.text;
    // curl's prefix is `> ` or `< ` (a bare one ends a block); `<html>` is a body line.
    const prefix = /^[<>](?:\s|$)/.test(t) ? t[0] : '';
    const bodyLine = prefix === '<' && headersClosed && !/^< ?HTTP\/\d/.test(t);
    if ((prefix === '>' || prefix === '<') && !bodyLine) {
      const content = {
        ...line,
        text: t.slice(t[1] === ' ' ? 2 : 1),
        column: t[1] === ' ' ? 3 : 2,
      };
      // A `<` block pasted without its `>` lines still makes a round of its own.
      if (!current || (prefix === '>' && current.response.length > 0)) {
        current = { request: [], response: [] };
        rounds.push(current);
        body = [];
      }
      (prefix === '>' ? current.request : current.response).push(content);
      headersClosed = prefix === '<' && content.text.trim() === '';
    } else if (t.startsWith('*')) {
      const port = CONNECTED.exec(t)?.[1];
      if (port === '443' || TLS.test(t)) scheme = 'https';
      else if (port === '80' && scheme === null) scheme = 'http';
    } else if (!DATA_MARKER.test(t.trim()) && current && current.response.length > 0) {
      body.push(line);
    }
  }
  return { rounds, scheme, body };
}

/** The lines of a round's response: the `<` lines, then the body lines. */
export function responseLines(round: Round, body: readonly Line[]): Line[] {
  // The `<` block ends with a bare `<`; when it was cut off, a blank line still has to part
  // the headers from the body.
  const closed = round.response[round.response.length - 1]?.text.trim() === '';
  return [...round.response, ...(closed ? [] : [{ text: '', line: 0, column: 1 }]), ...body];
}

/** True when `text` looks like `curl -v` output: a `> METHOD path HTTP/x` line. */
export function looksVerbose(text: string): boolean {
  return /^> ?[A-Za-z]+ \S+ HTTP\/\d/m.test(text.slice(0, 65536));
}

/** Reads `curl -v` output into the request it shows and, when present, its response. */
export function parseCurlVerbose(text: string): ParseResult<PastedRequest> {
  const { rounds, scheme, body } = splitVerbose(text);
  const round = rounds[rounds.length - 1];
  if (!round || round.request.length === 0) {
    return {
      ok: false,
      error: { message: 'No request lines (starting with ">") found.', line: 1, column: 1 },
    };
  }
  const notes: PasteNote[] = [];
  if (rounds.length > 1) {
    notes.push({
      message: `curl made ${rounds.length} requests (redirects followed); the last one is read.`,
    });
  }
  const read = readRequest(round.request, scheme);
  if (!read.ok) return read;
  notes.push(...read.value.notes);
  let response: ReceivedResponse | undefined;
  if (round.response.length > 0) {
    const answer = readResponse(responseLines(round, body));
    if (!answer.ok) return answer;
    response = answer.value.response;
    notes.push(...answer.value.notes);
  }
  const request = read.value.request;
  return {
    ok: true,
    value: {
      label: requestLabel(request) + (response?.status ? ` -> ${response.status}` : ''),
      request,
      ...(response ? { response } : {}),
      variables: [],
      unknownOptions: [],
      notes,
      sensitive: userinfoOf(request.url),
    },
  };
}

export const curlVerboseReader: RequestReader = {
  kind: 'request',
  format: 'curl-verbose',
  label: 'curl -v output',
  detect: (text) => matchIf(looksVerbose(text)),
  read: (text) => listOf(parseCurlVerbose(text)),
};
