/** A status in words, and the `reached-api` item for an answer of the API's, by its status. */
import type { ReceivedResponse } from '../core/exchange';
import { reasonPhrase } from '../core/http-status';
import type { ChecklistItem } from '../core/checklist';
import { makeItem } from './items';
import { BODY_WORDS, bodyKind } from './response-body';
import { say } from './claims';
import type { ClaimId } from './claims';

/** What the API document says each status means (FACTS.md, "What the API answers"). */
const DOCUMENTED: Readonly<Record<number, ClaimId>> = {
  400: 'status400',
  401: 'status401',
  403: 'status403',
  404: 'status404',
  412: 'status412',
  429: 'status429',
  500: 'status500',
};

/** `HTTP 401 Unauthorized`. */
export function statusWords(status: number, statusText = ''): string {
  const text = statusText.trim() || reasonPhrase(status);
  return `HTTP ${status}${text ? ` ${text}` : ''}`;
}

/**
 * The `reached-api` item for an HTTP answer. `stated` is set when the status line was missing
 * and the body stated the status itself.
 */
export function reachedItem(
  response: ReceivedResponse,
  status: number,
  stated: boolean,
): ChecklistItem {
  const kind = bodyKind(response.body);
  const meaning = DOCUMENTED[status];
  const words = stated ? `HTTP ${status}` : statusWords(status, response.statusText);
  return makeItem('reached-api', 'pass', {
    summary: `${words} with ${BODY_WORDS[kind]}.`,
    explanation: `${stated ? `The status line was not pasted; the body itself states ${status}. ` : ''}An HTTP answer came back.${meaning ? ` ${say(meaning)}` : ''}`,
  });
}
