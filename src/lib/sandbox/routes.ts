/**
 * The operations the sandbox answers once a request has passed the gate, with the body shapes of
 * the real API (FACTS.md and the OpenAPI examples). Anything else answers Spring's JSON 404.
 */
import { SANDBOX_BASE_URL } from '../core/checklist';
import type { SandboxAccount, SandboxSubscription, SandboxUser, SandboxUserKey } from './model';
import { apiTimestamp, json, notFound, springError } from './responses';
import {
  TASK_LIST_WINDOW_MS,
  acceptedTaskBody,
  randomUuid,
  subscriptionBodyError,
  taskBodyAt,
  taskStatusAt,
  type SandboxTask,
} from './tasks';

/** What a sandbox keeps between requests besides the demo world itself. */
export interface SandboxStore {
  tasks: SandboxTask[];
  nextSubscriptionId: number;
}

export interface RouteContext {
  method: string;
  url: URL;
  body: string;
  now: number;
  clientIp: string;
  account: SandboxAccount;
  key: SandboxUserKey;
  user: SandboxUser;
  store: SandboxStore;
}

type Handler = (ctx: RouteContext, param: string) => Response;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: /^\/v1\/$/, handler: currentAccount },
  { method: 'GET', pattern: /^\/v1\/subscriptions$/, handler: listSubscriptions },
  { method: 'POST', pattern: /^\/v1\/subscriptions$/, handler: createSubscription },
  { method: 'GET', pattern: /^\/v1\/subscriptions\/([^/]+)$/, handler: getSubscription },
  { method: 'GET', pattern: /^\/v1\/logs$/, handler: listLogs },
  { method: 'GET', pattern: /^\/v1\/users$/, handler: listUsers },
  { method: 'GET', pattern: /^\/v1\/payment-methods$/, handler: listPaymentMethods },
  { method: 'GET', pattern: /^\/v1\/tasks$/, handler: listTasks },
  { method: 'GET', pattern: /^\/v1\/tasks\/([^/]+)$/, handler: getTask },
];

/** True when the sandbox simulates this METHOD and path (path without the query). */
export function isSimulated(method: string, path: string): boolean {
  return ROUTES.some((r) => r.method === method.toUpperCase() && r.pattern.test(path));
}

/** Answers an authenticated, permitted request; unknown operations get the Spring 404. */
export function route(ctx: RouteContext): Response {
  const path = ctx.url.pathname;
  for (const r of ROUTES) {
    if (r.method !== ctx.method) continue;
    const match = r.pattern.exec(path);
    if (match) return r.handler(ctx, safeDecode(match[1] ?? ''));
  }
  return notFound(path, ctx.now);
}

/** A malformed escape stays as sent: it then matches no id and answers 404 rather than throwing. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function currentAccount({ account, key, user, clientIp }: RouteContext): Response {
  return json({
    account: {
      id: account.id,
      name: account.name,
      createdTimestamp: account.createdTimestamp,
      updatedTimestamp: account.updatedTimestamp,
      pocStatus: account.pocStatus,
      marketplaceStatus: account.marketplaceStatus,
      key: {
        name: key.name,
        accountId: account.id,
        accountName: account.name,
        // The real API shows a key without an allow list as open to every address.
        allowedSourceIps: key.allowList ?? ['0.0.0.0/0'],
        createdTimestamp: key.createdTimestamp,
        owner: { name: user.name, email: user.email },
        userAccountId: user.id,
        httpSourceIp: clientIp,
      },
    },
  });
}

/** The account's subscriptions, including those whose creation task has completed by `now`. */
function subscriptionsAt({ account, store, now }: RouteContext): SandboxSubscription[] {
  const created = store.tasks
    .filter((t) => t.accountId === account.id && taskStatusAt(t, now) === 'processing-completed')
    .flatMap((t) => ('subscription' in t.outcome ? [t.outcome.subscription] : []));
  return [...account.subscriptions, ...created];
}

function subscriptionBody(s: SandboxSubscription): Record<string, unknown> {
  return {
    id: s.id,
    name: s.name,
    status: s.status,
    deploymentType: 'single-region',
    paymentMethodId: s.paymentMethodId,
    paymentMethodType: 'credit-card',
    publicEndpointAccess: true,
    memoryStorage: s.memoryStorage,
    storageEncryption: false,
    numberOfDatabases: s.numberOfDatabases,
    cloudDetails: [
      {
        provider: s.provider,
        cloudAccountId: 1,
        totalSizeInGb: 0.5,
        regions: [
          {
            region: s.region,
            networking: [{ deploymentCIDR: '10.0.0.0/24' }],
            preferredAvailabilityZones: [],
            multipleAvailabilityZones: false,
          },
        ],
        links: [],
      },
    ],
    links: [{ rel: 'self', href: `${SANDBOX_BASE_URL}/v1/subscriptions/${s.id}`, type: 'GET' }],
  };
}

