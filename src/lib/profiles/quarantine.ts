/**
 * Records that fail validation when loaded are moved aside, never dropped: kept in the same
 * store under `quarantine:`, listed with what is wrong, and exportable. Only the person deletes
 * one, explicitly.
 */
import { wholeValueMarker } from '../secrets';
import { QUARANTINE_PREFIX } from './records';
import type { Problem } from './schema';

/** One record kept aside. */
export interface QuarantinedRecord {
  /** Its key under `quarantine:` in the store; pass it to `deleteQuarantined`. */
  key: string;
  /** Where it was before, e.g. `profile:<id>`. */
  originalKey: string;
  /** ISO 8601 time it was moved aside. */
  quarantinedAt: string;
  problems: Problem[];
  /** The record exactly as it was found. It may hold keys: never show it as is. */
  record: unknown;
  /** The record's `name` when it has a readable one, to help a person recognise it. */
  name?: string;
}

/** The store entry for a record moved aside now. */
export function quarantineEntry(
  originalKey: string,
  record: unknown,
  problems: Problem[],
  at: string,
): readonly [string, Omit<QuarantinedRecord, 'key' | 'name'>] {
  const key = `${QUARANTINE_PREFIX}${at}:${originalKey}`;
  return [key, { originalKey, quarantinedAt: at, problems, record }];
}

/** Reads a quarantine entry back; entries are written by this module, so a loose check does. */
export function readQuarantined(key: string, value: unknown): QuarantinedRecord {
  const entry = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const record = entry['record'];
  const name =
    typeof record === 'object' && record !== null
      ? (record as Record<string, unknown>)['name']
      : undefined;
  const result: QuarantinedRecord = {
    key,
    originalKey: typeof entry['originalKey'] === 'string' ? entry['originalKey'] : key,
    quarantinedAt: typeof entry['quarantinedAt'] === 'string' ? entry['quarantinedAt'] : '',
    problems: Array.isArray(entry['problems']) ? (entry['problems'] as Problem[]) : [],
    record,
  };
  if (typeof name === 'string') result.name = name;
  return result;
}

/** Field names that hold a key in any schema version (v1 called the user key `secretKey`). */
const SECRET_FIELD = /^(accountKey|userKey|secretKey|apiKey|api[-_]?secret|keys)$/i;

/** What stands in for a key: the app's one marker, with its fingerprint. Removed stays removed. */
async function removed(value: string): Promise<string> {
  return REMOVED.test(value) ? value : wholeValueMarker(value);
}
// `[removed: ...]` is what earlier versions wrote.
const REMOVED = /^\[(?:removed(?:: [^\]]*)?|redacted [^\]]*)\]$/;

/**
 * A copy of `value` in which every secret field holds only its fingerprint. Sealed keys are
 * kept: they are ciphertext, and the only way to get them back with the passphrase.
 */
export async function redact(value: unknown): Promise<unknown> {
  if (Array.isArray(value)) return Promise.all(value.map(redact));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [field, inner] of Object.entries(value)) {
    if (!SECRET_FIELD.test(field)) out[field] = await redact(inner);
    else if (typeof inner === 'string') {
      out[field] = await removed(inner);
    } else if (typeof inner === 'object' && inner !== null) {
      const fields = await Promise.all(
        Object.entries(inner).map(async ([k, v]) => [
          k,
          typeof v === 'string' ? await removed(v) : '[removed]',
        ]),
      );
      out[field] = Object.fromEntries(fields);
    } else out[field] = '[removed]';
  }
  return out;
}

/**
 * The quarantined records as a JSON file a person can read or send to support. Key values are
 * replaced by their fingerprints (so the keys can still be recognised); the rest is as found.
 */
export async function exportQuarantine(
  records: readonly QuarantinedRecord[],
  exportedAt: string,
): Promise<string> {
  const items = await Promise.all(
    records.map(async (r) => ({
      originalKey: r.originalKey,
      quarantinedAt: r.quarantinedAt,
      problems: r.problems,
      record: await redact(r.record),
    })),
  );
  return JSON.stringify(
    { format: 'keycheck-quarantine', version: 1, exportedAt, records: items },
    null,
    2,
  );
}
