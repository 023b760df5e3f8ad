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
  | 'Who answered'
  | 'What customers paste as the answer'
  | 'Unknown'
  | 'Mistakes seen in the wild';

export interface Claim {
  /** `known`: documented or seen in real traffic. `unknown`: nobody has published it. */
  known: boolean;
  section: FactsSection;
  /**
   * Words of FACTS.md, in `section`, that the claim rests on (compared with whitespace folded):
   * a test fails when they are not there, or when a known claim rests on the "Unknown" section.
   */
  facts: string;
  /** One sentence, as a person reads it; unknown ones carry their hedge in the words. */
  text: string;
}

const known = (section: FactsSection, facts: string, text: string): Claim => ({
  known: true,
  section,
  facts,
  text,
});
const unknown = (facts: string, text: string): Claim => ({
  known: false,
  section: 'Unknown',
  facts,
  text,
});

export const CLAIMS = {
  bothHeaders: known(
    'The two keys and their headers',
    'Every request must carry both headers.',
    'Every request must carry both keys: the account key in x-api-key and the user key in x-api-secret-key.',
  ),
  conditions: known(
    'When a request authenticates',
    'Both keys are valid and properly defined in the request headers.',
    'The API authenticates a request only when both keys are valid, the user key belongs to the account of the account key, and the request comes from an address the key allows.',
  ),
  defaultOpen: known(
    'When a request authenticates',
    'by default a key is allowed from every address',
    'By default a key is allowed from every address; only a key with a CIDR allow list is restricted.',
  ),
  successMeansAuthenticated: known(
    'Who answered',
    'means it authenticated the request only when the API produced it (every operation requires both keys)',
    'A 2xx that the API itself produced means the request authenticated, so every condition held for it.',
  ),
  apiOffByDefault: known(
    'Preconditions',
    'The API is off on every account by default.',
    'API access is off on every account until an account owner enables it, which also creates the account key.',
  ),
  roles: known(
    'Preconditions',
    'Owner (everything), Viewer (GET requests only), Logs viewer (`GET /v1/logs` only), Billing admin (billing data).',
    'Roles that may hold a user key: Owner (everything), Viewer (GET requests only), Logs viewer (GET /v1/logs only), Billing admin (billing data); Manager and Member may not use the API.',
  ),
  rateLimit: known(
    'Preconditions',
    'Rate limit: 400 requests per minute per account key. Past it, requests fail with HTTP 429',
    'The API allows 400 requests per minute per account key and answers 429 past it.',
  ),
  retryHeader: known(
    'Preconditions',
    'the response may carry `x-rate-limit-retry-after-seconds`',
    'A 429 may carry x-rate-limit-retry-after-seconds with the number of seconds to wait.',
  ),
  status401: known(
    'What the API answers',
    '401 "authentication failed"',
    'The API document gives 401 the meaning "authentication failed".',
  ),
  status403: known(
    'What the API answers',
    '403 "not allowed to access requested resource (primarily due to client source IP API key restrictions)"',
    'The API document gives 403 the meaning "not allowed to access requested resource (primarily due to client source IP API key restrictions)".',
  ),
  status403NotActive: known(
    'What customers paste besides curl',
    'on 24 operations the 403 text is "Not allowed to create requested resource (primarily due to not active resource)"',
    'For this operation the API document gives 403 the meaning "not allowed to create requested resource (primarily due to not active resource)", not the source-IP text.',
  ),
  status400: known(
    'What the API answers',
    '400 bad request',
    'The API document gives 400 the meaning "bad request".',
  ),
  status404: known(
    'What the API answers',
    '404 not found',
    'The API document gives 404 the meaning "not found".',
  ),
  status412: known(
    'What the API answers',
    '412 "feature flag for this flow is off"',
    'The API document gives 412 the meaning "feature flag for this flow is off".',
  ),
  status429: known(
    'What customers paste besides curl',
    'The 429 text speaks of too many resources changed at once in the account',
    'The API document gives 429 the meaning "too many resources are concurrently created, updated or deleted in the account"; past 400 requests a minute per account key is the other documented cause.',
  ),
  status500: known(
    'What the API answers',
    '500 internal error ("contact support")',
    'The API document gives 500 the meaning "internal error (contact support)".',
  ),
  apiShapes: known(
    'Who answered',
    "Only the API's own shapes show that the API answered: its JSON bodies, the Spring-style error",
    "Only the API's own shapes show that the API answered: its JSON bodies, the Spring-style error, a task body and its nginx 401 page.",
  ),
  edge: known(
    'Who answered',
    'Such a 403 says nothing about the keys, the allow list or the role: the request never reached the API.',
    "An edge in front of the API (Cloudflare's error code 1010 or 1020, its HTML pages) answers before the API: such an answer says nothing about the keys, the allow list or the role.",
  ),
  edgeUserAgent: known(
    'Who answered',
    "a request with Python's default `User-Agent: Python-urllib/3.x` was refused with a 403 whose body is Cloudflare's standard `error code: 1010`",
    "Cloudflare's error code 1010 is seen for a request with Python's default User-Agent (Python-urllib/3.x); the same keys worked from a browser.",
  ),
  proxy: known(
    'Who answered',
    "A corporate proxy or TLS-inspecting gateway can answer in the API's place",
    'A corporate proxy or gateway can answer in the API\'s place: a sign-in page, a 407, a "blocked by policy" page.',
  ),
  webServer: known(
    'Who answered',
    "come from the web server, not the API's code: they say nothing about the keys",
    "nginx's own pages (400 Request Header Or Cookie Too Large, 400 Bad Request, 502 Bad Gateway, 504 Gateway Time-out) come from the web server, not the API's code, and say nothing about the keys.",
  ),
  nginx401: known(
    'What the API answers',
    'a 401 whose body is an nginx HTML page, not JSON',
    "The API's 401 is seen to come as a small nginx HTML page, not JSON.",
  ),
  spring404: known(
    'What the API answers',
    'a 404 in the Spring Boot JSON shape',
    "The API's 404 is seen in the Spring Boot JSON shape (timestamp, status, error, path), or with an empty body.",
  ),
  accountBody: known(
    'What the API answers',
    "`httpSourceIp` is the public IP the API saw; `allowedSourceIps` is the key's allow list.",
    "GET /v1/ returns the current account: key.httpSourceIp is the address the API saw and key.allowedSourceIps the key's allow list.",
  ),
  newTask404: known(
    'What the API answers',
    'A brand-new task id can answer 404 for a few seconds.',
    'A brand-new task id can answer 404 for a few seconds.',
  ),
  failedTask: known(
    'What the API answers',
    'A failed task is an HTTP 200 whose `response.error` holds `{type, status, description}`',
    'A failed task is an HTTP 200 whose response.error holds the type, status and description of the failure.',
  ),
  failedTaskAuthenticated: known(
    'What customers paste as the answer',
    'A failed task means the API accepted the request, so both keys authenticated; the error is about the resource.',
    'A failed task means the API accepted the request, so both keys authenticated; the error is about the operation, not the keys.',
  ),
  permissionTypes: known(
    'What customers paste as the answer',
    "only `UNAUTHORIZED`, `USER_INSUFFICIENT_ROLE` and `USER_WITHOUT_OWNER_PERMISSION_...` in the document's list",
    "Only the task error types UNAUTHORIZED, USER_INSUFFICIENT_ROLE and USER_WITHOUT_OWNER_PERMISSION_... are about the key's permissions; ACL_ROLE_... types are about a database's access control and ..._NOT_ALLOWED_... types about the resource.",
  ),
  toolNoAnswer: known(
    'What customers paste as the answer',
    'Each of these shows the status (or that there was no answer)',
    "A tool's own words can show that no answer came back (a name that did not resolve, a refused connection, a timeout, a refused certificate): then no answer judged the keys.",
  ),
  ciMask: known(
    'What customers paste as the answer',
    'print every registered secret as `***`',
    'CI logs (GitHub Actions and others) print every registered secret as three asterisks: a header logged that way does not mean the request sent three asterisks.',
  ),
  missingKey: known(
    'What customers paste besides curl',
    'the newer path fails early with "Missing Redis Cloud API Key" or "Missing Redis Cloud API Secret Key"',
    'The Terraform provider stops before any request with "Missing Redis Cloud API Key" or "Missing Redis Cloud API Secret Key" when a key is not set, so nothing was sent.',
  ),
  v1Paths: known(
    'What the API answers',
    'The interactive reference (Swagger UI) is at `https://api.redislabs.com/v1/swagger-ui.html`.',
    'Every operation of the API lives under /v1/ at https://api.redislabs.com.',
  ),
  noAccountPath: known(
    'What the API answers',
    'There is no `/v1/account` path.',
    'There is no /v1/account path: GET /v1/ returns the current account.',
  ),
  consoleHost: known(
    'Mistakes seen in the wild',
    'Calling the console host (`app.redislabs.com`, `cloud.redis.io`) instead of `api.redislabs.com`.',
    'app.redislabs.com and cloud.redis.io are the Redis Cloud console, not the API.',
  ),
  enterprise: known(
    'What customers paste besides curl',
    'Redis Enterprise Software (self-managed) has its own REST API on port 9443',
    'Redis Enterprise Software has its own REST API on port 9443 of the cluster, authenticated with a username and password (HTTP basic auth), not with these two keys.',
  ),
  tfLog: known(
    'What customers paste besides curl',
    'it logs the request **before** adding the two key headers',
    "The Go client's debug log (TF_LOG) prints a request before adding the two key headers, so a request it logged never shows the keys.",
  ),
  orderOfChecks: unknown(
    'In which order the API checks keys, account, source IP, role and rate limit',
    'The order in which the API checks keys, account, source IP, role and rate limit is not published, so this answer does not show that the keys were valid, although that is likely.',
  ),
  sameAnswerFor401: unknown(
    'Whether a wrong account key, a wrong user key, a key pair from two accounts, or a disabled API answer differently.',
    'Whether a wrong key, keys from two accounts and a disabled API answer differently is not published; they likely all get the same 401.',
  ),
  ip403NotAlways: unknown(
    'Whether a blocked source IP always gives 403',
    'Whether a blocked source IP always gets 403 is not published; 403 is likely, since the API document names it as the primary reason for one.',
  ),
  cors: unknown(
    'Whether the API sends CORS headers to a browser page on another origin.',
    'Whether the API sends CORS headers to a page on another origin is not published; every known client calls it from a server or a terminal, so it likely does not.',
  ),
  failedAuthCounts: unknown(
    'Whether requests that fail authentication count toward the 400-a-minute limit.',
    'Whether requests that fail authentication count toward the 400-a-minute limit is not published.',
  ),
  memberStatus: unknown(
    'Which status a Manager or Member key gets',
    'Which status a Manager or Member key gets is not published; a 403 is likely, as for any role the request is not allowed for.',
  ),
  notOperation404: unknown(
    'In which order the API checks keys, account, source IP, role and rate limit',
    'A 404 for a path that is not an operation likely comes before any check of the keys, so it tells nothing about them.',
  ),
  roleGets403: unknown(
    'Which status a Manager or Member key gets',
    'A role that does not allow a request is likely answered with 403; the API document does not say so for roles.',
  ),
  disabledApi401: unknown(
    'or a disabled API answer differently',
    'A disabled API is likely answered with the same 401 as the other authentication failures; that is not published.',
  ),
  refusedAfterAuth: unknown(
    'In which order the API checks keys, account, source IP, role and rate limit',
    'A 400, 404, 409, 412 or 422 from an operation of the API likely judges the request itself after the keys; the order of its checks is not published.',
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
