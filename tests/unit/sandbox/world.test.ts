// The sandbox keeps what a request does: create, read, update and delete round trips through
// tasks, ids that agree between lists and GETs, and the same role gate for every operation.
import { describe, expect, test } from 'vitest';
import { DEMO_KEYS, TASK_TIMELINE_MS } from '../../../src/lib/sandbox';
import { clockedSandbox, profile, send, type Clocked } from './send';

const owner = profile('sandbox-owner');
const viewer = profile('sandbox-viewer');
const logsViewer = profile('sandbox-logs-viewer');
const billingAdmin = profile('sandbox-billing-admin');
const member = profile('sandbox-member');

interface Task {
  taskId: string;
  status: string;
  response?: { resourceId?: number; resource?: Record<string, unknown> };
}

/** Sends a write, checks it answered a task, and moves the clock until the task completed. */
async function write(c: Clocked, method: string, path: string, body?: unknown): Promise<Task> {
  const answer = await send(
    c.sandbox,
    owner,
    method,
    path,
    body === undefined ? undefined : JSON.stringify(body),
  );
  expect(answer.status, `${method} ${path}`).toBeGreaterThanOrEqual(200);
  expect(answer.status).toBeLessThan(300);
  const { taskId } = (await answer.json()) as Task;
  c.advance(TASK_TIMELINE_MS.finished);
  const task = (await (await send(c.sandbox, owner, 'GET', `/v1/tasks/${taskId}`)).json()) as Task;
  expect(task.status).toBe('processing-completed');
  return task;
}

