/*
 * The raw HTTP reader: a request line, headers and a body, and the answer after it when the box
 * held both (a status line after a blank line).
 */
import { isRequestLine, isStatusLine, readRequest, readResponse, splitLines } from './http-message';
import { matchIf, type RequestReader } from './reader';
import type { ParseResult, PastedRequest } from './result';
import { userinfoOf } from './sensitive';
import { requestLabel } from '../core/text';

/** A request line's method: a standard one in any case, or any word in capitals. */
function hasMethod(line: string): boolean {
  return (
    /^(?:get|post|put|patch|delete|head|options|trace|connect) /i.test(line) ||
    /^[A-Z]+ /.test(line)
  );
}

export const httpReader: RequestReader = {
  kind: 'request',
  format: 'http',
  label: 'raw HTTP',
  detect(text) {
    const first =
      splitLines(text.slice(0, 4096))
        .find((l) => l.text.trim() !== '')
        ?.text.trim() ?? '';
    return matchIf((isRequestLine(first) && hasMethod(first)) || first.startsWith(':'));
  },
  read: httpWithAnswer,
};

/** A raw request, and the answer after it when the box held both. */
function httpWithAnswer(text: string): ParseResult<PastedRequest[]> {
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
  return { ok: true, value: [candidate] };
}
