import { expect, test } from 'vitest';
import { filterProfiles, type Profile } from '../../../src/lib/profiles';

function profile(i: number, overrides: Partial<Profile> = {}): Profile {
  return {
    id: `id-${i}`,
    name: `Profile ${i}`,
    accountKey: `secret-account-${i}`,
    userKey: `secret-user-${i}`,
    baseUrl: 'https://api.redislabs.com',
    notes: '',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    revision: 1,
    keysInTabOnly: false,
    keyState: 'available',
    ...overrides,
  };
}

test('matches every word in name, key name, host, notes and what was learned; never keys', () => {
  const list = [
    profile(1, { name: 'Résumé prod', notes: 'Customer ACME' }),
    profile(2, { keyName: 'ci-runner-key', baseUrl: 'http://127.0.0.1:8787' }),
    profile(3, {
      learned: { accountId: 1001, accountName: 'Redis', at: '2025-01-01T00:00:00.000Z' },
    }),
  ];
  expect(filterProfiles(list, '').map((p) => p.id)).toEqual(['id-1', 'id-2', 'id-3']);
  expect(filterProfiles(list, 'resume acme').map((p) => p.id)).toEqual(['id-1']);
  expect(filterProfiles(list, 'CI-RUNNER').map((p) => p.id)).toEqual(['id-2']);
  expect(filterProfiles(list, '127.0.0.1').map((p) => p.id)).toEqual(['id-2']);
  expect(filterProfiles(list, 'redis 1001').map((p) => p.id)).toEqual(['id-3']);
  expect(filterProfiles(list, 'secret-account')).toEqual([]);
});
