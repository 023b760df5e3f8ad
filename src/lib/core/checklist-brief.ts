import type { ChecklistItem } from './checklist';

/** One checklist item as the short checklist shows it. */
export interface BriefItem {
  item: ChecklistItem;
  /** Passed, skipped or not known: folded into one line until asked for. */
  folded: boolean;
  /** What was found: the summary's first sentence. */
  finding: string;
  /** What to do: the fix's first sentence, or ''. Shown for a failed or off item and the cause to fix first. */
  fix: string;
  /** The fix as a whole when it is not shown (`fix` is ''): behind "Why". */
  laterFix: string;
  /** Behind "Why": the rest of the summary and fix, and the explanation without `shared`. */
  why: string[];
  /** True when an earlier shown item found the very same thing: said once, above. */
  sameAsAbove: boolean;
}

export interface Brief {
  items: BriefItem[];
  /** Sentences several shown items' explanations begin or hold: said once for all of them. */
  shared: string[];
  /** How many items are folded. */
  folded: number;
}

// A sentence ends at . ! or ? followed by a space and a capital, a quote or a digit: "e.g. a"
// and "api.redislabs.com" do not end one.
const SENTENCE_END = /(?<=[.!?])\s+(?=[A-Z0-9"'`(“])/;

/** The sentences of a text, trimmed, none empty. */
export function sentences(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * The items in checklist order, except that suspects stand in their rank order (#1 before #2)
 * at the place of the first suspect.
 */
export function inRankOrder(items: readonly ChecklistItem[]): ChecklistItem[] {
  const suspects = items
    .filter((i) => i.status === 'suspect')
    .sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
  const out: ChecklistItem[] = [];
  let placed = false;
  for (const item of items) {
    if (item.status !== 'suspect') out.push(item);
    else if (!placed) {
      out.push(...suspects);
      placed = true;
    }
  }
  return out;
}

/**
 * Whether an item is folded by default: it needs nothing from the reader. An `unknown` item
 * folds too unless it is the cause to fix first: a failure with no answer (CORS, offline) makes
 * every condition unknown for one reason, said once by the item that failed.
 */
export function foldsByDefault(item: ChecklistItem, primaryCause: string | null = null): boolean {
  if (item.status === 'unknown') return item.id !== primaryCause;
  return item.status === 'pass' || item.status === 'skipped';
}

/**
 * The short checklist: passed, skipped and unknown items folded (see `foldsByDefault`), each other item cut to its finding and,
 * for a failed or off item and the cause to fix first, its fix (one sentence each), with the
 * rest behind "Why", an explanation sentence that two or
 * more shown items hold said once (`shared`), and a finding repeated word for word marked as
 * such. Nothing is dropped: every sentence is either shown, behind "Why", or in `shared`.
 */
export function briefOf(
  items: readonly ChecklistItem[],
  primaryCause: string | null = null,
): Brief {
  const open = new Set(items.filter((i) => !foldsByDefault(i, primaryCause)).map((i) => i.id));
  // The list never shows empty: with nothing to fix, the three documented conditions that held
  // say so (an answer of 200); failing that, the first item that was judged.
  if (open.size === 0) {
    for (const i of items)
      if (i.group.startsWith('condition-') && i.status === 'pass') open.add(i.id);
  }
  if (open.size === 0) {
    const first = items.find((i) => i.status !== 'skipped') ?? items[0];
    if (first) open.add(first.id);
  }
  const folds = (item: ChecklistItem) => !open.has(item.id);
  const shown = inRankOrder(items).filter((i) => !folds(i));
  const count = new Map<string, number>();
  for (const item of shown) {
    for (const s of new Set(sentences(item.explanation))) count.set(s, (count.get(s) ?? 0) + 1);
  }
  const shared = [...count].filter(([, n]) => n >= 2).map(([s]) => s);
  const isShared = new Set(shared);
  const seen = new Set<string>();
  const brief = inRankOrder(items).map((item): BriefItem => {
    const folded = folds(item);
    const [finding = '', ...summaryRest] = sentences(item.summary);
    // A suspect that is not the first to fix keeps its fix behind "Why": three suspects' fixes
    // at once bury the one to do first.
    const fixShown = item.status === 'fail' || item.status === 'warn' || item.id === primaryCause;
    const [fix = '', ...fixRest] = fixShown ? sentences(item.fix ?? '') : [];
    const laterFix = fixShown ? '' : (item.fix ?? '');
    const explanation = sentences(item.explanation).filter((s) => !isShared.has(s));
    const why = [summaryRest.join(' '), explanation.join(' '), fixRest.join(' ')].filter(
      (p) => p !== '',
    );
    const sameAsAbove = !folded && finding !== '' && seen.has(finding);
    if (!folded) seen.add(finding);
    return { item, folded, finding, fix, laterFix, why, sameAsAbove };
  });
  return { items: brief, shared, folded: brief.filter((b) => b.folded).length };
}
