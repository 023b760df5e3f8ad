/**
 * Who may do what: the three documented conditions, the API switch and the roles, evaluated
 * once per request. `fetch` turns the result into a status; `insideView` turns the same result
 * into words, so what the sandbox answers and what it says about it can never disagree.
 */
import { ACCOUNT_KEY_HEADER, USER_KEY_HEADER } from '../core/checklist';
import { ipInAllowList } from './cidr';
import {
  accountByKey,
  userKeyByValue,
  type Role,
  type SandboxAccount,
  type SandboxUser,
  type SandboxUserKey,
  type SandboxWorld,
} from './model';

/** Whether a condition held for this request; `not-applicable` when it could not be judged. */
export type ConditionState = 'held' | 'not-held' | 'not-applicable';

/**
 * Why the sandbox refused a request. The response never says which: every 401 is the same
 * nginx page and every 403 the same body; only the inside view names the cause.
 */
export type RefusalCause =
  | 'account-key-missing'
  | 'user-key-missing'
  | 'account-key-unknown'
  | 'user-key-unknown'
  | 'keys-from-different-accounts'
  | 'api-disabled'
  | 'source-ip-not-allowed'
  | 'role-may-not-use-api'
  | 'role-forbids-operation';

export interface Refusal {
  status: 401 | 403;
  cause: RefusalCause;
}

export interface GateResult {
  method: string;
  path: string;
  accountKeySent: boolean;
  userKeySent: boolean;
  /** The account the account key belongs to, whether or not its API is enabled. */
  account?: SandboxAccount;
  /** The user key as found anywhere in the sandbox, with its own account and user. */
  userKey?: { account: SandboxAccount; key: SandboxUserKey; user: SandboxUser };
  keysValid: ConditionState;
  sameAccount: ConditionState;
  sourceIp: ConditionState;
  /** Of the account key's account; null when the account key matches no account. */
  apiEnabled: boolean | null;
  rolePermits: ConditionState;
  /** Null when the request passes every check and reaches the route. */
  refusal: Refusal | null;
}

/** Reads one header the way `fetch` would send it: duplicates joined with `, `. */
export type HeaderLookup = (name: string) => string | null;

/**
 * Runs every check in the order the sandbox applies them: keys present and known, same account,
 * API enabled (all 401), then the key's allow list, then its role (both 403). The rate limit
 * (sandbox.ts) sits between the 401s and the 403s. The real order is not published. Later checks are
 * still evaluated after an earlier one fails, so the inside view can say what else would hold.
 */
export function evaluateGate(
  world: SandboxWorld,
  request: { method: string; path: string; header: HeaderLookup },
  clientIp: string,
): GateResult {
  const method = request.method.toUpperCase();
  const accountKeyValue = request.header(ACCOUNT_KEY_HEADER);
  const userKeyValue = request.header(USER_KEY_HEADER);
  const account = accountKeyValue ? accountByKey(world, accountKeyValue) : undefined;
  const userKey = userKeyValue ? userKeyByValue(world, userKeyValue) : undefined;

  const keysValid: ConditionState = account && userKey ? 'held' : 'not-held';
  const sameAccount: ConditionState =
    account && userKey
      ? account.id === userKey.account.id
        ? 'held'
        : 'not-held'
      : 'not-applicable';
  const allowList = userKey?.key.allowList ?? null;
  const sourceIp: ConditionState =
    allowList === null
      ? 'not-applicable'
      : ipInAllowList(clientIp, allowList)
        ? 'held'
        : 'not-held';
  const apiEnabled = account ? account.apiEnabled : null;
  const role = userKey?.user.role;
  const rolePermits: ConditionState =
    role === undefined
      ? 'not-applicable'
      : roleAllows(role, method, request.path)
        ? 'held'
        : 'not-held';

  let refusal: Refusal | null = null;
  if (!accountKeyValue) refusal = { status: 401, cause: 'account-key-missing' };
  else if (!userKeyValue) refusal = { status: 401, cause: 'user-key-missing' };
  else if (!account) refusal = { status: 401, cause: 'account-key-unknown' };
  else if (!userKey) refusal = { status: 401, cause: 'user-key-unknown' };
  else if (sameAccount === 'not-held')
    refusal = { status: 401, cause: 'keys-from-different-accounts' };
  else if (!account.apiEnabled) refusal = { status: 401, cause: 'api-disabled' };
  else if (sourceIp === 'not-held') refusal = { status: 403, cause: 'source-ip-not-allowed' };
  else if (role && !roleMayUseApi(role)) refusal = { status: 403, cause: 'role-may-not-use-api' };
  else if (rolePermits === 'not-held') refusal = { status: 403, cause: 'role-forbids-operation' };

  return {
    method,
    path: request.path,
    accountKeySent: accountKeyValue !== null,
    userKeySent: userKeyValue !== null,
    ...(account ? { account } : {}),
    ...(userKey ? { userKey } : {}),
    keysValid,
    sameAccount,
    sourceIp,
    apiEnabled,
    rolePermits,
    refusal,
  };
}

/** Manager and Member may not use the API at all (FACTS.md, "Preconditions"). */
export function roleMayUseApi(role: Role): boolean {
  return role !== 'Manager' && role !== 'Member';
}

/**
 * What each role may do, read literally from FACTS.md where it is silent on details:
 * - Owner: everything.
 * - Viewer: every GET, nothing else.
 * - Logs viewer: `GET /v1/logs` only. Not even `GET /v1/` ("get current account"): the docs
 *   say "only", so the sandbox shows that a Logs viewer's cheapest key check is a 403.
 * - Billing admin: billing data only, taken as `GET /v1/payment-methods`, `POST /v1/cost-report`
 *   (which makes the report) and `GET /v1/cost-report/{costReportId}`; not `GET /v1/` either,
 *   for the same reason.
 * - Manager, Member: nothing.
 */
export function roleAllows(role: Role, method: string, path: string): boolean {
  const get = method.toUpperCase() === 'GET';
  switch (role) {
    case 'Owner':
      return true;
    case 'Viewer':
      return get;
    case 'Logs viewer':
      return get && path === '/v1/logs';
    case 'Billing admin':
      return (
        (get && (path === '/v1/payment-methods' || /^\/v1\/cost-report\/[^/]+$/.test(path))) ||
        (method.toUpperCase() === 'POST' && path === '/v1/cost-report')
      );
    case 'Manager':
    case 'Member':
      return false;
  }
}
