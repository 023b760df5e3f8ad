/*
 * What wget prints (FACTS.md, "What customers paste as the answer"): `HTTP request sent,
 * awaiting response... 401 Unauthorized`, then its own words (`Username/Password Authentication
 * Failed.` for any 401, keys or not; `ERROR 403: Forbidden.`); with `-S` the answer's headers,
 * indented; and its words when no answer came. BusyBox's wget: `wget: server returned error:
 * HTTP/1.1 401 Unauthorized`, `wget: bad address '...'`.
 */
import type { Header } from '../../core/exchange';
import type { AnswerReader } from '../reader';
import { answer, detectLine, failureIn, lastLine, noAnswer, textLines, unreadable } from './common';

const FORMAT = 'wget-output';
const AWAITING = /(?:HTTP|Proxy) request sent, awaiting response\.\.\. ?(?:([1-5]\d\d) ?(.*))?$/;
const ERROR_LINE = /ERROR ([1-5]\d\d): (.*?)\.?\s*$/;
const BUSYBOX = /^wget: server returned error: HTTP\/\d(?:\.\d)? ([1-5]\d\d) ?(.*)$/;
const HEADER_STATUS = /^\s+HTTP\/\d(?:\.\d)? ([1-5]\d\d) ?(.*)$/;
const OPENS = [
  AWAITING,
  /^--\d{4}-\d\d-\d\d \d\d:\d\d:\d\d--\s/,
  /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d ERROR \d{3}:/,
  /^wget: /,
  /^Resolving \S+ \(\S+\)\.\.\./,
  /^Connecting to \S+ \(\S+\)\|/,
];

export const wgetAnswer: AnswerReader = {
  kind: 'answer',
  format: FORMAT,
  label: "wget's output",
  detect: detectLine(OPENS),
  read(text) {
    const lines = textLines(text);
    // A redirect that wget followed: the last exchange counts.
    const sent = lastLine(lines, AWAITING);
    const from = sent?.index ?? 0;
    const after = lines.slice(from);
    // With -S the status line and headers follow, indented.
    const headerStatus = lastLine(after, HEADER_STATUS);
    const headers: Header[] = [];
    if (headerStatus) {
      for (let i = headerStatus.index + 1; i < after.length; i++) {
        const m = /^\s+([A-Za-z][\w-]*): ?(.*)$/.exec(after[i]?.text ?? '');
        if (!m) break;
        headers.push({ name: m[1] ?? '', value: m[2] ?? '' });
      }
    }
    const status =
      (sent?.match[1] ? sent.match : null) ??
      headerStatus?.match ??
      lastLine(lines, BUSYBOX)?.match ??
      lastLine(lines, ERROR_LINE)?.match;
    if (status) {
      const notes =
        Number(status[1]) === 401 && /Authentication Failed/i.test(text)
          ? [
              {
                message:
                  '"Username/Password Authentication Failed." is wget\'s own wording for any 401: it says nothing more about the keys than the status.',
              },
            ]
          : [];
      return answer(FORMAT, {
        status: Number(status[1]),
        statusText: (status[2] ?? '').trim(),
        headers,
        notes,
      });
    }
    const failed = lastLine(
      lines,
      /failed: |unable to resolve|bad address|can't connect|ERROR: |Unable to establish SSL|Read error|timed out|Giving up/i,
    );
    const kind = failed ? failureIn(failed.at.text) : null;
    if (failed && kind) return noAnswer(FORMAT, kind, failed.at.text.trim(), text);
    return unreadable(
      lines[0],
      "This looks like wget's output, but it shows no status and no reason that says no answer came.",
    );
  },
};
