/**
 * The rules the five conditions (`keys-valid`, `same-account`, `source-ip`, `api-enabled`,
 * `role-permits`) share for the API's answers that judge none of them on their own: a 429, a
 * 404 for a path that is no operation, a status the API document does not give a meaning, and
 * a refusal of the request itself (400, 404 on an operation, 409, 412, 422), which leaves them
 * likely but not shown: the order of the API's checks is not published (FACTS.md, "Unknown").
 */
import { makeItem, unknownItem } from '../items';
import type { Answer } from '../answer';
import { say } from '../claims';
import type { AnswerItemId } from '../judged';
import { kindIs } from '../rule';
import type { Rule } from '../rule';
import { notJudged } from './not-judged';

/** A 404 on an operation of the API refuses the request itself, as a 400 does. */
export const refusesItself = (a: Answer): boolean =>
  a.kind === 'refused' || (a.kind === 'not-found' && a.detail.endpoint.knownOperation === true);

/** The shared rules, for condition `id`, after `notJudged`. */
export function conditionRules(id: AnswerItemId): Rule[] {
  const rules: Rule[] = [
    ...notJudged(id),
    {
      name: 'a 429',
      claim: 'orderOfChecks',
      when: kindIs('rate-limited'),
      item: () =>
        unknownItem(
          id,
          'Cannot be told from a 429: likely holds if this key worked before.',
          `The rate limit answered, so this answer does not show whether the keys were valid. ${say('orderOfChecks')} ${say('failedAuthCounts')}`,
        ),
    },
    {
      name: 'another status',
      claim: 'orderOfChecks',
      when: kindIs('other'),
      item: (a) =>
        unknownItem(
          id,
          `Cannot be told from a ${a.status}.`,
          `A ${a.status} says nothing about the keys.`,
        ),
    },
    {
      name: 'a 404 for no known operation',
      claim: 'notOperation404',
      when: (a) => a.kind === 'not-found' && !refusesItself(a),
      item: () =>
        unknownItem(id, 'Cannot be told from a 404 on this path.', say('notOperation404')),
    },
  ];
  rules.push(
    id === 'role-permits'
      ? {
          name: 'the request itself refused',
          claim: 'roleGets403',
          when: refusesItself,
          item: (a) =>
            makeItem(id, 'unknown', {
              summary: `Likely holds: the answer was ${a.status}, not 403.`,
              explanation: say('roleGets403'),
            }),
        }
      : {
          name: 'the request itself refused',
          claim: 'refusedAfterAuth',
          when: refusesItself,
          item: (a) =>
            makeItem(id, 'unknown', {
              summary: `Likely holds: the API refused the request itself (${a.status}), not the keys (401).`,
              explanation: say('refusedAfterAuth'),
            }),
        },
  );
  return rules;
}