async function get(c: Clocked, path: string): Promise<{ status: number; body: unknown }> {
  const response = await send(c.sandbox, owner, 'GET', path);
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

describe('subscriptions', () => {
  test('create, read, update and delete, each through a task', async () => {
    const c = clockedSandbox();
    const created = await write(c, 'POST', '/v1/subscriptions', {
      name: 'round-trip',
      cloudProviders: [{ provider: 'AWS', regions: [{ region: 'us-east-1' }] }],
      databases: [{ name: 'first-db', protocol: 'redis' }],
    });
    const id = created.response?.resourceId;
    expect(id).toBeTypeOf('number');
    const list = (await get(c, '/v1/subscriptions')).body as { subscriptions: { id: number }[] };
    expect(list.subscriptions.map((s) => s.id)).toContain(id);
    expect((await get(c, `/v1/subscriptions/${id}`)).body).toMatchObject({
      id,
      name: 'round-trip',
      numberOfDatabases: 1,
    });
    // The databases the body listed were created with it.
    const dbs = (await get(c, `/v1/subscriptions/${id}/databases`)).body as {
      subscription: { databases: { name: string }[] }[];
    };
    expect(dbs.subscription[0]?.databases.map((d) => d.name)).toEqual(['first-db']);

    await write(c, 'PUT', `/v1/subscriptions/${id}`, { name: 'renamed' });
    expect((await get(c, `/v1/subscriptions/${id}`)).body).toMatchObject({ name: 'renamed' });

    await write(c, 'DELETE', `/v1/subscriptions/${id}`);
    const gone = await get(c, `/v1/subscriptions/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({
      status: 404,
      error: 'Not Found',
      path: `/v1/subscriptions/${id}`,
    });
    expect((await get(c, `/v1/subscriptions/${id}/databases`)).status).toBe(404);
  });

  test("the issue's own examples: the listed subscription answers its databases and its delete", async () => {
    const c = clockedSandbox();
    expect((await get(c, '/v1/subscriptions/51001/databases')).status).toBe(200);
    const deleted = await send(c.sandbox, owner, 'DELETE', '/v1/subscriptions/51001');
    expect(deleted.status).toBe(200);
    // A placeholder left in the path is a 400 that names the parameter, not a 404.
    const literal = await get(c, '/v1/subscriptions/%7BsubscriptionId%7D/databases');
    expect(literal.status).toBe(400);
    expect(literal.body).toMatchObject({ message: expect.stringContaining('subscriptionId') });
  });

  test('an Essentials subscription and its database round trip under /v1/fixed', async () => {
    const c = clockedSandbox();
    const plans = (await get(c, '/v1/fixed/plans')).body as { plans: { id: number }[] };
    const planId = plans.plans[0]?.id;
    const created = await write(c, 'POST', '/v1/fixed/subscriptions', {
      name: 'essentials',
      planId,
    });
    const id = created.response?.resourceId;
    const listed = (await get(c, '/v1/fixed/subscriptions')).body as {
      subscriptions: { id: number }[];
    };
    expect(listed.subscriptions.map((s) => s.id)).toContain(id);
    const db = await write(c, 'POST', `/v1/fixed/subscriptions/${id}/databases`, { name: 'cache' });
    const dbId = db.response?.resourceId;
    expect((await get(c, `/v1/fixed/subscriptions/${id}/databases/${dbId}`)).body).toMatchObject({
      databaseId: dbId,
      name: 'cache',
    });
    await write(c, 'DELETE', `/v1/fixed/subscriptions/${id}/databases/${dbId}`);
    expect((await get(c, `/v1/fixed/subscriptions/${id}/databases/${dbId}`)).status).toBe(404);
  });
});

describe('databases', () => {
  test('create, read, update and delete in a Pro subscription', async () => {
    const c = clockedSandbox();
    const accepted = await send(
      c.sandbox,
      owner,
      'POST',
      '/v1/subscriptions/51001/databases',
      JSON.stringify({ name: 'orders', protocol: 'redis', datasetSizeInGb: 2 }),
    );
    expect(accepted.status).toBe(202);
    const { taskId } = (await accepted.json()) as Task;
    // Not there before its task completes.
    const before = (await get(c, '/v1/subscriptions/51001/databases')).body as {
      subscription: { databases: { name: string }[] }[];
    };
    expect(before.subscription[0]?.databases.map((d) => d.name)).not.toContain('orders');
    c.advance(TASK_TIMELINE_MS.finished);
    const task = (await (
      await send(c.sandbox, owner, 'GET', `/v1/tasks/${taskId}`)
    ).json()) as Task;
    const id = task.response?.resourceId;
    const after = (await get(c, '/v1/subscriptions/51001/databases')).body as {
      subscription: {
        numberOfDatabases: number;
        databases: { databaseId: number; name: string }[];
      }[];
    };
    expect(after.subscription[0]?.databases).toContainEqual(
      expect.objectContaining({ databaseId: id, name: 'orders' }),
    );
    expect((await get(c, '/v1/subscriptions/51001')).body).toMatchObject({ numberOfDatabases: 3 });

    await write(c, 'PUT', `/v1/subscriptions/51001/databases/${id}`, {
      name: 'orders-v2',
      replication: false,
    });
    expect((await get(c, `/v1/subscriptions/51001/databases/${id}`)).body).toMatchObject({
      databaseId: id,
      name: 'orders-v2',
      replication: false,
    });
    await write(c, 'DELETE', `/v1/subscriptions/51001/databases/${id}`);
    expect((await get(c, `/v1/subscriptions/51001/databases/${id}`)).status).toBe(404);
    // The same id in another subscription is not found either: ids belong to their parent.
    expect((await get(c, '/v1/subscriptions/51002/databases/5100101')).status).toBe(404);
  });

  test('a password sent to create an ACL user never comes back', async () => {
    const c = clockedSandbox();
    const secret = 'Sup3r-Secret-Passw0rd';
    const created = await write(c, 'POST', '/v1/acl/users', {
      name: 'app-user',
      role: 'Read-Only-Role',
      password: secret,
    });
    const id = created.response?.resourceId;
    const text = await (await send(c.sandbox, owner, 'GET', `/v1/acl/users/${id}`)).text();
    expect(text).toContain('app-user');
    expect(text).not.toContain(secret.slice(0, 6));
    const logs = await (await send(c.sandbox, owner, 'GET', '/v1/logs')).text();
    expect(logs).not.toContain(secret.slice(0, 6));
  });

  test('a credential-named field sent with a database is not kept either', async () => {
    const c = clockedSandbox();
    const created = await write(c, 'POST', '/v1/subscriptions/51001/databases', {
      name: 'with-extras',
      protocol: 'redis',
      key: 'k3y-value-0123456789',
      password: 'pa55-value-0123456789',
    });
    const id = created.response?.resourceId;
    const text = await (
      await send(c.sandbox, owner, 'GET', `/v1/subscriptions/51001/databases/${id}`)
    ).text();
    expect(text).toContain('with-extras');
    expect(text).not.toContain('k3y-va');
    expect(text).not.toContain('pa55-v');
  });
});

describe('the role gate is the same for every operation', () => {
  const cases: [string, ReturnType<typeof profile>, string, string, number][] = [
    ['Owner', owner, 'DELETE', '/v1/subscriptions/51001/databases/5100101', 200],
    ['Viewer', viewer, 'GET', '/v1/subscriptions/51001/databases/5100101', 200],
    ['Viewer', viewer, 'GET', '/v1/acl/roles', 200],
    ['Viewer', viewer, 'PUT', '/v1/subscriptions/51001/databases/5100101', 403],
    ['Viewer', viewer, 'DELETE', '/v1/subscriptions/51001/databases/5100101', 403],
    ['Viewer', viewer, 'POST', '/v1/acl/redisRules', 403],
    ['Logs viewer', logsViewer, 'GET', '/v1/logs', 200],
    ['Logs viewer', logsViewer, 'GET', '/v1/session-logs', 403],
    ['Logs viewer', logsViewer, 'DELETE', '/v1/subscriptions/51001', 403],
    ['Billing admin', billingAdmin, 'GET', '/v1/payment-methods', 200],
    ['Billing admin', billingAdmin, 'GET', '/v1/subscriptions/51001/databases', 403],
    [
      'Billing admin',
      billingAdmin,
      'PATCH',
      '/v1/subscriptions/51001/data-integration-workspace',
      403,
    ],
    ['Member', member, 'GET', '/v1/regions', 403],
    ['Member', member, 'POST', '/v1/cloud-accounts', 403],
  ];
  test.each(cases)('%s: %s %s -> %i', async (_role, who, method, path, status) => {
    const c = clockedSandbox();
    const body = method === 'GET' || method === 'DELETE' ? undefined : '{}';
    const response = await send(c.sandbox, who, method, path, body);
    expect(response.status).toBe(status);
  });

  test('a refused write leaves the world as it was', async () => {
    const c = clockedSandbox();
    expect((await send(c.sandbox, viewer, 'DELETE', '/v1/subscriptions/51001')).status).toBe(403);
    c.advance(TASK_TIMELINE_MS.finished);
    expect((await get(c, '/v1/subscriptions/51001')).status).toBe(200);
  });

  test("another account's ids are as unknown as made-up ones", async () => {
    const c = clockedSandbox();
    const second = { accountKey: DEMO_KEYS.account2002, userKey: DEMO_KEYS.secondOwner };
    expect((await send(c.sandbox, second, 'GET', '/v1/subscriptions/51001/databases')).status).toBe(
      404,
    );
    expect((await send(c.sandbox, second, 'GET', '/v1/subscriptions/52001/databases')).status).toBe(
      200,
    );
  });
});

describe('ids for pickers', () => {
  test('lists the ids of each path parameter, under the one chosen before it', async () => {
    const c = clockedSandbox();
    const template = '/v1/subscriptions/{subscriptionId}/databases/{databaseId}';
    expect(await c.sandbox.ids(owner.accountKey, template)).toEqual({
      subscriptionId: ['51001', '51002'],
      databaseId: ['5100101', '5100102'],
    });
    expect(await c.sandbox.ids(owner.accountKey, template, { subscriptionId: '51002' })).toEqual({
      subscriptionId: ['51001', '51002'],
      databaseId: ['5100201'],
    });
    expect(await c.sandbox.ids('not-a-key', template)).toEqual({});
  });

  test("a task id is offered the account's tasks, newest first, and only its own", async () => {
    const c = clockedSandbox();
    const template = '/v1/tasks/{taskId}';
    expect(await c.sandbox.ids(owner.accountKey, template)).toEqual({ taskId: [] });
    const first = await write(c, 'PUT', '/v1/subscriptions/51001', { name: 'renamed' });
    const second = await write(c, 'DELETE', '/v1/subscriptions/51002');
    expect(await c.sandbox.ids(owner.accountKey, template)).toEqual({
      taskId: [second.taskId, first.taskId],
    });
    const other = await c.sandbox.ids(DEMO_KEYS.account2002, template);
    expect(other['taskId']).not.toContain(first.taskId);
    expect(other['taskId']).not.toContain(second.taskId);
    // The ten days the API lists tasks for: older ones are no longer offered.
    c.advance(11 * 24 * 60 * 60 * 1000);
    expect(await c.sandbox.ids(owner.accountKey, template)).toEqual({ taskId: [] });
  });
});
