/**
 * The sandbox: a simulated Redis Cloud API behind a `fetch`-compatible function, plugged in as
 * the HTTP client's `fetch` for onboarding and for people without keys. Its answers carry only
 * what the real API would send; the ground truth is available separately from `insideView`.
 */
import { SANDBOX_BASE_URL } from '../core/checklist';
import { SANDBOX_CLIENT_IP, createDemoWorld } from './demo-data';
import { evaluateGate, type HeaderLookup } from './gate';
import { buildInsideView, type InsideView } from './inside-view';
import { ROLES, type Role, type SandboxWorld } from './model';
import { createRateLimiter, type RateLimitState } from './rate-limit';
import { apiTimestamp, forbidden, tooManyRequests, unauthorized } from './responses';
import { isSimulated, loadSurface, route, type SandboxStore } from './routes';

export interface SandboxOptions {
  /** Milliseconds since the epoch; drives the rate limit and task progress. Default `Date.now`. */
  now?: () => number;
  /** The address the sandbox pretends requests come from. Default `198.51.100.23`. */
  clientIp?: string;
}

/** A request as the inside view reads it: the `SentRequest` shape of an `Exchange`. */
export interface InsideViewRequest {
  method: string;
  url: string;
  headers: { name: string; value: string }[];
}

export interface Sandbox {
  /**
   * Answers like the real API, at `SANDBOX_BASE_URL` only. Any other origin rejects with a
   * `TypeError`, as `fetch` does when nothing answers. An aborted signal rejects with its reason.
   * A header value `fetch` refuses makes it throw the same `TypeError` `fetch` would.
   */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /**
   * The ground truth behind the answer to `request`, computed from the sandbox's state now
   * (call it right after `fetch` to explain that answer). Reads nothing into the state.
   */
  insideView(request: InsideViewRequest): InsideView;
  /**
   * Creates a user key for the walkthrough and returns its value, which nothing shows again.
   * The key belongs to the account's first user with `role` (a new demo user when none has it)
   * and has no allow list. Throws an `Error` for an unknown account, a disabled API, a name
   * that is not 10 to 50 letters, digits, `-` or `_`, or a name already used in the account.
   */
  createUserKey(
    accountId: number,
    key: { name: string; role: Role },
  ): { name: string; value: string };
  /** Turns API access on or off for an account, like the console's "Enable API" switch. */
  setApiEnabled(accountId: number, enabled: boolean): void;
  /**
   * The ids the account of `accountKey` has for each path parameter of `template` (e.g.
   * `/v1/subscriptions/{subscriptionId}/databases/{databaseId}`), each under the id `chosen` for
   * the parameter before it (or the first one). Empty when the key names no account. Meant for
   * id pickers: it reads the world as it is now and changes nothing a request would see.
   */
  ids(
    accountKey: string,
    template: string,
    chosen?: Readonly<Record<string, string>>,
  ): Promise<Record<string, string[]>>;
}

const KEY_NAME = /^[A-Za-z0-9_-]{10,50}$/;

