import { createStore } from 'idb-keyval';
import { expect, test } from 'vitest';
import type { Exchange } from '../../../src/lib/core/exchange';
import {
  HISTORY_LIMIT,
  createHistoryStore,
  type HistoryEntry,
} from '../../../src/lib/profiles/history';
import { historyEntryOf } from '../../../src/lib/profiles/history-entry';
import { createRedactor } from '../../../src/lib/secrets';

const ACCOUNT_KEY = 'acct-4f9d2c7b1e8a6053-fake-value';
const USER_KEY = 'user-9e1b3d5f7a2c4068-fake-value';

let storeCount = 0;
// idb-keyval keeps its connection: every test gets a database of its own.
const freshStore = () => createHistoryStore(createStore(`history-test-${++storeCount}`, 'h'));

function exchange(path: string, body = '{"account":{"id":1}}'): Exchange {
  return {
    source: 'network',
    request: {
      method: 'POST',
      url: `https://api.redislabs.com${path}`,
      headers: [
        { name: 'x-api-key', value: ACCOUNT_KEY },
        { name: 'x-api-secret-key', value: USER_KEY },
        { name: 'authorization', value: 'Bearer some-token-value-1234' },
      ],
      body: '{"password":"db-password-123"}',
    },
    response: { status: 202, statusText: 'Accepted', headers: [], body, size: body.length },
    startedAt: '2025-01-17T09:34:25.803Z',
    durationMs: 123.4,
  };
}

test('an entry holds method, path, status, verdict, duration and time, and nothing else', async () => {
  const store = freshStore();
  const entry = historyEntryOf(
    exchange('/v1/subscriptions?apiKey=abc123&offset=0'),
    'ok',
    '/v1/subscriptions?apiKey=abc123&offset=0',
  );
  const [stored] = await store.add('p1', entry);
  expect(stored).toEqual({
    method: 'POST',
    path: '/v1/subscriptions',
    status: 202,
    verdict: 'ok',
    durationMs: 123,
    at: '2025-01-17T09:34:25.803Z',
  });
  const text = JSON.stringify(await store.list('p1'));
  for (const secret of [ACCOUNT_KEY, USER_KEY, 'some-token', 'db-password', 'abc123', 'account']) {
    expect(text).not.toContain(secret);
  }
});

test('a key pasted into the path is not stored (the path passes through lib/secrets first)', async () => {
  const store = freshStore();
  const path = `/v1/subscriptions/${USER_KEY}/databases`;
  const redactor = await createRedactor([ACCOUNT_KEY, USER_KEY]);
  await store.add('p1', historyEntryOf(exchange(path), 'auth-failed', redactor.text(path)));
  const [entry] = await store.list('p1');
  expect(entry?.path).toMatch(
    /^\/v1\/subscriptions\/\[redacted sha256:[0-9a-f]{8} \(\d+ characters\)\]\/databases$/,
  );
});

test('fields a caller adds are dropped before storing', async () => {
  const store = freshStore();
  const sneaky = {
    ...historyEntryOf(exchange('/v1/'), 'ok', '/v1/'),
    headers: [{ name: 'x-api-key', value: ACCOUNT_KEY }],
    body: '{"secret":1}',
  } as HistoryEntry;
  await store.add('p1', sneaky);
  expect(JSON.stringify(await store.list('p1'))).not.toContain(ACCOUNT_KEY);
  expect(Object.keys((await store.list('p1'))[0] ?? {})).not.toContain('body');
});

test(`keeps the newest ${HISTORY_LIMIT} per profile, newest first; profiles apart; clear`, async () => {
  const store = freshStore();
  for (let i = 0; i < HISTORY_LIMIT + 5; i += 1) {
    await store.add('p1', historyEntryOf(exchange(`/v1/${i}`), 'ok', `/v1/${i}`));
  }
  await store.add('p2', historyEntryOf(exchange('/v1/'), 'ok', '/v1/'));
  const list = await store.list('p1');
  expect(list).toHaveLength(HISTORY_LIMIT);
  expect(list[0]?.path).toBe(`/v1/${HISTORY_LIMIT + 4}`);
  expect(list.at(-1)?.path).toBe('/v1/5');
  await store.clear('p1');
  expect(await store.list('p1')).toEqual([]);
  expect(await store.list('p2')).toHaveLength(1);
});

test('an exchange without an answer keeps why', async () => {
  const failed: Exchange = { ...exchange('/v1/'), failure: { kind: 'cors', message: 'x' } };
  delete failed.response;
  const entry = historyEntryOf(failed, 'unreachable', '/v1/');
  expect(entry).toMatchObject({ status: null, failure: 'cors', verdict: 'unreachable' });
});
