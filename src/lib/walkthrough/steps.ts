/**
 * The walkthrough's ten steps. Every claim rests on FACTS.md; where nothing is published, the
 * text says so. Texts use two marks only: `code` and [a link](#/route).
 */
import { API_BASE_URL } from '../core/checklist';
import { DEMO_KEYS } from '../sandbox/demo-data';
import type { WalkthroughStep } from './model';

const GET_ACCOUNT = { method: 'GET', path: '/v1/' } as const;
const OWNER_PAIR = { accountKey: DEMO_KEYS.account1001, userKey: DEMO_KEYS.owner } as const;
const CREATE_DATABASE = JSON.stringify({ name: 'walkthrough-db', protocol: 'redis' });

/** The curl command of the round trip: the keys stay in variables, so it can be shared. */
export const CURL_ROUND_TRIP =
  'curl -i -H "x-api-key: $REDIS_CLOUD_ACCOUNT_KEY" -H "x-api-secret-key: $REDIS_CLOUD_USER_KEY" ' +
  `${API_BASE_URL}/v1/`;

export const STEPS: readonly WalkthroughStep[] = [
  {
    title: 'The API is off by default',
    console: [
      'A new Redis Cloud account cannot be used through the REST API yet: API access is off on every account until an account owner turns it on. Nothing to do in the console for now; first see what a request gets before that.',
    ],
    trials: [
      {
        id: 'api-off',
        label: 'Try it',
        does: 'Sends `GET /v1/` with the keys of demo account 3003, whose API is turned off.',
        request: {
          ...GET_ACCOUNT,
          accountKey: DEMO_KEYS.account3003,
          userKey: DEMO_KEYS.pausedOwner,
        },
        expected: 'auth-failed',
      },
    ],
    lesson: [
      'The answer is a 401 with a small nginx HTML page, and nothing else. A wrong key gets the same 401 as far as anyone has published, so the checklist cannot say "the API is off": it keeps Keys valid, Same account and API enabled as Suspect.',
      "The sandbox's inside view knows the truth: API access is disabled on account 3003. The real API never tells you that.",
    ],
  },
  {
    title: 'Enabling the API creates the account key',
    console: [
      'An account owner opens Access Management, then API Keys, and selects Enable API. That turns API access on and creates the account key.',
      'The account key goes in the `x-api-key` header. An account has one; you can view it again in the console at any time; changing it needs Redis support. Other tools call it "API key" or "access key".',
    ],
    trials: [
      {
        id: 'api-enabled',
        label: 'Enable API and send again',
        does: 'Turns API access on for account 3003, then sends the same `GET /v1/` as step 1.',
        before: [{ kind: 'enable-api', accountId: 3003 }],
        request: {
          ...GET_ACCOUNT,
          accountKey: DEMO_KEYS.account3003,
          userKey: DEMO_KEYS.pausedOwner,
        },
        expected: 'ok',
      },
    ],
    lesson: [
      'The very keys that got a 401 in step 1 now get a 200. (Account 3003 in the sandbox kept its account key from before its API was turned off; on an account that never had the API on, enabling it is what creates the key.)',
    ],
  },
  {
    title: 'Creating a user key',
    console: [
      'Still under API Keys, an account owner adds a user key for a user of the account and gives it a name: 10 to 50 letters, digits, `-` or `_`, no spaces. The name, never the value, shows in the audit log.',
      'The user key goes in the `x-api-secret-key` header; older docs call it the secret key. It belongs to one user, and a user can have several.',
      'The console shows the value once, right after creating it. Copy it then, into a password manager or a secret store.',
    ],
    trials: [
      {
        id: 'create-user-key',
        label: 'Create a user key and use it',
        does: 'Creates the Owner key `walkthrough-owner-key` in account 1001, shows its value once, and sends `GET /v1/` with it.',
        before: [
          { kind: 'create-key', accountId: 1001, name: 'walkthrough-owner-key', role: 'Owner' },
        ],
        request: { ...GET_ACCOUNT, accountKey: DEMO_KEYS.account1001, userKey: { created: true } },
        expected: 'ok',
      },
    ],
    lesson: [
      'Why it cannot be shown again: Redis does not publish how it stores user keys. Services that show a secret only once usually keep no readable copy of it, which would leave nothing to show; that is likely, not documented. What is documented is the rule itself: shown once.',
      'Lost it? Create another user key (a user can have several) and use that one.',
    ],
  },
  {
    title: 'The first request: GET /v1/',
    console: [
      'Nothing more in the console. The cheapest way to check both keys is `GET /v1/` ("get current account"), sent with both headers. There is no `/v1/account` path.',
    ],
    trials: [
      {
        id: 'first-request',
        label: 'Try it',
        does: "Sends `GET /v1/` with account 1001's account key and its Owner's user key.",
        request: { ...GET_ACCOUNT, ...OWNER_PAIR },
        expected: 'ok',
      },
    ],
    lesson: [
      'All three conditions hold: both keys are valid, the user key belongs to the account of the account key, and the request comes from an allowed address.',
      'In the answer, `key.httpSourceIp` is the public address the API saw the request come from, and `key.allowedSourceIps` is the key\'s allow list; `["0.0.0.0/0"]` means every address, the default. Those two fields are what explain condition 3 when a key later fails from another network.',
    ],
  },
  {
    title: 'A wrong user key',
    console: [
      'Nothing in the console: this is a copying slip. The user key sent here is the Owner key with its last character changed.',
    ],
    trials: [
      {
        id: 'wrong-user-key',
        label: 'Try it',
        does: 'Sends `GET /v1/` with a user key one character off.',
        request: {
          ...GET_ACCOUNT,
          accountKey: DEMO_KEYS.account1001,
          userKey: DEMO_KEYS.wrongUser,
        },
        expected: 'auth-failed',
      },
    ],
    lesson: [
      'What the checklist can tell: both headers were there and spelled right, the values look clean, and the API answered. What it cannot tell: which of the keys is wrong, or whether it is a key at all. A wrong account key, a wrong user key, keys from two accounts and a disabled API are not known to answer differently, so those stay Suspect, ranked.',
      'The fix: copy the user key again from where you saved it; if it is lost, create a new one (step 3).',
    ],
  },
  {
    title: 'Keys from two accounts',
    console: [
      'People with access to several accounts sometimes take the account key from one and the user key from another. In the console, both keys of a pair come from the API Keys page of the same account.',
    ],
    trials: [
      {
        id: 'two-accounts',
        label: 'Try it',
        does: "Sends `GET /v1/` with account 1001's account key and a valid user key of account 2002.",
        request: {
          ...GET_ACCOUNT,
          accountKey: DEMO_KEYS.account1001,
          userKey: DEMO_KEYS.secondOwner,
        },
        expected: 'auth-failed',
      },
    ],
    lesson: [
      'The same 401 as step 5: both keys are valid, yet the pair is not. From the answer alone the checklist cannot tell this case from a wrong key.',
      "The sandbox's inside view tells them apart: it says the user key belongs to account 2002. With real keys, send `GET /v1/` with each user key and its own account's account key: `key.accountId` in the answer names the account the pair belongs to.",
    ],
  },
  {
    title: 'An allow list that excludes you',
    console: [
      'A user key may have a CIDR allow list, such as `127.1.0.0/24`: the addresses it may be used from. A key without one is allowed from every address. Condition 3 applies only to keys with a list.',
    ],
    trials: [
      {
        id: 'allow-list-403',
        label: 'Try it',
        does: 'Sends `GET /v1/` with a key limited to `10.0.0.0/24`, from the sandbox address 198.51.100.23.',
        request: {
          ...GET_ACCOUNT,
          accountKey: DEMO_KEYS.account1001,
          userKey: DEMO_KEYS.allowList,
        },
        expected: 'forbidden',
      },
      {
        id: 'allow-list-fix',
        label: 'Try the fix',
        does: 'Sends the same request from 10.0.0.7, an address inside the list.',
        clientIp: '10.0.0.7',
        request: {
          ...GET_ACCOUNT,
          accountKey: DEMO_KEYS.account1001,
          userKey: DEMO_KEYS.allowList,
        },
        expected: 'ok',
      },
    ],
    lesson: [
      'The keys are right (the inside view shows it), yet the answer is a 403, as the real API likely gives; the API document explains 403 as "primarily due to client source IP API key restrictions". "Primarily": a role can give a 403 too (step 8).',
      'The checklist leaves the keys Unknown, likely valid: in which order the API checks keys, address and role is not published, so a 403 does not show that the keys were valid.',
      'The fix: send from an address inside the list (the office network or VPN it was made for), or ask an account owner to add your address to it. To see your address as the API sees it, send `GET /v1/` with a key that has no list and read `key.httpSourceIp`. Expect this again from any new network: VPN, CI runner, laptop at home.',
    ],
  },
  {
    title: 'Roles: a Viewer cannot write, an Owner can',
    console: [
      "A user key acts with its user's role. Owner may do everything; Viewer, GET requests only; Logs viewer, `GET /v1/logs` only; Billing admin, billing data. Manager and Member may not use the API.",
      'Writes are asynchronous: the answer holds a `taskId`, and `GET /v1/tasks/{taskId}` reports the task as it moves from `received` through `processing-in-progress` to `processing-completed` (or `processing-error`, still an HTTP 200). A brand-new task id can answer 404 for a few seconds.',
    ],
    trials: [
      {
        id: 'viewer-post',
        label: 'Try it',
        does: 'Sends `POST /v1/subscriptions/51001/databases` with a Viewer key of account 1001.',
        request: {
          method: 'POST',
          path: '/v1/subscriptions/51001/databases',
          body: CREATE_DATABASE,
          accountKey: DEMO_KEYS.account1001,
          userKey: DEMO_KEYS.viewer,
        },
        expected: 'forbidden',
      },
      {
        id: 'viewer-get',
        label: 'Let the Viewer read',
        does: 'Sends `GET /v1/subscriptions/51001/databases` with the same Viewer key.',
        request: {
          method: 'GET',
          path: '/v1/subscriptions/51001/databases',
          accountKey: DEMO_KEYS.account1001,
          userKey: DEMO_KEYS.viewer,
        },
        expected: 'ok',
      },
      {
        id: 'owner-creates-database',
        label: 'Create it with an Owner key and follow the task',
        does: 'Sends the same `POST` with the Owner key, follows its task to the end, then reads the new database.',
        request: {
          method: 'POST',
          path: '/v1/subscriptions/51001/databases',
          body: CREATE_DATABASE,
          ...OWNER_PAIR,
        },
        followTask: true,
        expected: 'ok',
      },
    ],
    lesson: [
      'The Viewer key gets a 403 for the write: in the sandbox, the role forbids it. The 403 does not say whether a role or an allow list refused it, so the checklist names both as suspects and ranks them by what it knows: for a write with a read-only role, the role comes first. The keys stay Unknown, likely valid: a 403 does not show them.',
      "The fix: make the call with a key whose user has a role that allows it, such as an Owner. The 202 only says the request was accepted: the database exists once its task reports `processing-completed`, and the task's `response.resourceId` is its id.",
    ],
  },
  {
    title: 'The rate limit',
    console: [
      'Nothing to set: each account key may make 400 requests per minute. Past that, requests fail with 429 until the minute is over; the answer may carry `x-rate-limit-retry-after-seconds` with the wait.',
    ],
    trials: [
      {
        id: 'rate-limit-burst',
        label: 'Send 401 requests',
        does: 'Sends 400 `GET /v1/` requests at once, then a 401st, in a sandbox of its own.',
        before: [{ kind: 'burst', count: 400 }],
        request: { ...GET_ACCOUNT, ...OWNER_PAIR },
        expected: 'rate-limited',
      },
      {
        id: 'rate-limit-wait',
        label: 'Wait a minute and send again',
        does: 'Sends the same 401 requests, lets a simulated minute pass, and sends once more.',
        before: [
          { kind: 'burst', count: 400 },
          { kind: 'wait', ms: 60_000 },
        ],
        request: { ...GET_ACCOUNT, ...OWNER_PAIR },
        expected: 'ok',
      },
    ],
    lesson: [
      'The limit counts per account key, so every user key sent with that account key draws on the same 400. The fix is to wait out the minute and send fewer requests; retrying at once only asks again too soon.',
      "A 429 does not show that the keys were valid: the order of the API's checks is not published, and neither is whether requests that fail authentication count toward the limit. The checklist leaves the keys Unknown.",
    ],
  },
  {
    title: 'From the sandbox to the real API',
    console: [
      'Take your own account key and user key from the console and save them as a profile in [Profiles](#/profiles). Keys stay in this browser. Then pick the profile in the [Playground](#/playground) and send `GET /v1/`.',
      'What a browser may block: whether the API lets a page on another site read its answers (CORS) is not published; every known client calls it from a server or a terminal. If your browser withholds the answer, the checklist says so under Reached the API.',
    ],
    trials: [
      {
        id: 'browser-blocked',
        label: 'Show a blocked answer',
        does: `Shows what a browser that withholds the answer reports for \`GET ${API_BASE_URL}/v1/\`. Simulated: nothing leaves the page.`,
        request: { ...GET_ACCOUNT, ...OWNER_PAIR, simulateBrowserBlock: true },
        expected: 'unreachable',
      },
    ],
    lesson: [
      "Two ways past a blocked browser. The relay: download [relay.js](./relay.js) from this site and run `node relay.js --origin <this page's origin>` (Node 20 or later); from a clone of Keycheck, `npm run relay`. Then use `http://127.0.0.1:8787` as the profile's API address. It listens on 127.0.0.1 only, forwards only to the API and only paths under `/v1/`, and logs no key.",
      'The cURL round trip: put your keys in the variables `REDIS_CLOUD_ACCOUNT_KEY` and `REDIS_CLOUD_USER_KEY`, run the command below in a terminal, then paste the command and everything it printed into [Diagnose](#/diagnose).',
    ],
  },
];
