import type { ChecklistItem, ItemId, Verdict } from '../core/checklist';

/** The items that depend on the answer, in `ITEM_IDS` order after the request stage. */
export const ANSWER_ITEMS = [
  'reached-api',
  'keys-valid',
  'same-account',
  'source-ip',
  'api-enabled',
  'role-permits',
  'rate-limit',
] as const;
export type AnswerItemId = (typeof ANSWER_ITEMS)[number];

/** What the answer (or its absence) says, before the request stage is folded in. */
export interface Judged {
  verdict: Verdict;
  items: Record<AnswerItemId, ChecklistItem>;
  /** The item the answer itself points at, or null. */
  decisive: ItemId | null;
  /**
   * What the answer was, in a few words for the headline's end, e.g. "HTTP 401" or "no answer:
   * the browser is offline". Never repeats the verdict's own word.
   */
  lead: string;
  /** True when the answer shows the keys were accepted: request-stage fails then become warns. */
  authenticated: boolean;
  /** The action to take when no item is the cause (e.g. "Try again later"). */
  action?: string;
}

/** Short words for an item as a cause, for the headline. */
export const CAUSE_WORDS: Readonly<Record<ItemId, string>> = {
  'account-key-header': 'the x-api-key header',
  'secret-key-header': 'the x-api-secret-key header',
  'key-values': 'a key value as sent',
  endpoint: 'the URL',
  'reached-api': 'the connection to the API',
  'keys-valid': 'a wrong key',
  'same-account': 'keys from two different accounts',
  'source-ip': 'the source IP address',
  'api-enabled': 'API access disabled on the account',
  'role-permits': "the key's role",
  'rate-limit': 'the rate limit',
};
