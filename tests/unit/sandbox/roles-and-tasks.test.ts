import { describe, expect, test } from 'vitest';
import { DEMO_KEYS, TASK_TIMELINE_MS } from '../../../src/lib/sandbox';
import { clockedSandbox, profile, send } from './send';

const owner = profile('sandbox-owner');
const viewer = profile('sandbox-viewer');
const logsViewer = profile('sandbox-logs-viewer');
const billingAdmin = profile('sandbox-billing-admin');
const member = profile('sandbox-member');

const VALID_BODY = JSON.stringify({
  name: 'walkthrough-cache',
  cloudProviders: [{ provider: 'AWS', regions: [{ region: 'eu-west-1' }] }],
  databases: [{ name: 'db1', protocol: 'redis' }],
});

interface TaskBody {
  taskId: string;
  status: string;
  response?: { resourceId?: number; error?: { type: string; status: string; description: string } };
  _links: Record<string, { href: string; type: string }>;
}

describe('roles', () => {
  test('a Viewer reads but its POST is refused with 403, and no task is created', async () => {
    const { sandbox, advance } = clockedSandbox();
    expect((await send(sandbox, viewer, 'GET', '/v1/subscriptions')).status).toBe(200);
    const refused = await send(sandbox, viewer, 'POST', '/v1/subscriptions', VALID_BODY);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      status: 403,
      error: 'Forbidden',
      path: '/v1/subscriptions',
    });
    advance(60_000);
    const tasks = (await (await send(sandbox, owner, 'GET', '/v1/tasks')).json()) as {
      tasks: unknown[];
    };
    expect(tasks.tasks).toEqual([]);
  });

  test('a Logs viewer may read the logs but not the subscriptions', async () => {
    const { sandbox } = clockedSandbox();
    const logs = await send(sandbox, logsViewer, 'GET', '/v1/logs');
    expect(logs.status).toBe(200);
    const body = (await logs.json()) as { entries: { id: number; description: string }[] };
    expect(body.entries.length).toBeGreaterThan(0);
    expect((await send(sandbox, logsViewer, 'GET', '/v1/subscriptions')).status).toBe(403);
  });

  test('a Billing admin may read payment methods only', async () => {
    const { sandbox } = clockedSandbox();
    const methods = await send(sandbox, billingAdmin, 'GET', '/v1/payment-methods');
    expect(methods.status).toBe(200);
    expect(await methods.json()).toMatchObject({ accountId: 1001 });
    expect((await send(sandbox, billingAdmin, 'GET', '/v1/users')).status).toBe(403);
  });

  test('a Member is refused everywhere, even the logs', async () => {
    const { sandbox } = clockedSandbox();
    for (const path of ['/v1/', '/v1/logs', '/v1/subscriptions', '/v1/nowhere']) {
      expect((await send(sandbox, member, 'GET', path)).status).toBe(403);
    }
  });
});

