/**
 * What the request stage shows once the answer is known: after a 2xx that the API produced a
 * request-stage `fail` did not stop the request, and typographic quotes break what the shell
 * passed on.
 */
import type { ChecklistItem, DiagnoseContext, ItemId } from '../core/checklist';
import { say } from './claims';
import { makeItem, skippedItem, unknownItem } from './items';
import type { PreflightDetail } from './preflight';

/** The request-stage items, in `ITEM_IDS` order. */
export const REQUEST_IDS = [
  'account-key-header',
  'secret-key-header',
  'key-values',
  'endpoint',
] as const satisfies readonly ItemId[];
type RequestId = (typeof REQUEST_IDS)[number];
const KEY_IDS: readonly RequestId[] = ['account-key-header', 'secret-key-header', 'key-values'];

/**
 * After a 2xx the keys were sent, whatever the paste shows: a header missing from it was left
 * out of the paste (the Go client's TF_LOG logs before adding them), so it is `unknown`, and
 * any other request-stage `fail` did not stop the request: a `warn` worth fixing.
 */
function softened(item: ChecklistItem): ChecklistItem {
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

/** Typographic quotes used as the shell's quotes: the key item they broke (the first that fails). */
function withSmartQuotes(items: Map<RequestId, ChecklistItem>): ItemId {
  const finding = {
    message:
      'The command uses typographic quotes (“ ” or ‘ ’) where the shell needs plain ones: the shell does not treat them as quotes and splits the argument at its spaces, so curl sent something other than what the command seems to say.',
  };
  const id = KEY_IDS.find((k) => items.get(k)?.status === 'fail') ?? 'account-key-header';
  const target = items.get(id);
  if (!target) return 'key-values';
  items.set(
    id,
    makeItem(id, 'fail', {
      summary: finding.message,
      explanation: `${target.summary} ${target.explanation}`,
      fix: 'Replace every typographic quote (“ ” ‘ ’) with a plain one (" or \') and run the command again.',
      findings: [finding, ...(target.findings ?? [])],
    }),
  );
  return id;
}

export interface RequestStageInput {
  detail: PreflightDetail;
  context: DiagnoseContext | undefined;
  /** The endpoint item the answer showed (a 404 on a known operation, ...), if any. */
  endpoint?: ChecklistItem | undefined;
  /** The API produced an answer that shows the request authenticated. */
  authenticated: boolean;
  /** The host came from a variable and the answer has the API's shape. */
  reachedApi: boolean;
  requestMissing: boolean;
  preflightOnly: boolean;
  enterprise: boolean;
}

/**
 * The four request-stage items once the answer is known, each decided by id, by these rules in
 * order: no request pasted (all `unknown`); a preflight or Redis Enterprise Software (the key
 * items `skipped`); the endpoint the answer showed; after an authenticated answer a `fail` that
 * did not stop the request is a `warn` (`softened`); a tool that never prints the keys (`unknown`,
 * never `fail`); typographic quotes (the broken item, and the URL, `fail`). Returns the items and
 * the item typographic quotes broke, if any.
 */
export function requestStage(input: RequestStageInput): {
  items: Map<RequestId, ChecklistItem>;
  smartCause: ItemId | null;
} {
  const { detail, context, requestMissing } = input;
  const items = new Map<RequestId, ChecklistItem>();
  for (const item of detail.items) items.set(item.id as RequestId, item);
  const update = (f: (item: ChecklistItem) => ChecklistItem, ids: readonly RequestId[]) => {
    for (const id of ids) {
      const item = items.get(id);
      if (item) items.set(id, f(item));
    }
  };
  if (requestMissing) {
    update(
      (item) => unknownItem(item.id, 'The request was not pasted.', 'Only the answer is at hand.'),
      REQUEST_IDS,
    );
  }
  if (input.preflightOnly || input.enterprise) {
    const why = input.preflightOnly
      ? 'A CORS preflight (OPTIONS) never carries the keys: the browser sends them only with the request itself.'
      : "Redis Enterprise Software's API takes a username and password, not these headers.";
    update((item) => skippedItem(item.id, why), KEY_IDS);
  }
  if (input.endpoint && items.get('endpoint')?.status === 'pass') {
    items.set('endpoint', input.endpoint);
  }
  if (input.reachedApi) {
    items.set(
      'endpoint',
      makeItem('endpoint', 'pass', {
        summary: `The answer has the API's shape, so the request reached the API; its host came from ${detail.endpoint.host}, which the paste does not show.`,
        explanation: `${detail.endpoint.item.explanation} ${say('v1Paths')}`,
        fix: detail.endpoint.item.fix ?? '',
      }),
    );
  }
  if (input.authenticated) update(softened, REQUEST_IDS);
  // A tool that never prints the key headers (the Go client's log, a RedisInsight error): their
  // absence says nothing, so the key items are `unknown` with the reader's reason, never `fail`.
  const keysNotShown = context?.keysNotShown;
  if (keysNotShown && !requestMissing) {
    update(
      (item) =>
        item.status === 'pass'
          ? item
          : unknownItem(
              item.id,
              'Not in the paste: the tool that wrote it never shows the key headers.',
              keysNotShown,
            ),
      KEY_IDS,
    );
  }
  if (!context?.smartQuotes || requestMissing) return { items, smartCause: null };
  if (items.get('endpoint')?.status === 'fail') {
    // The shell split the broken argument at its spaces: a piece of a key may now stand where
    // the URL was, so the URL is not repeated.
    items.set(
      'endpoint',
      makeItem('endpoint', 'fail', {
        summary:
          "The URL as the shell split the command is not the API's: the typographic quotes likely broke it.",
        explanation: `${say('v1Paths')} Whatever the split left where the URL should be may hold a piece of a key, so it is not shown here.`,
        fix: 'Replace every typographic quote (“ ” ‘ ’) with a plain one (" or \') and run the command again.',
      }),
    );
  }
  return { items, smartCause: withSmartQuotes(items) };
}
