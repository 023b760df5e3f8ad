/**
 * The answers written by hand: reads of what the world holds (lists and GETs in the real API's
 * shapes), tasks, and the synchronous tag writes. Everything else is answered generically from
 * the template's shape (surface.ts).
 */
import type { SandboxAccount, SandboxRecord } from './model';
import { apiTimestamp, json, notFound } from './responses';
import { startTask, writableFields, type OperationContext } from './surface-writes';
import { TASK_LIST_WINDOW_MS, taskBodyAt } from './tasks';
import { addRecord, recordsOf, removeRecord, sessionLog } from './world';

type Handler = (ctx: OperationContext) => Response;

const data = (records: readonly SandboxRecord[]) => records.map((r) => ({ ...r.data }));

function named(ctx: OperationContext, param: string): SandboxRecord {
  const record = ctx.named[param];
  if (!record) throw new Error(`no ${param} in ${ctx.template}`); // the gate of surface.ts saw to it
  return record;
}

function currentAccount({ account, key, user, clientIp }: OperationContext): Response {
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

function userBody(account: SandboxAccount, u: SandboxAccount['users'][number]) {
  return {
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
  };
}

function page<T>(items: readonly T[], url: URL): T[] {
  const offset = nonNegative(url.searchParams.get('offset'), 0);
  const limit = nonNegative(url.searchParams.get('limit'), 100);
  return items.slice(offset, offset + limit);
}

function nonNegative(value: string | null, fallback: number): number {
  const n = value === null ? NaN : Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

function subscriptionDatabases(ctx: OperationContext, fixed: boolean): Response {
  const sub = named(ctx, 'subscriptionId');
  const databases = page(
    data(recordsOf(ctx.account, fixed ? 'fixed-database' : 'database', ctx.parent)),
    ctx.url,
  );
  const entry = { subscriptionId: sub.id, numberOfDatabases: databases.length, databases };
  // Pro lists its subscription as an array of one, Essentials as an object (the document's examples).
  return json({ accountId: ctx.account.id, subscription: fixed ? entry : [entry], links: [] });
}

function tags(ctx: OperationContext): Response {
  return json({
    accountId: ctx.account.id,
    tags: data(recordsOf(ctx.account, 'tag', ctx.parent)),
    links: [],
  });
}

function tagRecord(ctx: OperationContext, key: string, value: unknown): SandboxRecord {
  const existing = recordsOf(ctx.account, 'tag', ctx.parent).find((r) => r.id === key);
  const at = apiTimestamp(ctx.now);
  if (existing) {
    Object.assign(existing.data, { value: String(value ?? ''), updatedAt: at });
    return existing;
  }
  return addRecord(
    ctx.account,
    'tag',
    ctx.parent,
    { key, value: String(value ?? ''), createdAt: at, updatedAt: at },
    key,
  );
}

function tagsOf(body: unknown): { key: string; value: unknown }[] {
  const list = (body as { tags?: unknown } | undefined)?.tags;
  return Array.isArray(list)
    ? list.filter((t): t is { key: string; value: unknown } => typeof t?.key === 'string')
    : [];
}

function createTag(ctx: OperationContext): Response {
  const { key, value } = writableFields(ctx.json, true);
  return json({ ...tagRecord(ctx, String(key ?? ''), value).data });
}

function updateTag(ctx: OperationContext): Response {
  const value = writableFields(ctx.json, true)['value'];
  return json({ ...tagRecord(ctx, ctx.params['tagKey'] ?? '', value).data });
}

function updateTags(ctx: OperationContext): Response {
  for (const old of recordsOf(ctx.account, 'tag', ctx.parent)) removeRecord(ctx.account, old);
  for (const t of tagsOf(ctx.json)) tagRecord(ctx, t.key, t.value);
  return tags(ctx);
}

function deleteTag(ctx: OperationContext): Response {
  removeRecord(ctx.account, named(ctx, 'tagKey'));
  return new Response('', { status: 200 });
}

export const HANDLERS: Readonly<Record<string, Handler>> = {
  getCurrentAccount: currentAccount,
  getAllSubscriptions: (ctx) =>
    json({
      accountId: ctx.account.id,
      subscriptions: data(recordsOf(ctx.account, 'subscription', '')),
      links: [],
    }),
  getSubscriptionById: (ctx) => json({ ...named(ctx, 'subscriptionId').data }),
  getAllSubscriptions_1: (ctx) =>
    json({
      accountId: ctx.account.id,
      subscriptions: data(recordsOf(ctx.account, 'fixed-subscription', '')),
      links: [],
    }),
  getSubscriptionById_1: (ctx) => json({ ...named(ctx, 'subscriptionId').data }),
  getSubscriptionDatabases: (ctx) => subscriptionDatabases(ctx, false),
  getFixedSubscriptionDatabases: (ctx) => subscriptionDatabases(ctx, true),
  getSubscriptionDatabaseByID: (ctx) => json({ ...named(ctx, 'databaseId').data }),
  getSubscriptionDatabaseByID_1: (ctx) => json({ ...named(ctx, 'databaseId').data }),
  getRegionsFromActiveActiveSubscription: (ctx) =>
    json({
      subscriptionId: named(ctx, 'subscriptionId').id,
      regions: data(recordsOf(ctx.account, 'region', ctx.parent)),
      links: [],
    }),
  getAllUsers: ({ account }) =>
    json({ account: account.id, users: account.users.map((u) => userBody(account, u)) }),
  getUserById: ({ account, params }) => {
    const user = account.users.find((u) => String(u.id) === params['userId']);
    return user ? json(userBody(account, user)) : json({}, 404);
  },
  updateUser: (ctx) => {
    const user = ctx.account.users.find((u) => String(u.id) === ctx.params['userId']);
    const name = writableFields(ctx.json)['name'];
    return startTask(
      ctx,
      {
        ...(user ? { resourceId: user.id } : {}),
        apply: () => {
          if (user && typeof name === 'string') user.name = name;
        },
      },
      200,
    );
  },
  deleteUserById: (ctx) => {
    const id = ctx.params['userId'];
    return startTask(
      ctx,
      {
        resourceId: Number(id),
        apply: () => {
          ctx.account.users = ctx.account.users.filter((u) => String(u.id) !== id);
        },
      },
      200,
    );
  },
  getAllUsers_1: (ctx) =>
    json({ accountId: ctx.account.id, users: data(recordsOf(ctx.account, 'acl-user', '')) }),
  getUserByID: (ctx) => json({ ...named(ctx, 'aclUserId').data }),
  getRoles: (ctx) =>
    json({ accountId: ctx.account.id, roles: data(recordsOf(ctx.account, 'acl-role', '')) }),
  getAllRedisRules: (ctx) =>
    json({ accountId: ctx.account.id, redisRules: data(recordsOf(ctx.account, 'acl-rule', '')) }),
  getCloudAccounts: (ctx) =>
    json({
      accountId: ctx.account.id,
      cloudAccounts: data(recordsOf(ctx.account, 'cloud-account', '')),
      links: [],
    }),
  getCloudAccountById: (ctx) => json({ ...named(ctx, 'cloudAccountId').data }),
  getAccountPaymentMethods: ({ account }) =>
    json({
      accountId: account.id,
      paymentMethods: account.paymentMethods.map((p) => ({ ...p, links: [] })),
    }),
  getAccountSystemLogs: ({ account, url }) => json({ entries: page(account.logs, url), links: [] }),
  getAccountSessionLogs: ({ account, url, now }) =>
    json({ entries: page(sessionLog(account, now), url), links: [] }),
  getAllTasks: ({ account, store, now }) =>
    json({
      tasks: store.tasks
        .filter((t) => t.accountId === account.id && now - t.createdAt <= TASK_LIST_WINDOW_MS)
        .map((t) => taskBodyAt(t, now))
        .filter((b) => b !== null)
        .reverse(),
    }),
  getTaskById: ({ account, store, now, url, params }) => {
    // Another account's task is as unknown as a made-up id.
    const task = store.tasks.find(
      (t) => t.taskId === params['taskId'] && t.accountId === account.id,
    );
    const body = task ? taskBodyAt(task, now) : null;
    return body ? json(body) : notFound(url.pathname, now);
  },
  getTags: tags,
  getTags_1: tags,
  createTag,
  createTag_1: createTag,
  updateTag,
  updateTag_1: updateTag,
  updateTags,
  updateTags_1: updateTags,
  deleteTag,
  deleteTag_1: deleteTag,
  getFixedSubscriptionsPlanById: (ctx) =>
    json({ ...named(ctx, 'planId').data, id: named(ctx, 'planId').id }),
  getEndpointsRedirectionStatus: (ctx) => json({ ...named(ctx, 'redirectionId').data }),
  getCostReport: (ctx) => json({ costReportId: named(ctx, 'costReportId').id, lines: [] }),
};
