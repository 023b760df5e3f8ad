/*
 * What Python's HTTP libraries print (FACTS.md, "What customers paste as the answer"): requests'
 * `HTTPError: 401 Client Error: Unauthorized for url: ...`, httpx's `HTTPStatusError: Client
 * error '401 Unauthorized' for url '...'`, urllib's `HTTPError: HTTP Error 403: Forbidden`, a
 * printed `<Response [401]>`, and the exceptions that mean no answer came (a traceback's last
 * exception counts: chained ones come before it).
 */
import type { AnswerReader } from '../reader';
import { answer, detectLine, failureIn, lastLine, noAnswer, textLines, unreadable } from './common';

const FORMAT = 'python-error';
const EXCEPTION =
  /\b(?:requests|httpx|urllib3|urllib\.error|http\.client|aiohttp|ssl|socket)\.(?:exceptions\.)?[A-Za-z]*(?:Error|Exception|Timeout|Refused)\b|^(?:ConnectionRefusedError|TimeoutError|socket\.gaierror|ssl\.SSLCertVerificationError|ValueError: Invalid header value)\b/;
const OPENS = [
  /^Traceback \(most recent call last\):/,
  EXCEPTION,
  /<Response \[\d{3}\]>/,
  /^\s*HTTP Error \d{3}: /,
];
/** requests: `401 Client Error: Unauthorized for url: https://...` */
const REQUESTS_STATUS = /\b([1-5]\d\d) (?:Client|Server) Error: (.{0,200}?) for url: (\S+)/;
/** httpx: `Client error '401 Unauthorized' for url '...'` */
const HTTPX_STATUS =
  /\b(?:Client|Server|Redirect|Informational) error '([1-5]\d\d) ([^'\n]{0,200})' for url '([^'\n]{0,2000})'/i;
/** urllib: `urllib.error.HTTPError: HTTP Error 403: Forbidden` */
const URLLIB_STATUS = /HTTP Error ([1-5]\d\d): ?(.{0,200})/;
/** A response printed: `<Response [401]>`. */
const PRINTED = /<Response \[([1-5]\d\d)\]>/;
/** A traceback's exception line: `module.Name: message` at the start of a line. */
const EXCEPTION_LINE =
  /^(?:[A-Za-z_][\w.]*\.)?[A-Z]\w*(?:Error|Exception|Timeout|Refused|Warning)\b:?/;

export const pythonAnswer: AnswerReader = {
  kind: 'answer',
  format: FORMAT,
  label: 'Python (requests, httpx, urllib errors)',
  detect: detectLine(OPENS),
  read(text) {
    const lines = textLines(text);
    for (const pattern of [REQUESTS_STATUS, HTTPX_STATUS, URLLIB_STATUS, PRINTED]) {
      const found = lastLine(lines, pattern);
      if (!found) continue;
      const status = Number(found.match[1]);
      const body = bodyAfter(lines, found.index) || printedBefore(lines, status);
      return answer(FORMAT, {
        status,
        ...(found.match[2] !== undefined ? { statusText: found.match[2].trim() } : {}),
        body,
      });
    }
    const last = lastLine(lines, EXCEPTION_LINE) ?? lastLine(lines, EXCEPTION);
    const words = last ? last.at.text.trim() : '';
    // The whole chain is read for the kind (the last line may only say ConnectionError).
    const kind = failureIn(words) ?? failureIn(lines.map((l) => l.text).join('\n'));
    if (kind) return noAnswer(FORMAT, kind, words || kind, text);
    return unreadable(
      last?.at ?? lines[0],
      'This looks like a Python error, but it shows no status and no reason that says no answer came.',
    );
  },
};

/** What the script printed after the status line (often `print(r.text)`), until a blank line. */
function bodyAfter(lines: ReturnType<typeof textLines>, index: number): string {
  const out: string[] = [];
  for (let i = index + 1; i < lines.length; i++) {
    const t = (lines[i] as { text: string }).text;
    if (t.trim() === '' || EXCEPTION_LINE.test(t) || /^\s*File "/.test(t)) break;
    out.push(t);
  }
  return out.join('\n');
}

/**
 * What the script printed before its traceback: `print(e.read().decode())` in an `except` that
 * then re-raises prints the body first (`error code: 1010`), and `print(e.code, e.read())` the
 * status before it (`403 error code: 1010`), which is not part of the body.
 */
function printedBefore(lines: ReturnType<typeof textLines>, status: number): string {
  const traceback = lines.findIndex((l) => /^Traceback \(most recent call last\):/.test(l.text));
  if (traceback <= 0) return '';
  const printed = lines
    .slice(0, traceback)
    .map((l) => l.text)
    .join('\n')
    .trim();
  const own = `${status} `;
  return printed.startsWith(own) ? printed.slice(own.length).trimStart() : printed;
}
