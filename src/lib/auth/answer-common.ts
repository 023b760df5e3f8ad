import type { ReceivedResponse } from '../core/exchange';
import type { ChecklistItem } from '../core/checklist';
import { makeItem, unknownItem } from './items';
import type { AnswerItemId } from './judged';
import { BODY_WORDS, bodyKind } from './response-body';
import { say } from './claims';
import type { ClaimId } from './claims';

/** Reason phrases, for answers pasted without one. */
const REASON: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

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
  const text = statusText.trim() || REASON[status] || '';
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

/** The same `unknown` text for several condition items. */
export function unknownAll(
  items: Partial<Record<AnswerItemId, ChecklistItem>>,
  ids: readonly AnswerItemId[],
  summary: string,
  explanation: string,
): void {
  for (const id of ids) items[id] = unknownItem(id, summary, explanation);
}
