/**
 * Each profile's newest request from the history, for the Profiles list: a row's last result,
 * and the order by last use. Read when the list changes; the history itself stays where it is.
 */
import type { HistoryEntry } from '../../lib/profiles/history';

export type ReadLatest = (profileIds: readonly string[]) => Promise<Map<string, HistoryEntry>>;

const readDefault: ReadLatest = (ids) =>
  import('../../lib/profiles/history').then((m) => m.latestEntries(ids));

export class ProfileUsage {
  #read: ReadLatest;
  // Replaced whole on every read, never changed in place.
  #latest = $state.raw<Readonly<Record<string, HistoryEntry>>>({});

  /** @param read reads the newest entries (tests pass one over their own store). */
  constructor(read: ReadLatest = readDefault) {
    this.#read = read;
  }

  /** The profile's newest request, if it has one. */
  latest(profileId: string): HistoryEntry | undefined {
    return Object.hasOwn(this.#latest, profileId) ? this.#latest[profileId] : undefined;
  }

  /** Reads the newest entries of these profiles; a history that cannot be read shows none. */
  async load(profileIds: readonly string[]): Promise<void> {
    try {
      this.#latest = Object.fromEntries(await this.#read(profileIds));
    } catch {
      this.#latest = {};
    }
  }
}
