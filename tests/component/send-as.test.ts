import { expect, test } from 'vitest';
import { SANDBOX_BASE_URL } from '../../src/lib/core/checklist';
import { DEMO_PROFILES } from '../../src/lib/sandbox';
import { loadEngine } from '../../src/lib/inspect/load-engine';
import { sendAs } from '../../src/lib/inspect/send-as';

const owner = DEMO_PROFILES.find((p) => p.id === 'sandbox-owner')!;
const keys = [
  { name: 'x-api-key', value: owner.accountKey },
  { name: 'x-api-secret-key', value: owner.userKey },
];

test("any profile whose base URL is the sandbox's address is answered by the sandbox", async () => {
  const engine = await loadEngine();
  const exchange = await sendAs(engine, {
    baseUrl: `${SANDBOX_BASE_URL}/`,
    method: 'GET',
    path: '/v1/',
    headers: keys,
  });
  expect(exchange.source).toBe('sandbox');
  expect(exchange.response?.status).toBe(200);
});

test("a host outside the page's connect policy is refused before anything is sent", async () => {
  const engine = await loadEngine();
  const exchange = await sendAs(
    engine,
    { baseUrl: 'https://api.example.com', method: 'GET', path: '/v1/', headers: keys },
    { pageOrigin: 'https://keycheck.example' },
  );
  expect(exchange.failure?.kind).toBe('blocked-by-policy');
  expect(exchange.response).toBeUndefined();
});
