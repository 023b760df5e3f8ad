/**
 * The sandbox's inside view: the ground truth behind an answer, for teaching. It is never part of
 * a response (the real API does not explain itself); the app shows it only in sandbox mode,
 * labelled as the sandbox's inside view. It names accounts, key names and roles, never a value.
 */
import { ACCOUNT_KEY_HEADER, USER_KEY_HEADER } from '../core/checklist';
import type { ConditionState, GateResult, Refusal } from './gate';
import type { Role } from './model';
import type { RateLimitState } from './rate-limit';

export interface InsideView {
  /** False when the URL is not at the sandbox origin: the sandbox would not answer at all. */
  addressedToSandbox: boolean;
  method: string;
  /** The URL's path, without the query. */
  path: string;
  /** The address the sandbox pretends the request came from (what `httpSourceIp` shows). */
  clientIp: string;
  accountKey: {
    sent: boolean;
    /** True when the value is the account key of a sandbox account (enabled or not). */
    exists: boolean;
    accountId?: number;
    accountName?: string;
  };
  userKey: {
    sent: boolean;
    exists: boolean;
    /** The account the user key belongs to, which may differ from the account key's. */
    accountId?: number;
    accountName?: string;
    keyName?: string;
    role?: Role;
    ownerName?: string;
    /** The key's CIDR allow list; null when it has none. Absent when the key is unknown. */
    allowList?: string[] | null;
  };
  /** The three documented conditions, in the docs' order. */
  conditions: { keysValid: ConditionState; sameAccount: ConditionState; sourceIp: ConditionState };
  /** API access on the account key's account; null when the account key matches no account. */
  apiEnabled: boolean | null;
  rolePermits: ConditionState;
  /** False when the sandbox does not simulate this operation (it then answers 404). */
  operationSimulated: boolean;
  /** The account key's rate window now; null when no account's limit applies. */
  rateLimit: RateLimitState | null;
  /** The 401 or 403 the gate gives and why; null when the request gets past it. */
  refusal: Refusal | null;
  /** Plain sentences stating the above, in order. */
  summary: string[];
}

function accountLabel(account: { id: number; name: string }): string {
  return `account ${account.id} (${account.name})`;
}

const STATE_WORDS: Readonly<Record<ConditionState, string>> = {
  held: 'held',
  'not-held': 'did not hold',
  'not-applicable': 'not applicable',
};

/** Builds the inside view from the gate's evaluation; pure. */
export function buildInsideView(input: {
  addressedToSandbox: boolean;
  gate: GateResult;
  clientIp: string;
  operationSimulated: boolean;
  rateLimit: RateLimitState | null;
}): InsideView {
  const { gate, clientIp } = input;
  const account = gate.account;
  const found = gate.userKey;
  const view: InsideView = {
    addressedToSandbox: input.addressedToSandbox,
    method: gate.method,
    path: gate.path,
    clientIp,
    accountKey: {
      sent: gate.accountKeySent,
      exists: account !== undefined,
      ...(account ? { accountId: account.id, accountName: account.name } : {}),
    },
    userKey: {
      sent: gate.userKeySent,
      exists: found !== undefined,
      ...(found
        ? {
            accountId: found.account.id,
            accountName: found.account.name,
            keyName: found.key.name,
            role: found.user.role,
            ownerName: found.user.name,
            allowList: found.key.allowList,
          }
        : {}),
    },
    conditions: {
      keysValid: gate.keysValid,
      sameAccount: gate.sameAccount,
      sourceIp: gate.sourceIp,
    },
    apiEnabled: gate.apiEnabled,
    rolePermits: gate.rolePermits,
    operationSimulated: input.operationSimulated,
    rateLimit: input.rateLimit,
    refusal: gate.refusal,
    summary: [],
  };
  view.summary = summarize(view);
  return view;
}

