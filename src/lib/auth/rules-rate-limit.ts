/**
 * The `rate-limit` item (FACTS.md, "Preconditions"; the API document's 429 text), its rules in
 * order: a 429 from the API (`rateLimitRefused`: how long to wait, both documented causes); a
 * failed task with 429 (`rateLimitTaskRefused`); any other answer (`rateLimitNotHit`: not the
 * cause, a `warn` when `x-rate-limit-remaining` is 0). With no answer it is `skipped` or `unknown`
 * where the answer's judge says so; an answer the API is not shown to have produced never passes
 * (`gatedByOrigin`).
 */
import type { ReceivedResponse } from '../core/exchange';
import type { ChecklistItem } from '../core/checklist';
import { makeItem } from './items';
import { responseHeader } from './response-body';
import { say } from './claims';

/** A 429: over the limit, with the wait the answer asks for. Claims: status429, rateLimit. */
export function rateLimitRefused(response: ReceivedResponse): ChecklistItem {
  const retry = responseHeader(response, 'x-rate-limit-retry-after-seconds')?.trim();
  const wait =
    retry !== undefined && retry !== ''
      ? `The answer asks to wait ${retry} seconds (x-rate-limit-retry-after-seconds: ${retry}).`
      : 'The answer carries no x-rate-limit-retry-after-seconds header, so it does not say how long to wait; the limit is counted per minute.';
  return makeItem('rate-limit', 'fail', {
    summary: `Over the limit: HTTP 429. ${wait}`,
    explanation: `${say('status429')} ${say('rateLimit')} Every user key of the account is used with the same account key, so all of them share this limit.`,
    fix: `${retry ? `Wait ${retry} seconds` : 'Wait up to a minute'} and let the account's running changes (its tasks) finish, then send again: keep under 400 requests per minute across every client of this account, and change fewer resources at once.`,
  });
}

/** A failed task whose error is a 429. Claims: status429, rateLimit. */
export function rateLimitTaskRefused(named: string): ChecklistItem {
  return makeItem('rate-limit', 'fail', {
    summary: `The task failed with too many requests${named}.`,
    explanation: `${say('status429')} ${say('rateLimit')}`,
    fix: "Wait for the account's running changes (its tasks) to finish, then run it again.",
  });
}

/** Any answer but a 429: this request was not refused for rate. Claim: rateLimit. */
export function rateLimitNotHit(response: ReceivedResponse, status: number): ChecklistItem {
  const remaining = responseHeader(response, 'x-rate-limit-remaining')?.trim();
  const left =
    remaining !== undefined && /^\d+$/.test(remaining)
      ? ` The answer says ${remaining} requests are left in this minute (x-rate-limit-remaining).`
      : '';
  return makeItem('rate-limit', remaining === '0' ? 'warn' : 'pass', {
    summary:
      remaining === '0'
        ? 'Not hit yet, but no requests are left in this minute.'
        : status < 300
          ? `Holds: the answer was ${status}, not 429.`
          : `Not the cause: the answer was ${status}, not 429.`,
    explanation: `${say('rateLimit')}${left}`,
    ...(remaining === '0' ? { fix: 'Wait for the next minute before sending more.' } : {}),
  });
}
