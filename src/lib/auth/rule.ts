/**
 * How an item is judged (DESIGN.md, "The checklist"): each item module (`by-item/`) holds its
 * rules in order, and the first whose `when` holds for the answer gives the item. Every rule
 * names the claim of `claims.ts` it rests on, and every claim is tied to a section of FACTS.md,
 * so each reading can be traced to what is known about the API.
 *
 * Two rules hold for every item after its own, and are kept here so no module can forget them:
 * - no condition is `pass` unless the API produced the answer (claim apiShapes): what the
 *   status suggests stays `unknown`, said as likely;
 * - a request that shows no key (or not both, where the API would have judged the request
 *   itself) shows no condition (claim bothHeaders).
 */
import type { ChecklistItem } from '../core/checklist';
import type { Answer } from './answer';
import { say } from './claims';
import type { ClaimId } from './claims';
import { makeItem, unknownItem } from './items';
import type { AnswerItemId } from './judged';

export interface Rule {
  /** What the rule covers, in a few words; tests name a rule by it. */
  name: string;
  /** The claim the rule's reading rests on. */
  claim: ClaimId;
  when(answer: Answer): boolean;
  item(answer: Answer): ChecklistItem;
}

/** An item with the rule that gave it. */
export interface Ruled {
  item: ChecklistItem;
  rule: string;
  claim: ClaimId;
}

/** The items the keys' conditions decide, as opposed to the connection and the rate limit. */
const CONDITIONS: ReadonlySet<AnswerItemId> = new Set([
  'keys-valid',
  'same-account',
  'source-ip',
  'api-enabled',
  'role-permits',
]);

/** A `pass` on an answer the API is not shown to have produced, said as likely instead. */
function notShown(id: AnswerItemId, item: ChecklistItem): Ruled {
  return {
    rule: 'not shown to come from the API',
    claim: 'apiShapes',
    item: makeItem(id, 'unknown', {
      summary:
        id === 'reached-api'
          ? `${item.summary.replace(/\.$/, '')}, in a shape that does not show that the API sent it.`
          : `Likely, but not shown: ${item.summary.replace(/^Holds: |^Not the cause: /, '')}`,
      explanation: `${item.explanation} ${say('apiShapes')}`,
    }),
  };
}

/** A condition the answer would show, for a request that shows no key. */
function noKeys(id: AnswerItemId): Ruled {
  return {
    rule: 'no key in the request',
    claim: 'bothHeaders',
    item: unknownItem(
      id,
      'Cannot be told: the request as pasted carries no key.',
      `${say('bothHeaders')} Without them, the answer says nothing about the keys.`,
    ),
  };
}

/** The item `id` for this answer: its first rule that holds, then the two rules every item obeys. */
export function judgeItem(id: AnswerItemId, rules: readonly Rule[], answer: Answer): Ruled {
  const rule = rules.find((r) => r.when(answer));
  if (!rule) throw new Error(`No rule of ${id} covers an answer of kind ${answer.kind}.`);
  const item = rule.item(answer);
  if (item.status === 'pass' && answer.notShownFromApi) return notShown(id, item);
  const shown = item.status === 'pass' || item.status === 'warn' || item.status === 'suspect';
  if (answer.keysUnshown && CONDITIONS.has(id) && shown) return noKeys(id);
  return { item, rule: rule.name, claim: rule.claim };
}

/** `when` for the rules of one or more answer kinds. */
export const kindIs =
  (...kinds: Answer['kind'][]) =>
  (answer: Answer): boolean =>
    kinds.includes(answer.kind);
