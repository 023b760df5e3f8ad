/**
 * Which profile the Playground last sent with: only its id (no secret), kept in the app's
 * preferences store in IndexedDB beside the theme and the walkthrough's progress. Web Storage
 * stays unused on purpose: one storage mechanism.
 */
import { get, set, type UseStore } from 'idb-keyval';
import { preferencesStore } from './preferences-store';

export interface LastProfileStore {
  get(): Promise<string | undefined>;
  set(id: string): Promise<void>;
}

const KEY = 'last-profile';

/**
 * The store in IndexedDB, opened on first use (never at startup). Every failure (private mode,
 * blocked) reads as "nothing remembered": this is a convenience, not data.
 */
export function idbLastProfile(store: () => UseStore = preferencesStore): LastProfileStore {
  return {
    async get() {
      try {
        const id: unknown = await get(KEY, store());
        return typeof id === 'string' ? id : undefined;
      } catch {
        return undefined;
      }
    },
    async set(id) {
      try {
        await set(KEY, id, store());
      } catch {
        // Not remembered: the select then starts on the first demo profile, as on a first visit.
      }
    },
  };
}
