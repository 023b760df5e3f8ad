/**
 * A shared link carries no sentence: only ids, statuses, ranks, the verdict, the primary cause,
 * the safe exchange and the fingerprints. The page it opens writes every sentence again with
 * the app's own words: it diagnoses the carried exchange once more and keeps each item's words
 * where the status comes out the same; where it does not (the link holds the keys only as
 * fingerprints, so a check of their characters can read differently), the item says, in the
 * app's words, what the sender's diagnosis found. A link can thus never make Keycheck say what
 * it did not write.
 */
import { ITEM_GROUP, type Checklist, type ChecklistItem, type ItemId } from '../core/checklist';
import type { ItemStatus, Verdict } from '../core/checklist';
import type { Exchange } from '../core/exchange';
import { STATUS, VERDICT } from '../core/words';
import { ITEM_TITLE } from '../auth/items';

/** What a link says of one item. */
export interface CarriedItem {
  id: ItemId;
  status: ItemStatus;
  rank?: number;
}

/** What a link says of the checklist. */
export interface CarriedChecklist {
  verdict: Verdict;
  primaryCause: ItemId | null;
  items: CarriedItem[];
}

/** The checklist's structure, without a word of its text: what a link carries. */
export function carriedChecklist(checklist: Checklist): CarriedChecklist {
  return {
    verdict: checklist.verdict,
    primaryCause: checklist.primaryCause,
    items: checklist.items.map(({ id, status, rank }) =>
      rank === undefined ? { id, status } : { id, status, rank },
    ),
  };
}

/** The words for an item whose reasons the link does not carry. */
function carriedWords(item: CarriedItem, again: ChecklistItem | undefined): ChecklistItem {
  const word = STATUS[item.status].word;
  return {
    id: item.id,
    group: ITEM_GROUP[item.id],
    title: ITEM_TITLE[item.id],
    status: item.status,
    summary: `${word}, as the sender's diagnosis found.`,
    explanation:
      "A shared link carries each check's result, not its reasons, and it holds the keys only as fingerprints: diagnose the paste itself in Keycheck to see why.",
    ...(again?.docs ? { docs: again.docs } : {}),
    ...(item.rank !== undefined ? { rank: item.rank } : {}),
  };
}

/**
 * The checklist a link opens: `diagnose` run again on the carried exchange, its words kept
 * where the carried status agrees. Statuses, ranks, the verdict and the primary cause are
 * always the carried ones.
 */
export async function rebuildChecklist(
  carried: CarriedChecklist,
  exchange: Exchange,
): Promise<Checklist> {
  const [{ diagnose }, { isKnownOperation }] = await Promise.all([
    import('../auth/diagnose'),
    import('../api/catalog'),
  ]);
  let again: Checklist | null = null;
  try {
    again = diagnose(exchange, { isKnownOperation });
  } catch {
    // An exchange nobody's paste could make: every item then says what the link carries.
  }
  const items = carried.items.map((item) => {
    const found = again?.items.find((i) => i.id === item.id);
    if (!found || found.status !== item.status) return carriedWords(item, found);
    const words: ChecklistItem = { ...found };
    delete words.rank;
    return item.rank === undefined ? words : { ...words, rank: item.rank };
  });
  const same =
    again !== null &&
    again.verdict === carried.verdict &&
    again.primaryCause === carried.primaryCause;
  const cause = carried.primaryCause;
  const headline = same
    ? (again?.headline ?? '')
    : `${VERDICT[carried.verdict]}${cause ? `. Fix first: ${ITEM_TITLE[cause]}` : ''}.`;
  return { verdict: carried.verdict, primaryCause: cause, headline, items };
}
