/*
 * What HTTPie prints (FACTS.md, "What customers paste as the answer"): the answer as a raw
 * message (status line, headers, body), after the request with `-v`; `http: warning: HTTP 401
 * Unauthorized` with `--check-status`; `http: error: ...` when no answer came.
 */
import type { AnswerReader } from '../reader';
import { readResponse, splitLines } from '../http-message';
import {
  answer,
  detectLine,
  failureIn,
  firstLine,
  noAnswer,
  textLines,
  unreadable,
} from './common';

const FORMAT = 'httpie-output';
const WARNING = /^http: warning: HTTP ([1-5]\d\d) ?(.*)$/;
const ERROR = /^http: error: (.*)$/;
const STATUS_LINE = /^HTTP\/\d(?:\.\d)? [1-5]\d\d\b/;
const REQUEST_LINE = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \/\S* HTTP\/\d(?:\.\d)?$/;

export const httpieAnswer: AnswerReader = {
  kind: 'answer',
  format: FORMAT,
  label: "HTTPie's output",
  detect(text) {
    const own = detectLine([WARNING, ERROR])(text);
    if (own) return own;
    // `-v`: the request is printed first, then the answer.
    const lines = textLines(text);
    const first = lines.find((l) => l.text.trim() !== '');
    if (!first || !REQUEST_LINE.test(first.text.trim())) return null;
    return lines.some((l) => STATUS_LINE.test(l.text)) ? { start: first.offset } : null;
  },
  read(text) {
    const lines = textLines(text);
    const statusAt = lines.findIndex((l) => STATUS_LINE.test(l.text));
    if (statusAt >= 0) {
      const all = splitLines(text);
      // `--check-status` adds its warning after the answer: not part of the body.
      let end = all.length;
      while (
        end > statusAt &&
        (all[end - 1]?.text.trim() === '' || WARNING.test(all[end - 1]?.text ?? ''))
      )
        end--;
      const read = readResponse(all.slice(statusAt, end));
      if (read.ok) return { ok: true, value: { format: FORMAT, ...read.value } };
    }
    const warning = firstLine(lines, WARNING);
    if (warning) {
      return answer(FORMAT, {
        status: Number(warning.match[1]),
        statusText: (warning.match[2] ?? '').trim(),
      });
    }
    const error = firstLine(lines, ERROR);
    const kind = error ? failureIn(error.match[1] ?? '') : null;
    if (error && kind) return noAnswer(FORMAT, kind, error.at.text, text);
    return unreadable(
      error?.at ?? lines[0],
      "This looks like HTTPie's output, but it shows no status and no reason that says no answer came.",
    );
  },
};
