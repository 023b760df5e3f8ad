/**
 * Turning every stored entry into profiles, quarantined records and the repairs to write:
 * migrated records to write back, failing records to move aside.
 */
import { quarantineEntry, readQuarantined, type QuarantinedRecord } from './quarantine';
import {
  keysOf,
  loadRecord,
  placeKeys,
  PROFILE_PREFIX,
  QUARANTINE_PREFIX,
  toProfile,
  type Keys,
  type VaultSession,
} from './records';
import type { Problem, Profile, StoredProfile } from './schema';

/** A write to make only if the record at `key` still equals `seen`. */
export interface Repair {
  key: string;
  seen: unknown;
  put: readonly [string, unknown];
}

export interface Loaded {
  profiles: Profile[];
  quarantined: QuarantinedRecord[];
  newerRecords: number;
  repairs: Repair[];
}

const DAMAGED: Problem[] = [
  {
    field: 'sealedKeys',
    message: 'The encrypted keys do not decrypt with this vault: they are damaged.',
  },
];

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Sorts by name the way a person reads a list (case-insensitive, "Prod 2" before "Prod 10"). */
export function byName(a: { name: string }, b: { name: string }): number {
  return collator.compare(a.name, b.name);
}

/**
 * What to write back for a migrated record. Old records hold plain keys: with the vault on they
 * are sealed with this tab's session, and while it is locked nothing is written (the old record
 * stays and is migrated again next load), so plain keys are never written while the vault is on.
 */
async function migratedWrite(
  record: StoredProfile,
  vaultOn: boolean,
  session: VaultSession | null,
): Promise<StoredProfile | null> {
  if (!vaultOn || record.keys === undefined) return record;
  return session === null ? null : placeKeys(record, record.keys, session);
}

export async function loadAll(
  entries: readonly (readonly [string, unknown])[],
  /** Whether the vault is on (a vault record exists), unlocked in this tab or not. */
  vaultOn: boolean,
  session: VaultSession | null,
  tabKeys: ReadonlyMap<string, Keys>,
  cache: Map<string, Keys>,
  at: string,
): Promise<Loaded> {
  const out: Loaded = { profiles: [], quarantined: [], newerRecords: 0, repairs: [] };
  const moveAside = (key: string, raw: unknown, problems: Problem[]): void => {
    const entry = quarantineEntry(key, raw, problems, at);
    out.repairs.push({ key, seen: raw, put: entry });
    out.quarantined.push(readQuarantined(entry[0], entry[1]));
  };
  for (const [key, raw] of entries) {
    if (key.startsWith(QUARANTINE_PREFIX)) out.quarantined.push(readQuarantined(key, raw));
    if (!key.startsWith(PROFILE_PREFIX)) continue;
    const loaded = loadRecord(raw);
    if (loaded.kind === 'newer') {
      out.newerRecords += 1;
    } else if (loaded.kind === 'invalid') {
      moveAside(key, raw, loaded.problems);
    } else {
      const opened = await keysOf(loaded.record, session, tabKeys, cache);
      if (opened.state === 'damaged') {
        moveAside(key, raw, DAMAGED);
        continue;
      }
      if (loaded.migrated) {
        const put = await migratedWrite(loaded.record, vaultOn, session);
        if (put !== null) out.repairs.push({ key, seen: raw, put: [key, put] });
      }
      out.profiles.push(toProfile(loaded.record, opened.state, opened.keys));
    }
  }
  out.profiles.sort(byName);
  out.quarantined.sort((a, b) => a.quarantinedAt.localeCompare(b.quarantinedAt));
  return out;
}
