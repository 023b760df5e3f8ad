import type { ChecklistItem, ItemId } from '../core/checklist';
import { CAUSE_WORDS } from './judged';

/** Short actions for a cause the answer leaves suspect, in a customer's words. */
const SUSPECT_ACTION: Partial<Record<ItemId, string>> = {
  'keys-valid': 'Copy both keys again from where they were saved',
  'same-account': 'Take both keys from the same account',
  'api-enabled': 'Ask an account owner to check that API access is enabled on the account',
  'source-ip': "Check that the key's allow list includes the address the request comes from",
  'role-permits': "Use a key whose user's role allows this request (an Owner for writes)",
};

/** The first sentence of a text, without its final period. */
function firstSentence(text: string): string {
  // Not the dots of "..." or "e.g.": they end no sentence. A question keeps its mark.
  const end = text.search(/(?<!\be\.g|\.)[.?](?:\s|$)/);
  if (end < 0) return text.trim();
  return text.slice(0, text.charAt(end) === '?' ? end + 1 : end).trim();
}

/**
 * The action for a key value that can never be right, from its finding: "Copy the user key
 * again: it ends with a space (character 51)". Null when the finding has another shape.
 */
function keyValueAction(item: ChecklistItem): string | null {
  const message = item.findings?.[0]?.message ?? item.summary;
  const key = /^The (account|user) key (.+?):/.exec(message);
  if (key) return `Copy the ${key[1]} key again: it ${key[2]}`;
  const placeholder = /^The value is (the (?:shell variable|placeholder) .+?), not a key/.exec(
    message,
  );
  if (placeholder) {
    const header = item.findings?.[0]?.header?.trim() ?? 'the header';
    return `Put the key itself in ${header}: the request sent ${placeholder[1]}`;
  }
  if (/^Both headers carry the same value/.test(message)) {
    return 'Send the account key in x-api-key and the user key in x-api-secret-key: both headers carry the same value';
  }
  if (/look swapped/.test(message)) {
    return 'Swap the two keys: the account key goes in x-api-key and the user key in x-api-secret-key';
  }
  return null;
}

/** The action for a missing or misspelled key header, from its summary. */
function headerAction(item: ChecklistItem): string | null {
  const missing = /^No (x-api-key|x-api-secret-key) header/.exec(item.summary);
  if (missing) {
    const key = missing[1] === 'x-api-key' ? 'account key' : 'user key';
    return `Add the ${key} in a header named ${missing[1]}: the request has none`;
  }
  const misspelled = /^(.+?) is not a header the API reads: did you mean (.+?)\?/.exec(
    item.summary,
  );
  if (misspelled) return `Rename the header ${misspelled[1]} to ${misspelled[2]}`;
  return null;
}

/**
 * The verdict's headline: the action to take, in words a customer understands, then what the
 * answer was in parentheses. The view names the cause's condition after it, so the headline does
 * not repeat the verdict's word or the item's title.
 */
export function headlineOf(cause: ChecklistItem | null, lead: string, action?: string): string {
  const tag = lead ? ` (${lead})` : '';
  if (!cause) return `${action ?? 'Nothing to fix'}${tag}.`;
  if (cause.status === 'suspect') {
    const fix =
      action ??
      SUSPECT_ACTION[cause.id] ??
      (cause.fix ? firstSentence(cause.fix) : `Check ${CAUSE_WORDS[cause.id]}`);
    return `${fix}: most likely ${CAUSE_WORDS[cause.id]}; the answer does not say which condition failed${tag}.`;
  }
  const specific =
    cause.id === 'key-values'
      ? keyValueAction(cause)
      : cause.id === 'account-key-header' || cause.id === 'secret-key-header'
        ? headerAction(cause)
        : null;
  if (specific) return `${specific}${tag}.`;
  const fix = cause.fix ? firstSentence(cause.fix) : (action ?? `Check ${CAUSE_WORDS[cause.id]}`);
  // The rate limit's summary only repeats the status; the wait is the whole action.
  if (cause.id === 'rate-limit') return `${fix}${tag}.`;
  const why = firstSentence(cause.summary);
  // A sentence that starts with a host or a path keeps it as written.
  const sentence = /^[a-z]+(?![\w.:/-])/.test(why)
    ? why.charAt(0).toUpperCase() + why.slice(1)
    : why;
  return `${fix}. ${sentence}${saysAlready(sentence, lead) ? '' : tag}.`;
}

/**
 * Whether `sentence` already says what `lead` would add in parentheses: every word of the lead
 * (after a `CORS:`-style label) is in it. "The name api.redislabs.com did not resolve, ..." then
 * needs no "(the name did not resolve)".
 */
function saysAlready(sentence: string, lead: string): boolean {
  const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const core = words(lead.replace(/^[^:]{1,40}:\s*/, ''));
  if (core.length < 2) return false;
  const said = new Set(words(sentence));
  return core.every((w) => said.has(w));
}
