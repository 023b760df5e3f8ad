/*
 * Raw HTTP messages as people paste them: a request (request line, headers, body) and the
 * output of `curl -i` (one or more status blocks). Works on lines that remember where they sat
 * in the paste, so that `curl -v` output, whose lines carry a `> ` or `< ` prefix, reuses it
 * with errors still pointing at the right line and column.
 */
import type { Header, ReceivedResponse, SentRequest } from '../core/exchange';
import type { ParseResult, PasteNote } from './result';
import { utf8Size } from './result';

/** One line of the paste without its line end; `column` is where `text` starts (1-based). */
export interface Line {
  text: string;
  line: number;
  column: number;
}

/** The lines of `text`, CR before LF dropped. Linear. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let n = 1; ; n++) {
    const end = text.indexOf('\n', start);
    const raw = text.slice(start, end < 0 ? text.length : end);
    lines.push({ text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, line: n, column: 1 });
    if (end < 0) return lines;
    start = end + 1;
  }
}

const STATUS_LINE = /^HTTP\/(\d(?:\.\d)?) +(\d{3})(?: +(.*))?$/;
const REQUEST_LINE = /^([A-Za-z]+) +(\S+)(?: +HTTP\/\d(?:\.\d)?)? *$/;

export function isStatusLine(text: string): boolean {
  return STATUS_LINE.test(text);
}

export function isRequestLine(text: string): boolean {
  return REQUEST_LINE.test(text);
}

function fail<T>(at: Line, offset: number, message: string): ParseResult<T> {
  return { ok: false, error: { message, line: at.line, column: at.column + offset } };
}

/**
 * Header lines from `from` up to the first empty line (or the end). A line starting with a space
 * continues the previous value (obsolete folding). HTTP/2 pseudo-headers (`:path`) come back
 * in `pseudo`, not in `headers`.
 */
export function readHeaders(
  lines: readonly Line[],
  from: number,
): ParseResult<{ headers: Header[]; pseudo: Map<string, string>; next: number }> {
  const headers: Header[] = [];
  const pseudo = new Map<string, string>();
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i] as Line;
    const text = line.text;
    if (text.trim() === '') return { ok: true, value: { headers, pseudo, next: i + 1 } };
    const last = headers[headers.length - 1];
    if ((text.startsWith(' ') || text.startsWith('\t')) && last) {
      last.value += ` ${text.trim()}`;
      continue;
    }
    const colon = text.indexOf(':', text.startsWith(':') ? 1 : 0);
    const name = colon < 0 ? '' : text.slice(0, colon).trim();
    if (colon < 0 || name === '' || /\s/.test(name)) {
      return fail(
        line,
        0,
        `Line ${line.line} should be a header ("name: value") but has no header name and colon.`,
      );
    }
    const value = text.slice(colon + 1).replace(/^[ \t]+/, '');
    if (name.startsWith(':')) pseudo.set(name.toLowerCase(), value);
    else headers.push({ name, value });
  }
  return { ok: true, value: { headers, pseudo, next: i } };
}

/**
 * Joins lines back with `\n` (a pasted body's own line ends are not known for certain). Line
 * ends at the very end are dropped: they come from the terminal or the text box, not the body.
 */
export function joinLines(lines: readonly Line[], from: number): string {
  let to = lines.length;
  while (to > from && (lines[to - 1] as Line).text === '') to--;
  return lines
    .slice(from, to)
    .map((l) => l.text)
    .join('\n');
}

/**
 * A request: `METHOD target [HTTP/x]`, headers, a blank line, a body. Also the HTTP/2 form a
 * browser's developer tools copy, with `:method`, `:path`, `:authority` and `:scheme` instead of
 * a request line. The host comes from the target, `Host` or `:authority`; without a scheme,
 * https is assumed (the API answers only on https) and a note says so.
 */
export function readRequest(
  lines: readonly Line[],
  scheme: string | null,
): ParseResult<{ request: SentRequest; notes: PasteNote[] }> {
  const notes: PasteNote[] = [];
  let i = 0;
  while (i < lines.length && (lines[i] as Line).text.trim() === '') i++;
  const first = lines[i];
  if (!first) return { ok: false, error: { message: 'The request is empty.', line: 1, column: 1 } };
  const match = REQUEST_LINE.exec(first.text.trim());
  if (!match && !first.text.startsWith(':')) {
    return fail(first, 0, 'Expected a request line such as "GET /v1/ HTTP/1.1".');
  }
  const head = readHeaders(lines, match ? i + 1 : i);
  if (!head.ok) return head;
  const { headers, pseudo, next } = head.value;
  const method = match?.[1] ?? pseudo.get(':method');
  const target = match?.[2] ?? pseudo.get(':path');
  if (!method || !target) {
    return fail(first, 0, 'The request has no method and path (":method" and ":path").');
  }
  let url = target;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    const host =
      headers.find((h) => h.name.toLowerCase() === 'host')?.value ?? pseudo.get(':authority');
    if (!host)
      return fail(
        first,
        0,
        'No Host header: the paste does not say which host the request went to.',
      );
    const used = pseudo.get(':scheme') ?? scheme;
    if (!used)
      notes.push({
        message: 'The paste does not show the scheme; https is assumed.',
        line: first.line,
      });
    url = `${used ?? 'https'}://${host.trim()}${target.startsWith('/') ? '' : '/'}${target}`;
  }
  const body = next < lines.length ? joinLines(lines, next) : '';
  return {
    ok: true,
    value: { request: { method, url, headers, ...(body !== '' ? { body } : {}) }, notes },
  };
}

/**
 * The output of `curl -i`: one status block per response. After a `100 Continue`, a proxy's
 * `200 Connection established` or a redirect that `-L` followed, the last response counts and a
 * note lists the earlier ones.
 */
export function readResponse(
  lines: readonly Line[],
): ParseResult<{ response: ReceivedResponse; notes: PasteNote[] }> {
  const notes: PasteNote[] = [];
  const skipped: string[] = [];
  let i = 0;
  for (;;) {
    while (i < lines.length && (lines[i] as Line).text.trim() === '') i++;
    const statusLine = lines[i];
    if (!statusLine)
      return { ok: false, error: { message: 'The response is empty.', line: 1, column: 1 } };
    const match = STATUS_LINE.exec(statusLine.text.trim());
    if (!match)
      return fail(statusLine, 0, 'Expected a status line such as "HTTP/1.1 401 Unauthorized".');
    const head = readHeaders(lines, i + 1);
    if (!head.ok) return head;
    const status = Number(match[2]);
    let after = head.value.next;
    while (after < lines.length && (lines[after] as Line).text.trim() === '') after++;
    const another = lines[after];
    if (
      another &&
      (status < 200 || status >= 300 || statusLine.text.includes('Connection established'))
    ) {
      if (STATUS_LINE.test(another.text.trim())) {
        skipped.push(String(status));
        i = after;
        continue;
      }
    }
    if (skipped.length) {
      notes.push({
        message: `Earlier responses (${skipped.join(', ')}) were skipped: the last response counts.`,
        line: statusLine.line,
      });
    }
    const body = head.value.next < lines.length ? joinLines(lines, head.value.next) : '';
    return {
      ok: true,
      value: {
        response: {
          status,
          statusText: match[3]?.trim() ?? '',
          headers: head.value.headers,
          body,
          size: utf8Size(body),
        },
        notes,
      },
    };
  }
}
