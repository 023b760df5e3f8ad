/**
 * Every statement the checklist may make about how the Redis Cloud API behaves, each marked
 * known or unknown with the section of FACTS.md it rests on. Explanations take these sentences
 * from here (`say`), so a claim the facts do not back cannot slip into a text: a unit test scans
 * every explanation for statements about the API and fails on one that is not in this table.
 * Unknown claims are written hedged ("likely", "not published"); `say` refuses to drop that.
 */

export type FactsSection =
  | 'The two keys and their headers'
  | 'When a request authenticates'
  | 'Preconditions'
  | 'What the API answers'
  | 'What customers paste besides curl'
  | 'Unknown'
  | 'Mistakes seen in the wild';

export interface Claim {
  /** `known`: documented or seen in real traffic. `unknown`: nobody has published it. */
  known: boolean;
  section: FactsSection;
  /** One sentence, as a person reads it; unknown ones carry their hedge in the words. */
  text: string;
}

const known = (section: FactsSection, text: string): Claim => ({ known: true, section, text });
const unknown = (text: string): Claim => ({ known: false, section: 'Unknown', text });

export const CLAIMS = {
  bothHeaders: known(
    'The two keys and their headers',
    'Every request must carry both keys: the account key in x-api-key and the user key in x-api-secret-key.',
  ),
  conditions: known(
    'When a request authenticates',
    'The API authenticates a request only when both keys are valid, the user key belongs to the account of the account key, and the request comes from an address the key allows.',
  ),
  defaultOpen: known(
    'When a request authenticates',
    'By default a key is allowed from every address; only a key with a CIDR allow list is restricted.',
  ),
  successMeansAuthenticated: known(
    'When a request authenticates',
    'The API answers 2xx only to a request that authenticated, so every condition held for it.',
  ),
  apiOffByDefault: known(
    'Preconditions',
    'API access is off on every account until an account owner enables it, which also creates the account key.',
  ),
  roles: known(
    'Preconditions',
    'Roles that may hold a user key: Owner (everything), Viewer (GET requests only), Logs viewer (GET /v1/logs only), Billing admin (billing data); Manager and Member may not use the API.',
  ),
  rateLimit: known(
    'Preconditions',
    'The API allows 400 requests per minute per account key and answers 429 past it.',
  ),
  retryHeader: known(
    'Preconditions',
    'A 429 may carry x-rate-limit-retry-after-seconds with the number of seconds to wait.',
  ),
  status401: known(
    'What the API answers',
    'The API document gives 401 the meaning "authentication failed".',
  ),
  status403: known(
    'What the API answers',
    'The API document gives 403 the meaning "not allowed to access requested resource (primarily due to client source IP API key restrictions)".',
  ),
  status400: known('What the API answers', 'The API document gives 400 the meaning "bad request".'),
  status404: known('What the API answers', 'The API document gives 404 the meaning "not found".'),
  status412: known(
    'What the API answers',
    'The API document gives 412 the meaning "feature flag for this flow is off".',
  ),
  status429: known(
    'What the API answers',
    'The API document gives 429 the meaning "too many requests".',
  ),
  status500: known(
    'What the API answers',
    'The API document gives 500 the meaning "internal error (contact support)".',
  ),
  refusedAfterAuth: known(
    'What the API answers',
    'A 400, 404, 409, 412 or 422 from an operation of the API judges the request itself: a request that fails authentication gets 401.',
  ),
  nginx401: known(
    'What the API answers',
    "The API's 401 is seen to come as a small nginx HTML page, not JSON.",
  ),
  spring404: known(
    'What the API answers',
    "The API's 404 is seen in the Spring Boot JSON shape (timestamp, status, error, path), or with an empty body.",
  ),
  accountBody: known(
    'What the API answers',
    "GET /v1/ returns the current account: key.httpSourceIp is the address the API saw and key.allowedSourceIps the key's allow list.",
  ),
  newTask404: known(
    'What the API answers',
    'A brand-new task id can answer 404 for a few seconds.',
  ),
  failedTask: known(
    'What the API answers',
    'A failed task is an HTTP 200 whose response.error holds the type, status and description of the failure.',
  ),
  v1Paths: known(
    'What the API answers',
    'Every operation of the API lives under /v1/ at https://api.redislabs.com.',
  ),
  noAccountPath: known(
    'What the API answers',
    'There is no /v1/account path: GET /v1/ returns the current account.',
  ),
  consoleHost: known(
    'Mistakes seen in the wild',
    'app.redislabs.com and cloud.redis.io are the Redis Cloud console, not the API.',
  ),
  enterprise: known(
    'What customers paste besides curl',
    'Redis Enterprise Software has its own REST API on port 9443 of the cluster, authenticated with a username and password (HTTP basic auth), not with these two keys.',
  ),
  tfLog: known(
    'What customers paste besides curl',
    "The Go client's debug log (TF_LOG) prints a request before adding the two key headers, so a request it logged never shows the keys.",
  ),
  orderOfChecks: unknown(
    'The order in which the API checks keys, account, source IP, role and rate limit is not published, so this answer does not show that the keys were valid, although that is likely.',
  ),
  sameAnswerFor401: unknown(
    'Whether a wrong key, keys from two accounts and a disabled API answer differently is not published; they likely all get the same 401.',
  ),
  ip403NotAlways: unknown(
    'Whether a blocked source IP always gets 403 is not published; 403 is likely, since the API document names it as the primary reason for one.',
  ),
  cors: unknown(
    'Whether the API sends CORS headers to a page on another origin is not published; every known client calls it from a server or a terminal, so it likely does not.',
  ),
  failedAuthCounts: unknown(
    'Whether requests that fail authentication count toward the 400-a-minute limit is not published.',
  ),
  memberStatus: unknown(
    'Which status a Manager or Member key gets is not published; a 403 is likely, as for any role the request is not allowed for.',
  ),
  notOperation404: unknown(
    'A 404 for a path that is not an operation likely comes before any check of the keys, so it tells nothing about them.',
  ),
  roleGets403: unknown(
    'A role that does not allow a request is likely answered with 403; the API document does not say so for roles.',
  ),
  disabledApi401: unknown(
    'A disabled API is likely answered with the same 401 as the other authentication failures; that is not published.',
  ),
} as const satisfies Record<string, Claim>;

export type ClaimId = keyof typeof CLAIMS;

const HEDGE = /\blikely\b|\bnot published\b|\bdoes not say\b/i;

/**
 * The claim's sentence, to put into an explanation. An unknown claim's sentence always holds its
 * hedge; `say` throws if someone rewrote one without it, so the mistake shows in every test.
 */
export function say(id: ClaimId): string {
  const claim: Claim = CLAIMS[id];
  if (!claim.known && !HEDGE.test(claim.text)) {
    throw new Error(`Claim ${id} is unknown but its text does not hedge.`);
  }
  return claim.text;
}

/** Whether a sentence hedges (for tests and for unknown claims). */
export function hedges(sentence: string): boolean {
  return HEDGE.test(sentence);
}
