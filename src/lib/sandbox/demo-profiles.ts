/**
 * Ready-made key pairs for the sandbox, one per lesson. Each is named for what it shows, so a
 * newcomer can pick "Sandbox: API disabled" and see that failure once, safely.
 */
import { DEMO_KEYS } from './demo-data';

export interface DemoProfile {
  /** Stable kebab-case id; views and tests refer to profiles by it. */
  id: string;
  /** Starts with "Sandbox:" and says what the profile shows. */
  name: string;
  /** Sent as `x-api-key`. */
  accountKey: string;
  /** Sent as `x-api-secret-key`. */
  userKey: string;
  /** One sentence: what this profile teaches. */
  lesson: string;
  /** The status the sandbox answers for `GET /v1/` with this pair (rate limit not reached). */
  expectedStatus: 200 | 401 | 403;
}

/** The sandbox's demo profiles, in the order a walkthrough shows them. */
export const DEMO_PROFILES: readonly DemoProfile[] = [
  {
    id: 'sandbox-owner',
    name: 'Sandbox: valid Owner key',
    accountKey: DEMO_KEYS.account1001,
    userKey: DEMO_KEYS.owner,
    lesson:
      'Both keys valid and from the same account: GET /v1/ answers 200 and names the account, the key and the address the API saw.',
    expectedStatus: 200,
  },
  {
    id: 'sandbox-viewer',
    name: 'Sandbox: Viewer key',
    accountKey: DEMO_KEYS.account1001,
    userKey: DEMO_KEYS.viewer,
    lesson: 'A Viewer key authenticates and may read everything, but any write answers 403.',
    expectedStatus: 200,
  },
  {
    id: 'sandbox-logs-viewer',
    name: 'Sandbox: Logs viewer key',
    accountKey: DEMO_KEYS.account1001,
    userKey: DEMO_KEYS.logsViewer,
    lesson:
      'A Logs viewer key may only read GET /v1/logs. The sandbox reads that literally (its assumption), so even the key check GET /v1/ answers 403, although both keys are valid.',
    expectedStatus: 403,
  },
  {
    id: 'sandbox-billing-admin',
    name: 'Sandbox: Billing admin key',
    accountKey: DEMO_KEYS.account1001,
    userKey: DEMO_KEYS.billingAdmin,
    lesson:
      'A Billing admin key may only use billing data; the sandbox takes that to mean payment methods and cost reports (its assumption), so other paths, GET /v1/ included, answer 403.',
    expectedStatus: 403,
  },
  {
    id: 'sandbox-member',
    name: 'Sandbox: Member key (no API access)',
    accountKey: DEMO_KEYS.account1001,
    userKey: DEMO_KEYS.member,
    lesson:
      'A Member may not use the API at all. Which status the real API gives is not published; the sandbox answers 403 (its assumption), whatever the path.',
    expectedStatus: 403,
  },
  {
    id: 'sandbox-ip-allow-list',
    name: 'Sandbox: key with an IP allow list',
    accountKey: DEMO_KEYS.account1001,
    userKey: DEMO_KEYS.allowList,
    lesson:
      'A key with a CIDR allow list (10.0.0.0/24) most likely gets 403 from an address outside it (the API document says "primarily"), here the simulated 198.51.100.23.',
    expectedStatus: 403,
  },
  {
    id: 'sandbox-mismatched-pair',
    name: 'Sandbox: user key from another account',
    accountKey: DEMO_KEYS.account1001,
    userKey: DEMO_KEYS.secondOwner,
    lesson:
      "Two valid keys from two accounts get the same 401 page as a wrong key, as far as anyone has published: the user key must belong to the account key's account.",
    expectedStatus: 401,
  },
  {
    id: 'sandbox-wrong-user-key',
    name: 'Sandbox: wrong user key',
    accountKey: DEMO_KEYS.account1001,
    userKey: DEMO_KEYS.wrongUser,
    lesson:
      'A user key with one wrong character answers the nginx 401 page, which does not say which key was wrong.',
    expectedStatus: 401,
  },
  {
    id: 'sandbox-api-disabled',
    name: 'Sandbox: API disabled',
    accountKey: DEMO_KEYS.account3003,
    userKey: DEMO_KEYS.pausedOwner,
    lesson:
      "With API access disabled on the account, even its own valid keys get a 401; whether it differs from a wrong key's is not published, and the sandbox sends the same page.",
    expectedStatus: 401,
  },
];
