/**
 * Which profile the Playground last sent with: only its id (no secret), kept in IndexedDB like
 * everything else the app keeps, in a small database of its own so the profiles store holds
 * nothing but profiles. localStorage stays unused on purpose: one storage mechanism.
 */

export interface LastProfileStore {
  get(): Promise<string | undefined>;
  set(id: string): Promise<void>;
}

const KEY = 'last-profile';

/**
 * The store in IndexedDB (database `keycheck-prefs`). idb-keyval is loaded on first use, and
 * every failure (private mode, blocked) reads as "nothing remembered": this is a convenience.
 */
export function idbLastProfile(): LastProfileStore {
  let opened: Promise<{ idb: typeof import('idb-keyval'); store: import('idb-keyval').UseStore }>;
  // Opened on first use, never at startup.
  const open = () =>
    (opened ??= import('idb-keyval').then((idb) => ({
      idb,
      store: idb.createStore('keycheck-prefs', 'prefs'),
    })));
  return {
    async get() {
      try {
        const { idb, store } = await open();
        const id: unknown = await idb.get(KEY, store);
        return typeof id === 'string' ? id : undefined;
      } catch {
        return undefined;
      }
    },
    async set(id) {
      try {
        const { idb, store } = await open();
        await idb.set(KEY, id, store);
      } catch {
        // Not remembered: the select then starts on the first demo profile, as on a first visit.
      }
    },
  };
}

/** A store in memory, for tests and for pages without IndexedDB. */
export function memoryLastProfile(initial?: string): LastProfileStore {
  let id = initial;
  return {
    get: () => Promise.resolve(id),
    set: (next) => {
      id = next;
      return Promise.resolve();
    },
  };
}
