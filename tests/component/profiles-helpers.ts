import { createStore, type UseStore } from 'idb-keyval';
import { openProfileRepository, ProfileRepository } from '../../src/lib/profiles';
import type { KvBackend } from '../../src/lib/profiles/backend';
import { Profiles } from '../../src/state/profiles/profiles.svelte';

let counter = 0;

/** A store of its own: idb-keyval caches connections, so tests must not share a database. */
export function freshStore(): UseStore {
  counter += 1;
  const name = `keycheck-component-${counter}-${Math.random().toString(36).slice(2)}`;
  return createStore(name, 'profiles');
}

/** The view's state over a fresh store; PBKDF2 with few iterations keeps vault tests quick. */
export function freshProfiles(store: UseStore = freshStore()): Profiles {
  return new Profiles(() => openProfileRepository({ store, sync: null, vaultIterations: 1000 }));
}

/** State over a store that reads fine but refuses every write as full. */
export function fullProfiles(): Profiles {
  const full = (): Promise<never> =>
    Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
  const backend: KvBackend = {
    persistent: true,
    get: () => Promise.resolve(undefined),
    entries: () => Promise.resolve([]),
    transact: full,
  };
  return new Profiles(() =>
    Promise.resolve(new ProfileRepository(backend, { persistent: true }, { sync: null })),
  );
}

export const ACCOUNT_KEY = 'acct-TEST-1f2e3d4c5b6a79881726';
export const USER_KEY = 'user-TEST-a9b8c7d6e5f40312';