function listSubscriptions(ctx: RouteContext): Response {
  return json({
    accountId: ctx.account.id,
    subscriptions: subscriptionsAt(ctx).map(subscriptionBody),
    links: [],
  });
}

function getSubscription(ctx: RouteContext, id: string): Response {
  // Spring turns a path variable that is not a number into a 400 before the handler runs.
  if (!/^\d+$/.test(id)) return springError(400, ctx.url.pathname, ctx.now);
  const found = subscriptionsAt(ctx).find((s) => s.id === Number(id));
  return found ? json(subscriptionBody(found)) : notFound(ctx.url.pathname, ctx.now);
}

function createSubscription(ctx: RouteContext): Response {
  const { account, store, now, body, key, user } = ctx;
  const error = subscriptionBodyError(body);
  const id = store.nextSubscriptionId++;
  const parsed = error ? {} : (JSON.parse(body) as Record<string, unknown>);
  const task: SandboxTask = {
    taskId: randomUuid(),
    accountId: account.id,
    commandType: 'subscriptionCreateRequest',
    createdAt: now,
    outcome: error
      ? { error }
      : { resourceId: id, subscription: newSubscription(id, parsed, account) },
  };
  store.tasks.push(task);
  // The audit log names the key, never its value (FACTS.md: `apiKeyName`).
  account.logs.unshift({
    id: Math.max(0, ...account.logs.map((l) => l.id)) + 1,
    time: apiTimestamp(now),
    originator: user.name,
    apiKeyName: key.name,
    type: 'Subscription',
    description: 'Subscription creation requested',
  });
  return json(acceptedTaskBody(task), 202);
}

function newSubscription(
  id: number,
  body: Record<string, unknown>,
  account: SandboxAccount,
): SandboxSubscription {
  const provider = firstOf(body['cloudProviders']);
  const region = firstOf(provider?.['regions']);
  const databases = body['databases'];
  return {
    id,
    name: typeof body['name'] === 'string' ? body['name'] : `subscription-${id}`,
    status: 'active',
    paymentMethodId: account.paymentMethods[0]?.id ?? 0,
    memoryStorage: body['memoryStorage'] === 'ram-and-flash' ? 'ram-and-flash' : 'ram',
    numberOfDatabases: Array.isArray(databases) ? databases.length : 0,
    provider: provider?.['provider'] === 'GCP' ? 'GCP' : 'AWS',
    region: typeof region?.['region'] === 'string' ? region['region'] : 'us-east-1',
  };
}

function firstOf(value: unknown): Record<string, unknown> | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : undefined;
  return typeof first === 'object' && first !== null
    ? (first as Record<string, unknown>)
    : undefined;
}

function listLogs({ account, url }: RouteContext): Response {
  const offset = nonNegative(url.searchParams.get('offset'), 0);
  const limit = nonNegative(url.searchParams.get('limit'), 100);
  return json({ entries: account.logs.slice(offset, offset + limit), links: [] });
}

function nonNegative(value: string | null, fallback: number): number {
  const n = value === null ? NaN : Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

function listUsers({ account }: RouteContext): Response {
  return json({
    account: account.id,
    users: account.users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      userType: 'Local',
      hasApiKey: account.userKeys.some((k) => k.userId === u.id),
      options: {
        billing: u.role === 'Owner',
        emailAlerts: false,
        operationalEmails: false,
        mfaEnabled: false,
      },
    })),
  });
}

function listPaymentMethods({ account }: RouteContext): Response {
  return json({
    accountId: account.id,
    paymentMethods: account.paymentMethods.map((p) => ({ ...p, links: [] })),
  });
}

function listTasks({ account, store, now }: RouteContext): Response {
  const tasks = store.tasks
    .filter((t) => t.accountId === account.id && now - t.createdAt <= TASK_LIST_WINDOW_MS)
    .map((t) => taskBodyAt(t, now))
    .filter((b) => b !== null)
    .reverse();
  return json({ tasks });
}

function getTask({ account, store, now, url }: RouteContext, taskId: string): Response {
  // Another account's task is as unknown as a made-up id.
  const task = store.tasks.find((t) => t.taskId === taskId && t.accountId === account.id);
  const body = task ? taskBodyAt(task, now) : null;
  return body ? json(body) : notFound(url.pathname, now);
}
