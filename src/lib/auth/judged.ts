import type { ItemId } from '../core/checklist';

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
