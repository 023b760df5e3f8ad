import { expect, test } from 'vitest';
import type { Exchange } from '../../../src/lib/core/exchange';
import type { ChecklistItem } from '../../../src/lib/core/checklist';
import { diagnose } from '../../../src/lib/auth/diagnose';
import { briefOf, sentences } from '../../../src/lib/core/checklist-brief';
import { ACCOUNT_BODY, answered, NGINX_401, request } from '../auth/helpers';

const cors: Exchange = {
  source: 'network',
  request: request(),
  failure: { kind: 'cors', message: 'Failed to fetch' },
};

/** Every sentence the short checklist keeps somewhere: shown, behind "Why", or said once. */
function keptText(items: readonly ChecklistItem[], primary: string | null): string {
  const brief = briefOf(items, primary);
  return [
    ...brief.shared,
    ...brief.items.flatMap((b) => [b.finding, b.fix, b.laterFix, ...b.why]),
  ].join(' ');
}

test('sentences end at a full stop before a capital, not inside "e.g." or a host name', () => {
  expect(sentences('Use api.redislabs.com, e.g. with curl. Then retry.')).toEqual([
    'Use api.redislabs.com, e.g. with curl.',
    'Then retry.',
  ]);
  expect(sentences('')).toEqual([]);
});

test("a 401's passed, skipped and unknown items fold; its suspects stay, one fix shown", () => {
  const checklist = diagnose(answered(401, NGINX_401));
  const brief = briefOf(checklist.items, checklist.primaryCause);
  const open = brief.items.filter((b) => !b.folded).map((b) => b.item.id);
  expect(open).toEqual(checklist.items.filter((i) => i.status === 'suspect').map((i) => i.id));
  expect(brief.folded).toBe(11 - open.length);
  // The fix to do first shows; the other suspects keep theirs behind "Why".
  const withFix = brief.items.filter((b) => b.fix !== '').map((b) => b.item.id);
  expect(withFix).toEqual([checklist.primaryCause]);
  expect(brief.items.filter((b) => b.laterFix !== '').length).toBe(open.length - 1);
});

test('a sentence several explanations hold is said once, and removed from each', () => {
  const checklist = diagnose(answered(401, NGINX_401));
  const brief = briefOf(checklist.items, checklist.primaryCause);
  expect(brief.shared.length).toBeGreaterThan(0);
  for (const shared of brief.shared) {
    for (const b of brief.items) expect(b.why.join(' ')).not.toContain(shared);
  }
});

test('nothing a person could read is lost: every sentence is shown, behind Why, or said once', () => {
  for (const exchange of [answered(401, NGINX_401), answered(403), answered(200, '{}'), cors]) {
    const checklist = diagnose(exchange);
    const kept = keptText(checklist.items, checklist.primaryCause);
    for (const item of checklist.items) {
      for (const text of [item.summary, item.explanation, item.fix ?? '']) {
        for (const s of sentences(text)) expect(kept, `${item.id}: ${s}`).toContain(s);
      }
    }
  }
});

test('a finding repeated word for word is marked as the same as above', () => {
  const make = (id: ChecklistItem['id'], status: ChecklistItem['status']): ChecklistItem => ({
    id,
    group: 'condition-1',
    title: id,
    status,
    summary: 'Cannot be told without an answer.',
    explanation: 'No answer came back.',
  });
  const items = [make('keys-valid', 'suspect'), make('same-account', 'suspect')];
  const brief = briefOf(items, null);
  expect(brief.items.map((b) => b.sameAsAbove)).toEqual([false, true]);
  expect(brief.shared).toEqual(['No answer came back.']);
});

test('the list never shows empty: a 200 keeps the conditions that held open', () => {
  // Issue 18: only the API's own body shows the conditions held; an empty `{}` does not.
  const checklist = diagnose(answered(200, ACCOUNT_BODY));
  const brief = briefOf(checklist.items, checklist.primaryCause);
  const open = brief.items.filter((b) => !b.folded);
  expect(open.length).toBeGreaterThan(0);
  expect(open.every((b) => b.item.group.startsWith('condition-'))).toBe(true);
  const allSkipped = checklist.items.map((i) => ({ ...i, status: 'skipped' as const }));
  expect(briefOf(allSkipped, null).items.filter((b) => !b.folded)).toHaveLength(1);
});
