/**
 * Schema versions of the stored record and the steps between them. A record carries its own
 * `schemaVersion` (none means 1), so a record written by an older build in another tab is
 * still read, and migration happens record by record when loaded.
 *
 * Version 1 (the first release) stored:
 *   { id, name, accountKey, secretKey, baseUrl?, allowList?: string, notes?, createdAt, updatedAt }
 * - `secretKey`: the docs' older name for the user key;
 * - `allowList`: one comma-separated string as typed;
 * - no `revision` (no conflict detection), no "this tab only", no vault, no `learned`.
 */
import { cleanAllowList, DEFAULT_BASE_URL, parseAllowListText } from './fields';
import { SCHEMA_VERSION, type Problem } from './schema';

type RawRecord = Record<string, unknown>;

/** v1 -> v2: `secretKey` becomes `userKey` (the docs renamed it); keys move under `keys`. */
function v1ToV2(old: RawRecord): RawRecord {
  const { accountKey, secretKey, allowList, baseUrl, notes, ...rest } = old;
  const next: RawRecord = {
    ...rest,
    schemaVersion: 2,
    baseUrl: typeof baseUrl === 'string' && baseUrl.trim() !== '' ? baseUrl : DEFAULT_BASE_URL,
    notes: notes ?? '',
    revision: 1,
    keysInTabOnly: false,
  };
  const account = typeof accountKey === 'string' ? accountKey : '';
  const user = typeof secretKey === 'string' ? secretKey : '';
  if (account !== '' || user !== '') next['keys'] = { accountKey: account, userKey: user };
  if (typeof allowList === 'string') {
    const entries = cleanAllowList(parseAllowListText(allowList));
    if (entries.length > 0) next['allowList'] = entries;
  } else if (allowList !== undefined) {
    // Not a v1 shape: keep it so validation reports it and the record goes to quarantine.
    next['allowList'] = allowList;
  }
  return next;
}

/** MIGRATIONS[n] turns a version-n record into a version n+1 record. */
const MIGRATIONS: Readonly<Record<number, (old: RawRecord) => RawRecord>> = { 1: v1ToV2 };

/** The schema version a raw record claims: its `schemaVersion`, or 1 when it has none. */
export function versionOf(raw: RawRecord): number | null {
  const version = raw['schemaVersion'];
  if (version === undefined) return 1;
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : null;
}

export type MigrationResult =
  | { kind: 'current'; record: RawRecord; migrated: boolean }
  | { kind: 'newer'; version: number }
  | { kind: 'broken'; problems: Problem[] };

/**
 * Brings a raw record up to SCHEMA_VERSION (it still has to be validated). A record from a
 * newer build is left alone (`newer`): quarantining it would hide it from that build.
 */
export function migrateRecord(raw: unknown): MigrationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { kind: 'broken', problems: [{ field: 'record', message: 'Not a profile record.' }] };
  }
  let record = raw as RawRecord;
  const from = versionOf(record);
  if (from === null) {
    return {
      kind: 'broken',
      problems: [{ field: 'schemaVersion', message: 'Not a known schema version.' }],
    };
  }
  if (from > SCHEMA_VERSION) return { kind: 'newer', version: from };
  for (let version = from; version < SCHEMA_VERSION; version += 1) {
    const step = MIGRATIONS[version];
    if (step === undefined) {
      const message = `No migration from schema version ${version}.`;
      return { kind: 'broken', problems: [{ field: 'schemaVersion', message }] };
    }
    record = step(record);
  }
  return { kind: 'current', record, migrated: from !== SCHEMA_VERSION };
}
