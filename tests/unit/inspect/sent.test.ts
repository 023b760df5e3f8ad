import { expect, test } from 'vitest';
import { SANDBOX_BASE_URL } from '../../../src/lib/core/checklist';
import { inspectSent } from '../../../src/lib/inspect/sent';
import { createSandbox, DEMO_PROFILES } from '../../../src/lib/sandbox';

const owner = DEMO_PROFILES.find((p) => p.id === 'sandbox-owner')!;
const keys = [
  { name: 'x-api-key', value: owner.accountKey },
  { name: 'x-api-secret-key', value: owner.userKey },
];
const page = { origin: 'https://keycheck.example', protocol: 'https:' };

test("any profile whose base URL is the sandbox's address is answered by the sandbox", async () => {
  const sandbox = createSandbox();
  const inspected = await inspectSent(
    { baseUrl: `${SANDBOX_BASE_URL}/`, method: 'GET', path: '/v1/', headers: keys },
    { sandbox, page },
  );
  expect(inspected.exchange.source).toBe('sandbox');
  expect(inspected.exchange.response?.status).toBe(200);
  expect(inspected.checklist.verdict).toBe('ok');
  expect(inspected.insideView).not.toBeNull();
  // What a profile learns from `GET /v1/`, and the history entry, come with it.
  expect(inspected.learned?.accountId).toBeTypeOf('number');
  expect(inspected.history).toMatchObject({
    method: 'GET',
    path: '/v1/',
    status: 200,
    verdict: 'ok',
  });
});

test("a host outside the page's connect policy is refused before anything is sent", async () => {
  const inspected = await inspectSent(
    { baseUrl: 'https://api.example.com', method: 'GET', path: '/v1/', headers: keys },
    { sandbox: createSandbox(), page },
  );
  expect(inspected.exchange.failure?.kind).toBe('blocked-by-policy');
  expect(inspected.exchange.response).toBeUndefined();
  expect(inspected.checklist.verdict).toBe('not-sent');
});

test('nothing it returns holds a piece of a key, not even a key typed into the path', async () => {
  const inspected = await inspectSent(
    {
      baseUrl: SANDBOX_BASE_URL,
      method: 'GET',
      path: `/v1/subscriptions/${owner.userKey}`,
      headers: keys,
    },
    { sandbox: createSandbox(), page },
  );
  const { redactor, ...shown } = inspected;
  const text = JSON.stringify(shown).toLowerCase();
  for (const key of [owner.accountKey, owner.userKey]) {
    for (let i = 0; i + 6 <= key.length; i++)
      expect(text).not.toContain(key.slice(i, i + 6).toLowerCase());
  }
  expect(redactor.leaks(JSON.stringify(shown))).toBe(false);
});
