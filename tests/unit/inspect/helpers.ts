import { inspectPaste } from '../../../src/lib/inspect/paste';
import type { PasteInspection } from '../../../src/lib/inspect/paste';
import { parseRequestPaste, parseResponsePaste } from '../../../src/lib/paste/paste';

/** The two Diagnose boxes read and the first request inspected, as the page does. */
export async function inspectBoxes(
  requestText: string,
  responseText: string,
): Promise<PasteInspection> {
  const read = parseRequestPaste(requestText);
  const answer = parseResponsePaste(responseText);
  if (!read.ok || !answer.ok) throw new Error('the paste does not read');
  return inspectPaste({
    candidate: read.value.candidates[0]!,
    response: answer.value,
    pasted: [requestText, responseText],
    at: new Date('2026-12-04T10:00:00Z'),
  });
}
