/**
 * The checklist contract (DESIGN.md, "The checklist"): stable item ids, statuses, verdicts.
 * Views, reports, links and tests depend on these names; change them only with all of those.
 */

export const ITEM_IDS = [
  'account-key-header',
  'secret-key-header',
  'key-values',
  'endpoint',
  'reached-api',
  'keys-valid',
  'same-account',
  'source-ip',
  'api-enabled',
  'role-permits',
  'rate-limit',
] as const;
export type ItemId = (typeof ITEM_IDS)[number];

/** `condition-1..3` are the API's three documented conditions, in the docs' order. */
export type ItemGroup =
  'request' | 'transport' | 'condition-1' | 'condition-2' | 'condition-3' | 'account';

export const ITEM_GROUP: Readonly<Record<ItemId, ItemGroup>> = {
  'account-key-header': 'request',
  'secret-key-header': 'request',
  'key-values': 'request',
  endpoint: 'request',
  'reached-api': 'transport',
  'keys-valid': 'condition-1',
  'same-account': 'condition-2',
  'source-ip': 'condition-3',
  'api-enabled': 'account',
  'role-permits': 'account',
  'rate-limit': 'account',
};

/**
 * - `pass`: shown to hold. `fail`: shown not to hold.
 * - `suspect`: the answer says one of a set failed but not which (see `rank`).
 * - `warn`: holds, but something is off. `unknown`: cannot be told from what is at hand.
 * - `skipped`: not reached or not applicable.
 */
export type ItemStatus = 'pass' | 'fail' | 'suspect' | 'warn' | 'unknown' | 'skipped';

export type Verdict =
  | 'ok'
  | 'auth-failed'
  | 'forbidden'
  | 'rate-limited'
  | 'request-error'
  | 'server-error'
  /** Not the Redis Cloud API's `/v1/` with the keys: another host or product, no `/v1`, http, a redirect. */
  | 'wrong-target'
  | 'unreachable'
  /** Something other than the API answered in its place (an edge, a proxy or gateway page). */
  | 'intercepted'
  | 'not-sent'
  /** The answer is not at hand or does not show what happened (no status, keys not shown). */
  | 'unknown';

/** Every verdict, for schemas and tables that must cover them all. */
export const VERDICTS = [
  'ok',
  'auth-failed',
  'forbidden',
  'rate-limited',
  'request-error',
  'server-error',
  'wrong-target',
  'unreachable',
  'intercepted',
  'not-sent',
  'unknown',
] as const satisfies readonly Verdict[];

export interface DocsLink {
  title: string;
  url: string;
}

/** One precise thing found, e.g. a character at a position in a header value. */
export interface Finding {
  /** The header it is about, as the user wrote it, when there is one. */
  header?: string;
  /** A sentence for a person; never holds a secret value. */
  message: string;
}

export interface ChecklistItem {
  id: ItemId;
  group: ItemGroup;
  /** Short name of the check, e.g. "Both keys are valid". */
  title: string;
  status: ItemStatus;
  /** What was found, in one line. */
  summary: string;
  /** What it means and why Keycheck thinks so. */
  explanation: string;
  /** What to do; absent when nothing needs doing. */
  fix?: string;
  docs?: DocsLink;
  /** For `suspect` items: 1 is the most likely of the suspects. */
  rank?: number;
  findings?: Finding[];
}

export interface Checklist {
  verdict: Verdict;
  /** The one item to fix first, or null when there is none. */
  primaryCause: ItemId | null;
  /** One sentence saying the verdict and the primary cause in words. */
  headline: string;
  /** Always all eleven items, in `ITEM_IDS` order. */
  items: ChecklistItem[];
}

/** What the profile learned before and what the user told it; everything is optional. */
export interface DiagnoseContext {
  /** Learned from the last successful `GET /v1/`. */
  learned?: {
    accountId?: number;
    accountName?: string;
    keyName?: string;
    allowedSourceIps?: string[];
    httpSourceIp?: string;
    /** ISO 8601 time of that success. */
    at?: string;
    /**
     * Where the same keys authenticated earlier in a pasted ticket (`attempt 1`), when the
     * success was read from the paste rather than learned by a profile.
     */
    inPaste?: string;
  };
  /** The key's CIDR allow list as the user knows it. */
  declaredAllowList?: string[];
  /** True when the request went through a local relay: the API then sees the relay's IP. */
  viaRelay?: boolean;
  /** Answers whether METHOD PATH (path starting at `/v1/`) is an operation of the API. */
  isKnownOperation?: (method: string, path: string) => boolean;
  /**
   * What the API document says a 403 means for METHOD PATH (path from `/v1/`): `not-active` for
   * the create operations whose 403 is "not active resource", `source-ip` for the others.
   */
  forbiddenMeaning?: (method: string, path: string) => 'not-active' | 'source-ip' | undefined;
  /** The page's own protocol, for mixed-content findings (`https:` or `http:`). */
  pageProtocol?: string;
  /**
   * Key headers whose value a shell variable supplied and the customer's shell filled in (a
   * pasted `-H "x-api-key: $ACCOUNT_KEY"`): the paste shows the variable, not what was sent, so
   * the value is not judged as a placeholder; `key-values` says it is not in the paste instead.
   * `header` is compared without case; `variable` is the name as written, e.g. `$ACCOUNT_KEY`.
   */
  shellExpanded?: { header: string; variable: string }[];
  /**
   * The URL's host came from a shell variable the customer's shell filled in (a pasted
   * `curl "https://$HOST/subscriptions"`): the paste does not show where the request went. The
   * name as written, e.g. `$HOST`. The endpoint is then `unknown` until an answer with the API's
   * shape shows it reached the API. Wired from the paste's `VariableUse` with `in: 'url'`.
   */
  hostFromVariable?: string;
  /**
   * The role of the user key's user as the profile knows it (`Owner`, `Viewer`, `Logs viewer`,
   * `Billing admin`, `Manager`, `Member`): ranks the causes of a 403.
   */
  keyRole?: string;
  /**
   * The paste used typographic quotes (“ ” ‘ ’) where the shell needs plain ones: the shell split
   * the arguments at their spaces, so what was sent is not what the command seems to say.
   */
  smartQuotes?: boolean;
  /**
   * The paste comes from a tool that always sends both key headers but never prints them (the
   * Go client's and Terraform's logs, RedisInsight): why, in words with no pasted text.
   */
  keysNotShown?: string;
}

/** The two header names the API reads. */
export const ACCOUNT_KEY_HEADER = 'x-api-key';
export const USER_KEY_HEADER = 'x-api-secret-key';
export const API_HOST = 'api.redislabs.com';
export const API_BASE_URL = `https://${API_HOST}`;
/**
 * The sandbox answers at this origin. `.invalid` is reserved (RFC 2606): the name can never
 * resolve, so a sandbox request can never reach a real host by mistake.
 */
export const SANDBOX_BASE_URL = 'https://sandbox.keycheck.invalid';

/** Whether requests to this base URL are the sandbox's to answer. */
export function isSandboxUrl(baseUrl: string): boolean {
  try {
    return new URL(baseUrl).origin === SANDBOX_BASE_URL;
  } catch {
    return false;
  }
}
