import ky from 'ky';
import { describe, expect, test } from 'vitest';
import { SANDBOX_BASE_URL } from '../../../src/lib/core/checklist';
import { createSandbox } from '../../../src/lib/sandbox';
import { START, clockedSandbox, profile, send } from './send';

const owner = profile('sandbox-owner');

describe('unknown paths and ids', () => {
  test('an unknown path answers the Spring Boot JSON 404', async () => {
    const { sandbox } = clockedSandbox();
    const response = await send(sandbox, owner, 'GET', '/v1/subscriptions/51001/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe(
      JSON.stringify({
        timestamp: new Date(START).toISOString().replace('Z', '+00:00'),
        status: 404,
        error: 'Not Found',
        path: '/v1/subscriptions/51001/no-such-thing',
      }),
    );
  });

  test("an unknown or another account's subscription id is a 404; a non-number a 400", async () => {
    const { sandbox } = clockedSandbox();
    expect((await send(sandbox, owner, 'GET', '/v1/subscriptions/51001')).status).toBe(200);
    expect((await send(sandbox, owner, 'GET', '/v1/subscriptions/52001')).status).toBe(404);
    expect((await send(sandbox, owner, 'GET', '/v1/subscriptions/99999')).status).toBe(404);
    expect((await send(sandbox, owner, 'GET', '/v1/subscriptions/abc')).status).toBe(400);
    expect((await send(sandbox, owner, 'GET', '/v1/tasks/%E0%A4%A')).status).toBe(404);
  });

  test('an unknown path without keys is a 401: authentication comes first', async () => {
    const { sandbox } = clockedSandbox();
    expect((await sandbox.fetch(`${SANDBOX_BASE_URL}/v1/nowhere`)).status).toBe(401);
  });

  test('the inside view says when an operation is not one of the API document', () => {
    const { sandbox } = clockedSandbox();
    const view = sandbox.insideView({
      method: 'DELETE',
      url: `${SANDBOX_BASE_URL}/v1/subscriptions/51001/no-such-thing`,
      headers: [
        { name: 'x-api-key', value: owner.accountKey },
        { name: 'x-api-secret-key', value: owner.userKey },
      ],
    });
    expect(view.operationSimulated).toBe(false);
    expect(view.summary).toContain(
      'DELETE /v1/subscriptions/51001/no-such-thing is not an operation of the API document, so the sandbox answers 404.',
    );
  });
});

describe('account data', () => {
  test('lists subscriptions and users of the key’s own account only', async () => {
    const { sandbox } = clockedSandbox();
    const subs = (await (await send(sandbox, owner, 'GET', '/v1/subscriptions')).json()) as {
      accountId: number;
      subscriptions: { id: number }[];
    };
    expect(subs.accountId).toBe(1001);
    expect(subs.subscriptions.map((s) => s.id)).toEqual([51001, 51002]);

    const users = (await (await send(sandbox, owner, 'GET', '/v1/users')).json()) as {
      account: number;
      users: { role: string; hasApiKey: boolean }[];
    };
    expect(users.account).toBe(1001);
    expect(users.users.map((u) => u.role)).toEqual([
      'Owner',
      'Viewer',
      'Logs viewer',
      'Billing admin',
      'Member',
    ]);
  });
});

describe('behaves like fetch', () => {
  test('another origin rejects with a TypeError, as when nothing answers', async () => {
    const { sandbox } = clockedSandbox();
    await expect(sandbox.fetch('https://api.redislabs.com/v1/')).rejects.toThrow(TypeError);
  });

  test('a header value fetch refuses rejects before anything is answered', async () => {
    const { sandbox } = clockedSandbox();
    const request = sandbox.fetch(`${SANDBOX_BASE_URL}/v1/`, {
      headers: { 'x-api-key': owner.accountKey, 'x-api-secret-key': `${owner.userKey}\u200b` },
    });
    await expect(request).rejects.toThrow(TypeError);
  });

  test('an aborted request rejects with the abort reason', async () => {
    const { sandbox } = clockedSandbox();
    const controller = new AbortController();
    controller.abort();
    await expect(
      sandbox.fetch(`${SANDBOX_BASE_URL}/v1/`, { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('works as the fetch of ky, which passes a Request object', async () => {
    const sandbox = createSandbox();
    const api = ky.create({
      prefix: SANDBOX_BASE_URL,
      fetch: sandbox.fetch,
      retry: 0,
      headers: { 'x-api-key': owner.accountKey, 'x-api-secret-key': owner.userKey },
    });
    const root = await api.get('v1/').json<{ account: { id: number } }>();
    expect(root.account.id).toBe(1001);
    const task = await api
      .post('v1/subscriptions', {
        json: {
          cloudProviders: [{ regions: [{ region: 'us-east-1' }] }],
          databases: [{ name: 'db', protocol: 'redis' }],
        },
      })
      .json<{ status: string }>();
    expect(task.status).toBe('received');
  });
});

describe('createUserKey', () => {
  test('gives a new key that works at once, with its value shown only here', async () => {
    const { sandbox } = clockedSandbox();
    const created = sandbox.createUserKey(1001, { name: 'walkthrough-key', role: 'Viewer' });
    expect(created.name).toBe('walkthrough-key');
    expect(created.value).toMatch(/^demo-uk-[0-9a-f]{12}$/);
    const response = await send(
      sandbox,
      { accountKey: owner.accountKey, userKey: created.value },
      'GET',
      '/v1/',
    );
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('"name":"walkthrough-key"');
    expect(body).not.toContain(created.value);
  });

  test('refuses a name outside the documented rule, a duplicate, and a disabled account', () => {
    const { sandbox } = clockedSandbox();
    expect(() => sandbox.createUserKey(1001, { name: 'short', role: 'Owner' })).toThrow(/10 to 50/);
    expect(() => sandbox.createUserKey(1001, { name: 'has a space!', role: 'Owner' })).toThrow();
    expect(() => sandbox.createUserKey(1001, { name: 'demo-owner-key', role: 'Owner' })).toThrow(
      /already/,
    );
    expect(() => sandbox.createUserKey(3003, { name: 'paused-new-key', role: 'Owner' })).toThrow(
      /disabled/,
    );
    expect(() => sandbox.createUserKey(4004, { name: 'nowhere-key', role: 'Owner' })).toThrow();
  });

  test('enabling the API on the paused account lets its keys in', async () => {
    const { sandbox } = clockedSandbox();
    const paused = profile('sandbox-api-disabled');
    expect((await send(sandbox, paused, 'GET', '/v1/')).status).toBe(401);
    sandbox.setApiEnabled(3003, true);
    expect((await send(sandbox, paused, 'GET', '/v1/')).status).toBe(200);
  });

  test('sandboxes do not share keys', async () => {
    const first = createSandbox();
    const second = createSandbox();
    const { value } = first.createUserKey(1001, { name: 'only-in-first', role: 'Owner' });
    const pair = { accountKey: owner.accountKey, userKey: value };
    expect((await send(first, pair, 'GET', '/v1/')).status).toBe(200);
    expect((await send(second, pair, 'GET', '/v1/')).status).toBe(401);
  });
});
