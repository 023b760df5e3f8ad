/**
 * Between the stored record and the Profile the app uses: the store's key layout, loading
 * (migrate, validate, open the keys) and building a record from a draft.
 */
import * as v from 'valibot';
import { cleanAllowList, normalizeBaseUrl } from './fields';
import { migrateRecord } from './migrations';
import {
  LearnedSchema,
  parseStoredProfile,
  SCHEMA_VERSION,
  type KeyState,
  type Learned,
  type Problem,
  type Profile,
  type ProfileDraft,
  type StoredProfile,
} from './schema';
import { openKeys, sealKeys, type MasterKey } from './vault-crypto';

export const PROFILE_PREFIX = 'profile:';
export const QUARANTINE_PREFIX = 'quarantine:';
export const VAULT_META_KEY = 'meta:vault';

export const profileKey = (id: string): string => `${PROFILE_PREFIX}${id}`;

/** The additional data a profile's sealed keys are bound to. */
export const sealContext = (id: string): string => `profile:${id}`;

/** The unlocked vault of this tab: its master key and the id of the vault it belongs to. */
export interface VaultSession {
  keyId: string;
  master: MasterKey;
}

export type Keys = { accountKey: string; userKey: string };

export type LoadResult =
  | { kind: 'ok'; record: StoredProfile; migrated: boolean }
  | { kind: 'newer'; version: number }
  | { kind: 'invalid'; problems: Problem[] };

/** Migrates and validates one raw record, without touching its keys. */
export function loadRecord(raw: unknown): LoadResult {
  const migration = migrateRecord(raw);
  if (migration.kind === 'newer') return migration;
  if (migration.kind === 'broken') return { kind: 'invalid', problems: migration.problems };
  const parsed = parseStoredProfile(migration.record);
  return parsed.ok
    ? { kind: 'ok', record: parsed.record, migrated: migration.migrated }
    : { kind: 'invalid', problems: parsed.problems };
}

/** The revision a raw record claims, 0 when absent or unreadable (a v1 record counts as 0). */
export function revisionOf(raw: unknown): number {
  const revision =
    typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['revision'] : 0;
  return typeof revision === 'number' ? revision : 0;
}

/**
 * The keys of a stored record: plain, opened with the session, or from this tab's memory.
 * `damaged` when sealed keys do not open although the vault is unlocked with the right key.
 */
export async function keysOf(
  record: StoredProfile,
  session: VaultSession | null,
  tabKeys: ReadonlyMap<string, Keys>,
  /** Opened keys by profile id and IV: list() then decrypts each record once per unlock. */
  cache?: Map<string, Keys>,
): Promise<{ state: KeyState; keys?: Keys } | { state: 'damaged' }> {
  if (record.keysInTabOnly) {
    const keys = tabKeys.get(record.id);
    return keys === undefined ? { state: 'tab-closed' } : { state: 'available', keys };
  }
  if (record.keys !== undefined) return { state: 'available', keys: record.keys };
  const sealed = record.sealedKeys;
  if (sealed === undefined) return { state: 'none' };
  if (session === null || session.keyId !== sealed.keyId) return { state: 'locked' };
  const cacheKey = `${record.id}:${sealed.iv}:${sealed.data.length}`;
  const keys =
    cache?.get(cacheKey) ?? (await openKeys(session.master, sealed, sealContext(record.id)));
  if (keys === null) return { state: 'damaged' };
  cache?.set(cacheKey, keys);
  return { state: 'available', keys };
}

/** A shallow copy of `object` without `keys` (rest destructuring would leave unused names). */
export function omit<T extends object, K extends keyof T>(object: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...object };
  for (const key of keys) delete copy[key];
  return copy;
}

/** The Profile for a stored record and its keys (empty strings when not available). */
export function toProfile(record: StoredProfile, state: KeyState, keys?: Keys): Profile {
  return {
    ...omit(record, 'schemaVersion', 'keys', 'sealedKeys'),
    accountKey: keys?.accountKey ?? '',
    userKey: keys?.userKey ?? '',
    keyState: state,
  };
}

/** Keys worth storing: none when both are empty (e.g. imported without keys). */
export function draftKeys(draft: ProfileDraft): Keys | undefined {
  return draft.accountKey === '' && draft.userKey === ''
    ? undefined
    : { accountKey: draft.accountKey, userKey: draft.userKey };
}

/**
 * The record for a draft, with keys placed by the rules: none for "this tab only", sealed when
 * the vault is on, plain otherwise. `revision`, `createdAt` and `learned` are set inside the
 * transaction from what is stored then (see repository.ts).
 */
export async function buildRecord(
  draft: ProfileDraft,
  id: string,
  now: string,
  session: VaultSession | null,
): Promise<StoredProfile> {
  const record: StoredProfile = {
    schemaVersion: SCHEMA_VERSION,
    id,
    name: draft.name.trim(),
    baseUrl: normalizeBaseUrl(draft.baseUrl ?? ''),
    notes: draft.notes ?? '',
    createdAt: now,
    updatedAt: now,
    revision: 1,
    keysInTabOnly: draft.keysInTabOnly ?? false,
  };
  const keyName = draft.keyName?.trim() ?? '';
  if (keyName !== '') record.keyName = keyName;
  const allowList = cleanAllowList(draft.allowList ?? []);
  if (allowList.length > 0) record.allowList = allowList;
  if (draft.learned !== undefined) record.learned = draft.learned;
  const keys = draftKeys(draft);
  return keys !== undefined && !record.keysInTabOnly ? placeKeys(record, keys, session) : record;
}

/**
 * `record` holding `keys` the way the vault wants them now: sealed with the session when there
 * is one, plain otherwise. The caller makes sure the vault is off when `session` is null.
 */
export async function placeKeys(
  record: StoredProfile,
  keys: Keys,
  session: VaultSession | null,
): Promise<StoredProfile> {
  const rest = omit(record, 'keys', 'sealedKeys');
  if (session === null) return { ...rest, keys };
  const box = await sealKeys(session.master, keys, sealContext(record.id));
  return { ...rest, sealedKeys: { keyId: session.keyId, ...box } };
}

/** What an existing record keeps through a save: when it was made and what it learned. */
export function carryOver(record: StoredProfile, current: unknown, isNew: boolean): StoredProfile {
  const next = { ...record, revision: revisionOf(current) + 1 };
  if (isNew || typeof current !== 'object' || current === null) return next;
  const old = current as Record<string, unknown>;
  if (typeof old['createdAt'] === 'string') next.createdAt = old['createdAt'];
  delete next.learned;
  const learned = old['learned'];
  if (v.is(LearnedSchema, learned)) next.learned = learned as Learned;
  return next;
}
