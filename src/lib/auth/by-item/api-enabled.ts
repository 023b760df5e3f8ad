/**
 * The `api-enabled` item (FACTS.md, "Preconditions"), its rules in order after the shared ones
 * (`conditionRules`): a 401 (a suspect, ranked: `suspectOn401`); a 403 (likely holds: a disabled
 * API likely gets the 401); a 2xx from the API (holds); a failed task (holds).
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
  ...conditionRules('api-enabled'),
  suspectOn401('api-enabled'),
  {
    name: 'a 403',
    claim: 'disabledApi401',
    when: kindIs('forbidden'),
    item: (a) =>
      makeItem('api-enabled', 'unknown', {
        summary: 'Likely holds: the answer was 403, not 401.',
        explanation: `${likelyOn403(a)} ${say('disabledApi401')}`,
      }),
  },
  {
    name: 'a 2xx from the API',
    claim: 'apiOffByDefault',
    when: kindIs('success'),
    item: (a) => {
      const account = accountWords(a.account);
      return makeItem('api-enabled', 'pass', {
        summary: account
          ? `Holds: API access is enabled on ${account}.`
          : 'Holds: API access is enabled on the account.',
        explanation: `${say('successMeansAuthenticated')} ${say('apiOffByDefault')}`,
      });
    },
  },
  heldByTask('api-enabled'),
];