function summarize(view: InsideView): string[] {
  const lines: string[] = [];
  if (!view.addressedToSandbox) {
    lines.push('This request is not addressed to the sandbox, so the sandbox does not answer it.');
  }
  const { accountKey, userKey, conditions } = view;
  if (!accountKey.sent) lines.push(`No account key was sent (header ${ACCOUNT_KEY_HEADER}).`);
  else if (accountKey.accountId !== undefined && accountKey.accountName !== undefined) {
    const label = accountLabel({ id: accountKey.accountId, name: accountKey.accountName });
    lines.push(`The account key belongs to ${label}.`);
  } else lines.push('The account key matches no account in the sandbox.');

  if (!userKey.sent) lines.push(`No user key was sent (header ${USER_KEY_HEADER}).`);
  else if (userKey.accountId !== undefined && userKey.accountName !== undefined) {
    const label = accountLabel({ id: userKey.accountId, name: userKey.accountName });
    lines.push(
      `The user key "${userKey.keyName ?? ''}" belongs to ${label}; its user ${userKey.ownerName ?? ''} has the role ${userKey.role ?? ''}.`,
    );
  } else lines.push('The user key matches no user key in the sandbox.');

  lines.push(`Condition 1, both keys valid: ${STATE_WORDS[conditions.keysValid]}.`);
  lines.push(
    `Condition 2, the user key belongs to the account key's account: ${STATE_WORDS[conditions.sameAccount]}.`,
  );
  lines.push(sourceIpLine(view));

  if (view.apiEnabled === false && accountKey.accountId !== undefined) {
    lines.push(
      `API access is disabled on account ${accountKey.accountId}: the sandbox answers 401 as for a wrong key (what the real API answers is not published).`,
    );
  } else if (view.apiEnabled === true) {
    lines.push(`API access is enabled on account ${accountKey.accountId ?? ''}.`);
  }
  if (userKey.role !== undefined) {
    lines.push(
      view.rolePermits === 'held'
        ? `The role ${userKey.role} may call ${view.method} ${view.path}.`
        : `The role ${userKey.role} may not call ${view.method} ${view.path}.`,
    );
    const reading = ROLE_ASSUMPTIONS[userKey.role];
    if (reading) lines.push(reading);
  }
  if (!view.operationSimulated && view.refusal === null) {
    lines.push(
      `${view.method} ${view.path} is not an operation of the API document, so the sandbox answers 404.`,
    );
  }
  if (view.rateLimit) {
    const { used, limit, retryAfterSeconds } = view.rateLimit;
    lines.push(
      retryAfterSeconds > 0
        ? `This account key has used all ${limit} requests of the last minute: the next request gets 429 for ${retryAfterSeconds} more seconds.`
        : `This account key has used ${used} of ${limit} requests in the last minute.`,
    );
    lines.push(RATE_LIMIT_ASSUMPTION);
  }
  lines.push(outcomeLine(view.refusal));
  if (view.refusal?.status === 403 || (view.rateLimit?.retryAfterSeconds ?? 0) > 0) {
    lines.push(
      "The body of a 403 or a 429 is not published: the Spring error body the sandbox sends is the sandbox's assumption.",
    );
  }
  if (view.refusal === null && view.operationSimulated) {
    lines.push(
      "The sandbox checks the request against the API document: a missing required field, a wrong type or an unknown value gets a 400 that names the field, and an id the account does not have gets Spring's 404. The document does not describe these error bodies: their shape is the sandbox's assumption.",
    );
  }
  return lines;
}

/**
 * Where FACTS.md is silent, the sandbox chooses; the inside view says so each time it matters.
 * The order of the checks is not published either: the sandbox's is keys, account and API switch
 * (401), then the rate limit (429), then the allow list and the role (403).
 */
const RATE_LIMIT_ASSUMPTION =
  "Whether requests that fail authentication count toward the 400 a minute is not published. The sandbox's assumption: they count once the account key names an enabled account, and they still get their 401 first, never a 429.";

const ROLE_ASSUMPTIONS: Readonly<Partial<Record<Role, string>>> = {
  'Billing admin':
    'Which calls are "billing data" is not published: the sandbox\'s assumption is GET /v1/payment-methods, GET /v1/cost-report/{costReportId} and POST /v1/cost-report.',
  'Logs viewer':
    'The docs say a Logs viewer may call GET /v1/logs only; the sandbox reads that literally (not even GET /v1/), which is its assumption.',
  Manager: "Which status a Manager key gets is not published: the sandbox's assumption is a 403.",
  Member: "Which status a Member key gets is not published: the sandbox's assumption is a 403.",
};

function sourceIpLine(view: InsideView): string {
  const list = view.userKey.allowList;
  if (!list) {
    return view.userKey.exists
      ? `Condition 3, source IP allowed: not applicable, the key has no allow list (every address is allowed).`
      : 'Condition 3, source IP allowed: not applicable, the user key is unknown.';
  }
  const where = view.conditions.sourceIp === 'held' ? 'inside' : 'outside';
  return `Condition 3, source IP allowed: ${STATE_WORDS[view.conditions.sourceIp]}; the key allows ${list.join(', ')} and the simulated client address ${view.clientIp} is ${where} it.`;
}

function outcomeLine(refusal: Refusal | null): string {
  if (refusal === null) return 'The request gets past authentication and the role check.';
  if (refusal.status === 401) {
    return 'The sandbox answers 401 with the nginx page, which does not say which condition failed.';
  }
  return refusal.cause === 'source-ip-not-allowed'
    ? 'The sandbox answers 403 because of the source address; the response does not say so.'
    : "The sandbox answers 403 because of the key's role; the response does not say so.";
}
