import { createStore } from 'idb-keyval';
import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import type { Profile } from '../../../src/lib/profiles';
import { createHistoryStore, latestEntries } from '../../../src/lib/profiles/history';
import { lastUse, sortProfiles } from '../../../src/lib/profiles/sort';

function profile(id: string, name: string, learnedAt?: string): Profile {
  return {
    id,
    name,
    accountKey: '',
    userKey: '',
    baseUrl: 'https://api.redislabs.com',
    notes: '',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    revision: 1,
    keysInTabOnly: false,
    keyState: 'none',
    ...(learnedAt === undefined ? {} : { learned: { at: learnedAt } }),
  };
}

const names = (list: Profile[]) => list.map((p) => p.name);

test('by name: as a person reads it, case and accents aside, "Prod 2" before "Prod 10"', () => {
  const list = [
    profile('a', 'prod 10'),
    profile('b', 'Émile'),
    profile('c', 'Prod 2'),
    profile('d', 'beta'),
  ];
  expect(names(sortProfiles(list, 'name'))).toEqual(['beta', 'Émile', 'Prod 2', 'prod 10']);
  // A new array: the caller's list keeps its order.
  expect(names(list)).toEqual(['prod 10', 'Émile', 'Prod 2', 'beta']);
});

test('by last use: newest first, never used after them by name', () => {
  const used: Record<string, string> = {
    old: '2025-01-02T10:00:00.000Z',
    recent: '2025-03-01T10:00:00.000Z',
  };
  const list = [
    profile('never-b', 'Zeta'),
    profile('old', 'Old'),
    profile('never-a', 'Alpha'),
    profile('recent', 'Recent'),
  ];
  const sorted = sortProfiles(list, 'last-use', (p) => used[p.id]);
  expect(names(sorted)).toEqual(['Recent', 'Old', 'Alpha', 'Zeta']);
});

test('last use is the later of the newest request and the last key check', () => {
  const checked = profile('p', 'P', '2025-02-01T00:00:00.000Z');
  expect(lastUse(checked, '2025-01-01T00:00:00.000Z')).toBe('2025-02-01T00:00:00.000Z');
  expect(lastUse(checked, '2025-03-01T00:00:00.000Z')).toBe('2025-03-01T00:00:00.000Z');
  expect(lastUse(profile('q', 'Q'), undefined)).toBeUndefined();
  expect(lastUse(profile('q', 'Q'), 'not a date')).toBeUndefined();
});

test("each profile's newest history entry, read at once; no history, no entry", async () => {
  const store = createStore(`sort-test-${Math.random().toString(36).slice(2)}`, 'history');
  const history = createHistoryStore(store);
  const entry = (at: string) => ({
    method: 'GET',
    path: '/v1/',
    status: 200,
    verdict: 'ok' as const,
    durationMs: 10,
    at,
  });
  await history.add('a', entry('2025-01-01T00:00:00.000Z'));
  await history.add('a', entry('2025-02-01T00:00:00.000Z'));
  await history.add('b', entry('2025-01-15T00:00:00.000Z'));
  const latest = await latestEntries(['a', 'b', 'c'], store);
  expect(latest.get('a')?.at).toBe('2025-02-01T00:00:00.000Z');
  expect(latest.get('b')?.at).toBe('2025-01-15T00:00:00.000Z');
  expect(latest.has('c')).toBe(false);
});
