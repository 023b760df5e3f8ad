/*
 * curl's own error line (FACTS.md, "What customers paste as the answer"): `curl: (22) The
 * requested URL returned error: 401` with `-f`, and the exit codes that mean no answer came
 * (`(6)` could not resolve, `(7)` failed to connect, `(28)` timed out, `(35)` handshake,
 * `(60)` certificate). With `-i`, the status block before the line gives the headers and body.
 */
import type { FailureKind } from '../../core/exchange';
import type { AnswerReader } from '../reader';
import { readResponse, splitLines } from '../http-message';
import { answer, detectLine, lastLine, noAnswer, textLines, unreadable } from './common';

const FORMAT = 'curl-exit';
const EXIT = /(?:^|\s)curl(?:\.exe)?: \((\d{1,3})\) ?(.*)$/;
const HTTP_ERROR = /returned error: ([1-5]\d\d)(?: (.*))?$/;

/** What each exit code means when no answer came (curl's libcurl-errors list). */
const EXIT_KINDS: Readonly<Record<number, FailureKind>> = {
  1: 'invalid-url',
  3: 'invalid-url',
  5: 'unreachable',
  6: 'unreachable',
  7: 'unreachable',
  28: 'timeout',
  35: 'tls',
  51: 'tls',
  52: 'unreachable',
  53: 'tls',
  54: 'tls',
  55: 'unreachable',
  56: 'unreachable',
  58: 'tls',
  59: 'tls',
  60: 'tls',
  64: 'tls',
  66: 'tls',
  77: 'tls',
  80: 'tls',
  82: 'tls',
  83: 'tls',
  90: 'tls',
  91: 'tls',
  97: 'unreachable',
  98: 'tls',
};

export const curlAnswer: AnswerReader = {
  kind: 'answer',
  format: FORMAT,
  label: "curl's error line (curl: (N) ...)",
  detect: detectLine([EXIT]),
  read(text) {
    const lines = textLines(text);
    const exit = lastLine(lines, EXIT);
    if (!exit) return unreadable(lines[0], 'No "curl: (N)" line was found.');
    const code = Number(exit.match[1]);
    const words = (exit.match[2] ?? '').trim();
    const http = code === 22 ? HTTP_ERROR.exec(words) : null;
    if (http) {
      const status = Number(http[1]);
      // `-i -f`: the status block before the line holds the headers (curl -f prints no body).
      const block = lastStatusBlock(text.slice(0, exit.at.offset));
      if (block && block.status === status) {
        return answer(FORMAT, {
          status,
          statusText: block.statusText,
          headers: block.headers,
          body: block.body,
        });
      }
      return answer(FORMAT, { status, ...(http[2] ? { statusText: http[2].trim() } : {}) });
    }
    const kind = EXIT_KINDS[code];
    if (!kind) {
      return unreadable(
        exit.at,
        `curl stopped with exit code ${code}, which does not say whether an answer came.`,
      );
    }
    return noAnswer(FORMAT, kind, `curl: (${code}) ${words}`, text);
  },
};

function lastStatusBlock(text: string) {
  const lines = splitLines(text);
  let at = -1;
  for (let i = 0; i < lines.length; i++)
    if (/^HTTP\/\d(?:\.\d)? \d{3}/.test(lines[i]?.text ?? '')) at = i;
  if (at < 0) return null;
  const read = readResponse(lines.slice(at));
  return read.ok ? read.value.response : null;
}
