import type { AnswerItemId } from '../judged';
import { makeItem } from '../items';
import { say } from '../claims';
import { kindIs } from '../rule';
import type { Rule } from '../rule';

/**
 * The rule of a failed task for the keys, the account, the address and API access: the API
 * accepted the request and made a task, so each held (claim failedTaskAuthenticated).
 */
export function heldByTask(id: AnswerItemId): Rule {
  return {
    name: 'a task failed',
    claim: 'failedTaskAuthenticated',
    when: kindIs('task'),
    item: () =>
      makeItem(id, 'pass', {
        summary: 'Holds: the API accepted the request and made a task.',
        explanation: say('failedTaskAuthenticated'),
      }),
  };
}
