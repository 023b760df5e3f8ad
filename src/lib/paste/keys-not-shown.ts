/*
 * A paste from a tool that never prints the key headers (the Go client's debug log, a
 * RedisInsight error): their absence says nothing, so the key items are `unknown` with that
 * reason, never `fail`, and the first thing to fix is chosen among the other items.
 */
import type { Checklist, ChecklistItem, ItemId } from '../core/checklist';
import { CAUSE_WORDS } from '../auth/judged';

const KEY_ITEMS: ReadonlySet<ItemId> = new Set([
  'account-key-header',
  'secret-key-header',
  'key-values',
]);

/** The checklist with the key items made `unknown` for `reason` (text with no pasted value). */
export function withKeysNotShown(checklist: Checklist, reason: string): Checklist {
  const items = checklist.items.map((item): ChecklistItem => {
    if (!KEY_ITEMS.has(item.id) || item.status === 'pass') return item;
    return {
      id: item.id,
      group: item.group,
      title: item.title,
      ...(item.docs ? { docs: item.docs } : {}),
      status: 'unknown',
      summary: 'Not in the paste: the tool that wrote it never shows the key headers.',
      explanation: reason,
    };
  });
  if (checklist.primaryCause === null || !KEY_ITEMS.has(checklist.primaryCause))
    return { ...checklist, items };
  const fail = items.find((i) => i.status === 'fail');
  const suspect = items
    .filter((i) => i.status === 'suspect')
    .sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))[0];
  const cause = fail ?? suspect ?? null;
  const lead = checklist.headline.split(';')[0]?.replace(/\.$/, '') ?? checklist.headline;
  const headline = !cause
    ? `${lead}.`
    : cause.status === 'suspect'
      ? `${lead}; most likely cause: ${CAUSE_WORDS[cause.id]} (the answer does not say which condition failed).`
      : `${lead}; fix first: ${CAUSE_WORDS[cause.id]}.`;
  return { ...checklist, items, primaryCause: cause?.id ?? null, headline };
}
