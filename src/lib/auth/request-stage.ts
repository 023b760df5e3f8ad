/**
 * What the request stage shows once the answer is known: after a 2xx that the API produced a
 * request-stage `fail` did not stop the request, and typographic quotes break what the shell
 * passed on.
 */
import type { ChecklistItem, ItemId } from '../core/checklist';
import { say } from './claims';
import { makeItem } from './items';

/**
 * After a 2xx the keys were sent, whatever the paste shows: a header missing from it was left
 * out of the paste (the Go client's TF_LOG logs before adding them), so it is `unknown`, and
 * any other request-stage `fail` did not stop the request: a `warn` worth fixing.
 */
export function softened(item: ChecklistItem): ChecklistItem {
  if (item.status !== 'fail') return item;
  if (
    (item.id === 'account-key-header' || item.id === 'secret-key-header') &&
    /^No x-api/.test(item.summary)
  ) {
    return makeItem(item.id, 'unknown', {
      summary: `${item.summary.replace(/:.*$/, '')} in the paste, yet the API authenticated the request.`,
      explanation: `${say('bothHeaders')} ${say('successMeansAuthenticated')} The tool likely added the header without showing it. ${say('tfLog')}`,
    });
  }
  return {
    ...item,
    status: 'warn',
    explanation: `${item.explanation} The API authenticated the request anyway, so this did not stop it, but it is still worth fixing.`,
  };
}

/** Typographic quotes used as the shell's quotes: the request-stage item they broke. */
export function withSmartQuotes(items: ChecklistItem[]): { items: ChecklistItem[]; cause: ItemId } {
  const finding = {
    message:
      'The command uses typographic quotes (“ ” or ‘ ’) where the shell needs plain ones: the shell does not treat them as quotes and splits the argument at its spaces, so curl sent something other than what the command seems to say.',
  };
  const index = Math.max(
    items.findIndex((i) => i.status === 'fail' && i.id !== 'endpoint'),
    0,
  );
  const target = items[index] ?? items[0];
  if (!target) return { items, cause: 'key-values' };
  const fixed = makeItem(target.id, 'fail', {
    summary: finding.message,
    explanation: `${target.summary} ${target.explanation}`,
    fix: 'Replace every typographic quote (“ ” ‘ ’) with a plain one (" or \') and run the command again.',
    findings: [finding, ...(target.findings ?? [])],
  });
  return { items: items.map((i, n) => (n === index ? fixed : i)), cause: fixed.id };
}
