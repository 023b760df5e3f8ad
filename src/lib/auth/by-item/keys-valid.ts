/**
 * The `keys-valid` item (condition 1, FACTS.md "When a request authenticates"), its rules in
 * order after the shared ones (`conditionRules`): a 401 (a suspect, ranked: `suspectOn401`); a
 * 403 (likely holds, not shown); a 2xx from the API (holds); a failed task (holds).
 */
import { say } from '../claims';
import { makeItem } from '../items';
import { kindIs } from '../rule';
import type { Rule } from '../rule';
import { accountWords } from './account-words';
import { conditionRules } from './conditions';
import { likelyOn403 } from './forbidden';
import { suspectOn401 } from './suspects';
import { heldByTask } from './task-held';

export const RULES: readonly Rule[] = [
  ...conditionRules('keys-valid'),
  suspectOn401('keys-valid'),
  {
    name: 'a 403',
    claim: 'orderOfChecks',
    when: kindIs('forbidden'),
    item: (a) =>
      makeItem('keys-valid', 'unknown', {
        summary: 'Likely holds (the answer was 403, not 401), but not shown.',
        explanation: likelyOn403(a),
      }),
  },
  {
    name: 'a 2xx from the API',
    claim: 'successMeansAuthenticated',
    when: kindIs('success'),
    item: (a) => {
      const account = accountWords(a.account);
      const keyName = a.account?.keyName ? ` The user key is named ${a.account.keyName}.` : '';
      return makeItem('keys-valid', 'pass', {
        summary: account
          ? `Holds: the API accepted both keys and answered for ${account}.`
          : 'Holds: the API accepted both keys.',
        explanation: `${say('successMeansAuthenticated')}${keyName}`,
      });
    },
  },
  heldByTask('keys-valid'),
];
