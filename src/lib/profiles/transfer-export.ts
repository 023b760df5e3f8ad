/**
 * Export files: a versioned JSON list of profiles. Keys are left out unless asked for, and
 * then only sealed with an export passphrase (the vault's primitives: PBKDF2 once, then a
 * fresh salt and IV per profile).
 */
import type { Learned, Profile, SealedBox } from './schema';
import {
  DEFAULT_ITERATIONS,
  deriveMasterKey,
  makeCheck,
  passphraseProblem,
  randomBytes,
  sealKeys,
  toBase64,
} from './vault-crypto';

export const EXPORT_FORMAT = 'keycheck-profiles';
/** 2: each entry's sealed keys are bound to its id and name (version 1 files are still read). */
export const EXPORT_VERSION = 2;

/**
 * One profile in an export file. No revision: an import always makes new profiles. The id is
 * there only so the sealed keys are bound to this entry (see `entryContext`).
 */
export interface ExportedProfile {
  id: string;
  name: string;
  baseUrl: string;
  keyName?: string;
  allowList?: string[];
  notes: string;
  keysInTabOnly: boolean;
  createdAt: string;
  updatedAt: string;
  learned?: Learned;
  /** Both keys, sealed with the export passphrase; only when the file includes keys. */
  sealedKeys?: SealedBox;
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  /** Present when the file includes keys: how to derive the key, and a passphrase check. */
  encryption?: {
    kdf: 'PBKDF2-SHA-256';
    iterations: number;
    salt: string;
    check: SealedBox;
  };
  profiles: ExportedProfile[];
}

export type ExportOptions =
  { includeKeys?: false } | { includeKeys: true; passphrase: string; iterations?: number };

export type ExportResult =
  | {
      ok: true;
      json: string;
      /** Names of profiles exported without keys although keys were asked for. */
      keysLeftOut: string[];
    }
  | { ok: false; kind: 'weak-passphrase'; message: string };

/** The additional data of the passphrase check, and of every sealed entry of version 1. */
export const EXPORT_CONTEXT = 'keycheck-export';

/**
 * The additional data an entry's sealed keys are bound to: its id, name and base URL. Keys
 * swapped between entries, or an entry renamed or pointed elsewhere in the file, no longer open
 * (AES-GCM checks the additional data), so an edited file cannot send a key where it was not.
 */
export function entryContext(entry: {
  id: string;
  name: string;
  baseUrl?: string | undefined;
}): string {
  return JSON.stringify([EXPORT_CONTEXT, entry.id, entry.name, entry.baseUrl ?? '']);
}

/** Only the fields listed here leave the app; a Profile is never spread into the file. */
function exported(profile: Profile): ExportedProfile {
  const entry: ExportedProfile = {
    id: profile.id,
    name: profile.name,
    baseUrl: profile.baseUrl,
    notes: profile.notes,
    keysInTabOnly: profile.keysInTabOnly,
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
  };
  if (profile.keyName !== undefined) entry.keyName = profile.keyName;
  if (profile.allowList !== undefined) entry.allowList = [...profile.allowList];
  if (profile.learned !== undefined) entry.learned = structuredClone(profile.learned);
  return entry;
}

/**
 * The profiles as an export file. Without `includeKeys` no key value is in it. With it, each
 * profile's keys are sealed with `passphrase`; profiles whose keys are not at hand (locked,
 * or "this tab only": that choice means never written anywhere) go without and are named in
 * `keysLeftOut`.
 */
export async function exportProfiles(
  profiles: readonly Profile[],
  options: ExportOptions = {},
  now: Date = new Date(),
): Promise<ExportResult> {
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    profiles: profiles.map(exported),
  };
  const keysLeftOut: string[] = [];
  if (options.includeKeys === true) {
    const weak = passphraseProblem(options.passphrase);
    if (weak !== null) return { ok: false, kind: 'weak-passphrase', message: weak };
    const salt = randomBytes(16);
    const iterations = options.iterations ?? DEFAULT_ITERATIONS;
    const master = await deriveMasterKey(options.passphrase, salt, iterations);
    file.encryption = {
      kdf: 'PBKDF2-SHA-256',
      iterations,
      salt: toBase64(salt),
      check: await makeCheck(master, EXPORT_CONTEXT),
    };
    for (const [index, profile] of profiles.entries()) {
      const entry = file.profiles[index] as ExportedProfile;
      if (profile.keysInTabOnly || profile.keyState !== 'available') {
        keysLeftOut.push(profile.name);
        continue;
      }
      const keys = { accountKey: profile.accountKey, userKey: profile.userKey };
      entry.sealedKeys = await sealKeys(master, keys, entryContext(entry));
    }
  }
  return { ok: true, json: JSON.stringify(file, null, 2), keysLeftOut };
}