describe('tasks', () => {
  test("an Owner's POST gives a task whose state moves with the clock", async () => {
    const { sandbox, advance } = clockedSandbox();
    const accepted = await send(sandbox, owner, 'POST', '/v1/subscriptions', VALID_BODY);
    expect(accepted.status).toBe(202);
    expect(accepted.headers.get('content-type')).toBe('application/json');
    const task = (await accepted.json()) as TaskBody & { commandType: string; description: string };
    expect(task).toMatchObject({ status: 'received', commandType: 'subscriptionCreateRequest' });
    expect(task.taskId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const href = task._links['task']?.href ?? '';
    expect(task._links['task']?.type).toBe('GET');
    expect(href).toBe(`https://sandbox.keycheck.invalid/v1/tasks/${task.taskId}`);

    const poll = async () => {
      const r = await sandbox.fetch(href, {
        headers: { 'x-api-key': owner.accountKey, 'x-api-secret-key': owner.userKey },
      });
      return r.status === 200 ? ((await r.json()) as TaskBody).status : r.status;
    };
    // Brand new: not found yet, as the real API can answer for a few seconds.
    expect(await poll()).toBe(404);
    advance(TASK_TIMELINE_MS.visible);
    expect(await poll()).toBe('initialized');
    advance(TASK_TIMELINE_MS.received - TASK_TIMELINE_MS.visible);
    expect(await poll()).toBe('received');
    advance(TASK_TIMELINE_MS.inProgress - TASK_TIMELINE_MS.received);
    expect(await poll()).toBe('processing-in-progress');
    advance(TASK_TIMELINE_MS.finished - TASK_TIMELINE_MS.inProgress);
    expect(await poll()).toBe('processing-completed');

    const done = (await (
      await sandbox.fetch(href, {
        headers: { 'x-api-key': owner.accountKey, 'x-api-secret-key': owner.userKey },
      })
    ).json()) as TaskBody;
    const id = done.response?.resourceId;
    expect(id).toBeTypeOf('number');
    const created = await send(sandbox, viewer, 'GET', `/v1/subscriptions/${id}`);
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({ id, name: 'walkthrough-cache' });

    const listed = (await (await send(sandbox, viewer, 'GET', '/v1/tasks')).json()) as {
      tasks: TaskBody[];
    };
    expect(listed.tasks.map((t) => t.taskId)).toEqual([task.taskId]);

    // The audit log names the key that asked, never its value.
    const logs = await (await send(sandbox, owner, 'GET', '/v1/logs')).text();
    expect(logs).toContain('"apiKeyName":"demo-owner-key"');
    expect(logs).not.toContain(owner.userKey);
  });

  test.each([
    ['bad JSON', '{"name": "broken",', 'The request body is not valid JSON.'],
    ['no databases', JSON.stringify({ cloudProviders: [] }), 'databases is required.'],
    [
      'a region without its name',
      JSON.stringify({ cloudProviders: [{ regions: [{}] }], databases: [] }),
      'cloudProviders[0].regions[0].region is required.',
    ],
    [
      'a wrong type',
      JSON.stringify({ name: 5, cloudProviders: [], databases: [] }),
      'name must be of type string.',
    ],
    [
      'an unknown enum value',
      JSON.stringify({ memoryStorage: 'disk', cloudProviders: [], databases: [] }),
      'memoryStorage is not one of the allowed values.',
    ],
  ])(
    'a POST with %s gets a 400 that names the field, and no task',
    async (_what, body, message) => {
      const { sandbox } = clockedSandbox();
      const refused = await send(sandbox, owner, 'POST', '/v1/subscriptions', body);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ status: 400, error: 'Bad Request', message });
      const listed = (await (await send(sandbox, owner, 'GET', '/v1/tasks')).json()) as {
        tasks: unknown[];
      };
      expect(listed.tasks).toEqual([]);
    },
  );

  test('a POST the document accepts but that lists nothing ends in processing-error, still as HTTP 200', async () => {
    const { sandbox, advance } = clockedSandbox();
    const body = JSON.stringify({ cloudProviders: [], databases: [] });
    const accepted = await send(sandbox, owner, 'POST', '/v1/subscriptions', body);
    expect(accepted.status).toBe(202);
    const { taskId } = (await accepted.json()) as TaskBody;
    advance(TASK_TIMELINE_MS.inProgress);
    const midway = (await (
      await send(sandbox, owner, 'GET', `/v1/tasks/${taskId}`)
    ).json()) as TaskBody;
    expect(midway.status).toBe('processing-in-progress');
    expect(midway.response).toBeUndefined();

    advance(TASK_TIMELINE_MS.finished);
    const finished = await send(sandbox, owner, 'GET', `/v1/tasks/${taskId}`);
    expect(finished.status).toBe(200);
    const task = (await finished.json()) as TaskBody;
    expect(task.status).toBe('processing-error');
    expect(task.response?.error).toMatchObject({ type: 'BAD_REQUEST', status: '400 BAD_REQUEST' });
    expect(task.response?.error?.description).toContain('cloudProviders, databases');
  });

  test('another account cannot see a task', async () => {
    const { sandbox, advance } = clockedSandbox();
    const accepted = await send(sandbox, owner, 'POST', '/v1/subscriptions', VALID_BODY);
    const { taskId } = (await accepted.json()) as TaskBody;
    advance(TASK_TIMELINE_MS.finished);
    const second = {
      accountKey: DEMO_KEYS.account2002,
      userKey: DEMO_KEYS.secondOwner,
    };
    expect((await send(sandbox, second, 'GET', `/v1/tasks/${taskId}`)).status).toBe(404);
  });
});
