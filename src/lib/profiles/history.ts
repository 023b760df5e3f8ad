/**
 * The Playground's request history, per profile, in IndexedDB. An entry says what was asked and
 * how it ended, never with what: no header value, no body, no query string (a query value may be
 * a token), and no path segment that equals a key value.
 */
import { createStore, del, get, getMany, update, type UseStore } from 'idb-keyval';
import { HISTORY_LIMIT, cleanEntry, type HistoryEntry } from './history-entry';

export { HISTORY_LIMIT, cleanEntry, historyPath } from './history-entry';
export type { HistoryEntry } from './history-entry';

export interface HistoryStore {
  /** The profile's entries, newest first. */
  list(profileId: string): Promise<HistoryEntry[]>;
  /** Adds an entry (cleaned, see `cleanEntry`) and returns the profile's entries, newest first. */
  add(profileId: string, entry: HistoryEntry): Promise<HistoryEntry[]>;
  clear(profileId: string): Promise<void>;
}

/** Its own database: idb-keyval opens one object store per database. */
export function defaultHistoryStore(): UseStore {
  return createStore('keycheck-history', 'history');
}

const keyOf = (profileId: string) => `history:${profileId}`;

function asEntries(value: unknown): HistoryEntry[] {
  return Array.isArray(value) ? (value as HistoryEntry[]) : [];
}

/** A history store over an idb-keyval store; pass a fresh `createStore(...)` in tests. */
export function createHistoryStore(store: UseStore = defaultHistoryStore()): HistoryStore {
  return {
    list: async (profileId) => asEntries(await get(keyOf(profileId), store)),
    add: async (profileId, entry) => {
      let result: HistoryEntry[] = [];
      // One read-modify-write transaction: two tabs adding at once both keep their entry.
      await update(
        keyOf(profileId),
        (old) => {
          result = [cleanEntry(entry), ...asEntries(old)].slice(0, HISTORY_LIMIT);
          return result;
        },
        store,
      );
      return result;
    },
    clear: (profileId) => del(keyOf(profileId), store),
  };
}

/**
 * Each profile's newest entry, in one read (the Profiles list shows a row's last result and
 * sorts by last use). Profiles without a history are absent from the map.
 */
export async function latestEntries(
  profileIds: readonly string[],
  store: UseStore = defaultHistoryStore(),
): Promise<Map<string, HistoryEntry>> {
  const lists = await getMany(profileIds.map(keyOf), store);
  const latest = new Map<string, HistoryEntry>();
  profileIds.forEach((id, i) => {
    const entry = asEntries(lists[i])[0];
    if (entry !== undefined) latest.set(id, entry);
  });
  return latest;
}