/**
 * Creates a sandbox with its own copy of the demo data (see `demo-data.ts`): new keys, tasks,
 * logs and rate-limit counts in one sandbox never show in another.
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const now = options.now ?? Date.now;
  const clientIp = options.clientIp ?? SANDBOX_CLIENT_IP;
  const world: SandboxWorld = createDemoWorld();
  const store: SandboxStore = { tasks: [] };
  const limiter = createRateLimiter();

  async function sandboxFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    if (request.signal.aborted) throw abortReason(request.signal);
    const url = new URL(request.url);
    if (url.origin !== SANDBOX_BASE_URL) {
      // What `fetch` does when no server answers; the message names no host or key.
      throw new TypeError('Failed to fetch');
    }
    const body = await request.text();
    const at = now();
    const gate = evaluateGate(
      world,
      { method: request.method, path: url.pathname, header: (n) => request.headers.get(n) },
      clientIp,
    );

    // Authentication first: a request that fails it gets its 401 even when the account key's
    // minute is used up. Whether such requests count toward the 400 a minute is not published;
    // the sandbox counts them (once the account key names an enabled account) and says so in
    // its inside view. An authenticated request over the limit gets 429 before the allow list
    // and the role are looked at (also the sandbox's choice: the real order is not published).
    let rate: RateLimitState | undefined;
    if (gate.account?.apiEnabled) {
      const taken = limiter.take(gate.account.accountKey, at);
      if (gate.refusal?.status === 401) return unauthorized();
      if (!taken.allowed) return tooManyRequests(url.pathname, at, taken.state.retryAfterSeconds);
      rate = taken.state;
    }
    if (gate.refusal?.status === 401) return unauthorized();
    if (gate.refusal?.status === 403) return forbidden(url.pathname, at);
    if (!gate.account || !gate.userKey) return unauthorized(); // unreachable: the gate let it in

    const response = await route({
      method: gate.method,
      url,
      body,
      now: at,
      clientIp,
      account: gate.account,
      key: gate.userKey.key,
      user: gate.userKey.user,
      store,
    });
    if (response.ok && rate) response.headers.set('X-Rate-Limit-Remaining', String(rate.remaining));
    return response;
  }

  function insideView(request: InsideViewRequest): InsideView {
    const url = safeUrl(request.url);
    const path = url?.pathname ?? '';
    const gate = evaluateGate(
      world,
      { method: request.method, path, header: lookupIn(request.headers) },
      clientIp,
    );
    const rateLimit = gate.account?.apiEnabled
      ? limiter.peek(gate.account.accountKey, now())
      : null;
    return buildInsideView({
      addressedToSandbox: url?.origin === SANDBOX_BASE_URL,
      gate,
      clientIp,
      operationSimulated: isSimulated(gate.method, path),
      rateLimit,
    });
  }

  function createUserKey(accountId: number, key: { name: string; role: Role }) {
    const account = world.accounts.find((a) => a.id === accountId);
    if (!account) throw new Error(`The sandbox has no account ${accountId}.`);
    if (!account.apiEnabled) {
      throw new Error(`API access is disabled on account ${accountId}; enable it first.`);
    }
    if (!KEY_NAME.test(key.name)) {
      throw new Error(
        'A key name has 10 to 50 characters: letters, digits, "-" and "_", no spaces.',
      );
    }
    if (!ROLES.includes(key.role)) throw new Error(`Unknown role "${key.role}".`);
    if (account.userKeys.some((k) => k.name === key.name)) {
      throw new Error(`Account ${accountId} already has a key named "${key.name}".`);
    }
    let user = account.users.find((u) => u.role === key.role);
    if (!user) {
      const slug = roleSlug(key.role);
      const id = Math.max(0, ...account.users.map((u) => u.id)) + 1;
      user = { id, name: `New ${key.role}`, email: `${slug}.${id}@example.com`, role: key.role };
      account.users.push(user);
    }
    // No word in a demo key: a key's pieces are scrubbed from every text, role names included.
    const value = `demo-uk-${randomHex(6)}`;
    account.userKeys.push({
      name: key.name,
      value,
      userId: user.id,
      allowList: null,
      createdTimestamp: apiTimestamp(now()),
    });
    return { name: key.name, value };
  }

  function setApiEnabled(accountId: number, enabled: boolean): void {
    const account = world.accounts.find((a) => a.id === accountId);
    if (!account) throw new Error(`The sandbox has no account ${accountId}.`);
    account.apiEnabled = enabled;
  }

  async function ids(
    accountKey: string,
    template: string,
    chosen: Readonly<Record<string, string>> = {},
  ): Promise<Record<string, string[]>> {
    const account = world.accounts.find((a) => a.accountKey === accountKey);
    if (!account) return {};
    return (await loadSurface()).idsFor({ account, store, now: now() }, template, chosen);
  }

  return { fetch: sandboxFetch, insideView, createUserKey, setApiEnabled, ids };
}

/** Reads a header list as `fetch` would send it: trimmed, duplicates joined with `, `. */
function lookupIn(headers: readonly { name: string; value: string }[]): HeaderLookup {
  return (name) => {
    const values = headers
      .filter((h) => h.name.toLowerCase() === name.toLowerCase())
      .map((h) => h.value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, ''));
    return values.length > 0 ? values.join(', ') : null;
  };
}

function safeUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

function roleSlug(role: Role): string {
  return role.toLowerCase().replace(/ /g, '-');
}

function randomHex(bytes: number): string {
  return [...crypto.getRandomValues(new Uint8Array(bytes))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}
