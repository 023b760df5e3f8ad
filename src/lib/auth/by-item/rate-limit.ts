/**
 * The `rate-limit` item (FACTS.md, "Preconditions"; the API document's 429 text), its rules in
 * order after the shared ones (`notJudged`): a 429 from the API (how long to wait, both
 * documented causes); a failed task with 429; any other answer of the API (not the cause, a
 * `warn` when `x-rate-limit-remaining` is 0).
 */
import { makeItem } from '../items';
import { say } from '../claims';
import { responseHeader } from '../response-body';
import { kindIs } from '../rule';
import type { Rule } from '../rule';
import { taskErrorStatus, taskType } from '../task-line';
import { notJudged } from './not-judged';

export const RULES: readonly Rule[] = [
  ...notJudged('rate-limit'),
  {
    name: 'a 429',
    claim: 'status429',
    when: kindIs('rate-limited'),
    item: (a) => {
      const retry = responseHeader(a.response, 'x-rate-limit-retry-after-seconds')?.trim();
      const wait =
        retry !== undefined && retry !== ''
          ? `The answer asks to wait ${retry} seconds (x-rate-limit-retry-after-seconds: ${retry}).`
          : 'The answer carries no x-rate-limit-retry-after-seconds header, so it does not say how long to wait; the limit is counted per minute.';
      return makeItem('rate-limit', 'fail', {
        summary: `Over the limit: HTTP 429. ${wait}`,
        explanation: `${say('status429')} ${say('rateLimit')} Every user key of the account is used with the same account key, so all of them share this limit.`,
        fix: `${retry ? `Wait ${retry} seconds` : 'Wait up to a minute'} and let the account's running changes (its tasks) finish, then send again: keep under 400 requests per minute across every client of this account, and change fewer resources at once.`,
      });
    },
  },
  {
    name: 'a task failed with 429',
    claim: 'status429',
    when: (a) => a.kind === 'task' && a.task !== null && taskErrorStatus(a.task) === 429,
    item: (a) => {
      const type = taskType(a.task);
      return makeItem('rate-limit', 'fail', {
        summary: `The task failed with too many requests${type ? ` (${type})` : ''}.`,
        explanation: `${say('status429')} ${say('rateLimit')}`,
        fix: "Wait for the account's running changes (its tasks) to finish, then run it again.",
      });
    },
  },
  {
    name: 'any other answer of the API',
    claim: 'rateLimit',
    when: () => true,
    item: (a) => {
      const status = a.kind === 'task' ? 200 : (a.status ?? 200);
      const remaining = responseHeader(a.response, 'x-rate-limit-remaining')?.trim();
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
    },
  },
];
