/**
 * The `same-account` item (condition 2, FACTS.md "When a request authenticates"), its rules in
 * order after the shared ones (`conditionRules`): a 401 (a suspect, ranked: `suspectOn401`); a
 * 403 (likely holds, not shown); a 2xx from the API (holds; a `warn` when the account is not the
 * one this profile learned before); a failed task (holds).
 */
import { makeItem } from '../items';
import { kindIs } from '../rule';
import type { Rule } from '../rule';
import { accountWords } from './account-words';
import { conditionRules } from './conditions';
import { likelyOn403 } from './forbidden';
import { suspectOn401 } from './suspects';
import { heldByTask } from './task-held';

export const RULES: readonly Rule[] = [
  ...conditionRules('same-account'),
  suspectOn401('same-account'),
  {
    name: 'a 403',
    claim: 'orderOfChecks',
    when: kindIs('forbidden'),
    item: (a) =>
      makeItem('same-account', 'unknown', {
        summary: 'Likely holds (the answer was 403, not 401), but not shown.',
        explanation: likelyOn403(a),
      }),
  },
  {
    name: 'a 2xx from the API, another account than learned',
    claim: 'conditions',
    when: (a) =>
      a.kind === 'success' &&
      a.account?.accountId !== undefined &&
      a.context?.learned?.accountId !== undefined &&
      a.context.learned.accountId !== a.account.accountId,
    item: (a) =>
      makeItem('same-account', 'warn', {
        summary: `The keys belong together, but to ${accountWords(a.account)}, while this profile learned account ${a.context?.learned?.accountId} before.`,
        explanation:
          'The pair authenticates, so the user key belongs to the account of the account key; but it is not the account this profile was used with. One or both keys were likely replaced with keys of another account.',
        fix: 'Check that this profile holds the keys of the account you mean.',
      }),
  },
  {
    name: 'a 2xx from the API',
    claim: 'conditions',
    when: kindIs('success'),
    item: (a) => {
      const account = accountWords(a.account);
      return makeItem('same-account', 'pass', {
        summary: account
          ? `Holds: the user key belongs to ${account}, the account of the account key.`
          : 'Holds: the user key belongs to the account of the account key.',
        explanation:
          'A pair from two accounts does not authenticate; this one did.' +
          (a.account?.keyName && account
            ? ` Key ${a.account.keyName} is a user key of ${account}.`
            : ''),
      });
    },
  },
  heldByTask('same-account'),
];
