import { createStore, entries, setMany, type UseStore } from 'idb-keyval';
import { openProfileRepository, type RepositoryOptions } from '../../../src/lib/profiles';
import type { ProfileDraft } from '../../../src/lib/profiles';

let counter = 0;

/** A store of its own: idb-keyval caches connections, so tests must not share a database. */
export function freshStore(): UseStore {
  counter += 1;
  return createStore(`keycheck-test-${counter}-${Math.random().toString(36).slice(2)}`, 'profiles');
}

/** PBKDF2 at 600,000 iterations takes about a second per derivation: tests use far fewer. */
export const TEST_ITERATIONS = 1000;

export async function openTestRepository(store: UseStore, options: RepositoryOptions = {}) {
  return openProfileRepository({ store, sync: null, vaultIterations: TEST_ITERATIONS, ...options });
}

/** Everything in the store, as text: what a dump of IndexedDB would show. */
export async function rawDump(store: UseStore): Promise<string> {
  return JSON.stringify(await entries(store));
}

export async function seed(store: UseStore, rows: [string, unknown][]): Promise<void> {
  await setMany(rows, store);
}

export const ACCOUNT_KEY = 'acct-TEST-1f2e3d4c5b6a79881726';
export const USER_KEY = 'user-TEST-a9b8c7d6e5f40312';

export function draft(overrides: Partial<ProfileDraft> = {}): ProfileDraft {
  return {
    name: 'Production',
    accountKey: ACCOUNT_KEY,
    userKey: USER_KEY,
    baseUrl: 'https://api.redislabs.com',
    notes: '',
    ...overrides,
  };
}
