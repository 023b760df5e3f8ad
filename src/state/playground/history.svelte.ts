import type { HistoryEntry, HistoryStore } from '../../lib/profiles/history';

/** Where the history store comes from: given, or loaded (with idb-keyval) on first need. */
export type HistorySource = HistoryStore | (() => Promise<HistoryStore>);

function defaultSource(): Promise<HistoryStore> {
  return import('../../lib/profiles/history').then((m) => m.createHistoryStore());
}

/** The shown profile's request history. Storage failures are said, never thrown. */
export class RequestHistory {
  #entries = $state.raw<HistoryEntry[]>([]);
  #problem = $state('');
  #profileId: string | null = null;
  #store: Promise<HistoryStore> | null = null;
  #source: HistorySource;

  constructor(source: HistorySource = defaultSource) {
    this.#source = source;
  }

  /** The shown profile's entries, newest first. */
  get entries(): readonly HistoryEntry[] {
    return this.#entries;
  }

  get problem(): string {
    return this.#problem;
  }

  #open(): Promise<HistoryStore> {
    const source = this.#source;
    this.#store ??= typeof source === 'function' ? source() : Promise.resolve(source);
    return this.#store;
  }

  async #run(profileId: string, action: (store: HistoryStore) => Promise<HistoryEntry[]>) {
    try {
      const entries = await action(await this.#open());
      if (this.#profileId === profileId) {
        this.#entries = entries;
        this.#problem = '';
      }
    } catch {
      if (this.#profileId === profileId) {
        this.#problem = 'The history could not be read or saved in this browser (IndexedDB).';
      }
    }
  }

  /** Shows `profileId`'s history. */
  show(profileId: string): Promise<void> {
    this.#profileId = profileId;
    this.#entries = [];
    return this.#run(profileId, (store) => store.list(profileId));
  }

  record(profileId: string, entry: HistoryEntry): Promise<void> {
    return this.#run(profileId, (store) => store.add(profileId, entry));
  }

  clear(profileId: string): Promise<void> {
    return this.#run(profileId, async (store) => {
      await store.clear(profileId);
      return [];
    });
  }
}
