/**
 * The key-value store under the repository: IndexedDB through idb-keyval, or a Map when
 * IndexedDB cannot be used. Both offer the one operation conflict detection needs: read some
 * keys and write others in a single transaction.
 */
import { createStore, entries, get, promisifyRequest, type UseStore } from 'idb-keyval';

/** What a transaction plan returns: the writes to make (if any) and the caller's result. */
export interface Plan<R> {
  puts?: readonly (readonly [string, unknown])[];
  deletes?: readonly string[];
  result: R;
}

export interface KvBackend {
  /** False for the in-memory fallback: nothing outlives the tab. */
  readonly persistent: boolean;
  get(key: string): Promise<unknown>;
  entries(): Promise<[string, unknown][]>;
  /**
   * Reads `keys`, calls `plan` with their current values (synchronously, inside the
   * transaction), then applies its writes. All or nothing: if a write fails, none is kept.
   */
  transact<R>(
    keys: readonly string[],
    plan: (current: ReadonlyMap<string, unknown>) => Plan<R>,
  ): Promise<R>;
}

/** The app's own IndexedDB database and object store. */
export function defaultStore(): UseStore {
  return createStore('keycheck', 'profiles');
}

/** A backend over an idb-keyval store. */
export function idbBackend(store: UseStore): KvBackend {
  return {
    persistent: true,
    get: (key) => get(key, store),
    entries: () => entries<string, unknown>(store),
    transact: (keys, plan) =>
      store('readwrite', (objectStore) => {
        const tx = objectStore.transaction;
        // Resolves when the transaction commits; rejects (e.g. QuotaExceededError) on abort.
        const done = promisifyRequest(tx);
        return new Promise((resolve, reject) => {
          const current = new Map<string, unknown>();
          let waiting = keys.length;
          const run = (): void => {
            try {
              const { puts = [], deletes = [], result } = plan(current);
              for (const [key, value] of puts) objectStore.put(value, key);
              for (const key of deletes) objectStore.delete(key);
              done.then(() => resolve(result), reject);
            } catch (error) {
              tx.abort();
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          };
          done.catch(reject);
          if (waiting === 0) run();
          for (const key of keys) {
            const request = objectStore.get(key);
            request.onsuccess = () => {
              current.set(key, request.result);
              waiting -= 1;
              if (waiting === 0) run();
            };
          }
        });
      }),
  };
}

/** A backend in a Map. Values are cloned in and out, as IndexedDB does. */
export function memoryBackend(seed: Iterable<readonly [string, unknown]> = []): KvBackend {
  const map = new Map<string, unknown>();
  for (const [key, value] of seed) map.set(key, structuredClone(value));
  return {
    persistent: false,
    get: (key) => Promise.resolve(structuredClone(map.get(key))),
    entries: () => Promise.resolve([...map].map(([k, value]) => [k, structuredClone(value)])),
    transact: (keys, plan) => {
      try {
        const current = new Map(keys.map((key) => [key, structuredClone(map.get(key))]));
        const { puts = [], deletes = [], result } = plan(current);
        const cloned = puts.map(([key, value]) => [key, structuredClone(value)] as const);
        for (const [key, value] of cloned) map.set(key, value);
        for (const key of deletes) map.delete(key);
        return Promise.resolve(result);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
}

/** Why the store cannot be used: blocked or absent (private mode), or full. */
export type StorageFailure = 'unavailable' | 'full';

/** Tells a full store apart from one that cannot be opened at all. */
export function classifyStorageError(error: unknown): StorageFailure {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return name === 'QuotaExceededError' ? 'full' : 'unavailable';
}

/** A write's outcome: its value, or why the store refused it. Never throws. */
export type Guarded<R> = { ok: true; value: R } | { ok: false; reason: StorageFailure };

export async function guarded<R>(write: () => Promise<R>): Promise<Guarded<R>> {
  try {
    return { ok: true, value: await write() };
  } catch (error) {
    return { ok: false, reason: classifyStorageError(error) };
  }
}

/**
 * Opens the store and makes a write that leaves nothing behind. Resolves null when it works,
 * else why not. An open that stays blocked (another tab holds an old version) counts as
 * unavailable after `timeoutMs`, so the app never waits forever.
 */
export async function probe(backend: KvBackend, timeoutMs: number): Promise<StorageFailure | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<StorageFailure>((resolve) => {
    timer = setTimeout(() => resolve('unavailable'), timeoutMs);
  });
  const attempt = backend
    .transact(['meta:probe'], () => ({
      puts: [['meta:probe', 1]],
      deletes: ['meta:probe'],
      result: null,
    }))
    .then(
      () => null,
      (error: unknown) => classifyStorageError(error),
    );
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
