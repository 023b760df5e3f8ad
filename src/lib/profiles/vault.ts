/**
 * Optional encryption at rest: a passphrase locks both keys of every stored profile. The vault
 * record (`meta:vault`) holds the PBKDF2 salt and iteration count and a check value that only
 * the right passphrase opens. Enabling, changing and disabling rewrite every record in one
 * transaction, after everything has been encrypted in memory: on any failure nothing changes.
 */
import * as v from 'valibot';
import type { Guarded, KvBackend } from './backend';
import { quarantineEntry } from './quarantine';
import { changeAside } from './vault-aside';
import {
  loadRecord,
  omit,
  PROFILE_PREFIX,
  QUARANTINE_PREFIX,
  sealContext,
  VAULT_META_KEY,
  type Keys,
  type VaultSession,
} from './records';
import { SealedBoxSchema, type StoredProfile } from './schema';
import {
  deriveMasterKey,
  fromBase64,
  makeCheck,
  openKeys,
  passphraseProblem,
  randomBytes,
  sealKeys,
  toBase64,
  verifyCheck,
  type MasterKey,
} from './vault-crypto';

/** `off`: keys stored in plain text; `locked`: encrypted, passphrase not given in this tab. */
export type VaultStatus = 'off' | 'locked' | 'unlocked';

export type VaultResult =
  | {
      ok: true;
      /**
       * Profile records written by a newer Keycheck, left exactly as they were: their keys did
       * not get the change (they may still be plain text). Present only when there are some.
       */
      newerRecords?: number;
      /** A sentence for a person about `newerRecords`, for the UI to show as a warning. */
      warning?: string;
    }
  | {
      ok: false;
      kind:
        | 'weak-passphrase'
        | 'wrong-passphrase'
        | 'already-on'
        | 'off'
        | 'damaged'
        | 'changed'
        | 'storage';
      /** A sentence for a person; never holds a passphrase or a key. */
      message: string;
    };

const VaultMetaSchema = v.object({
  version: v.literal(1),
  keyId: v.string(),
  kdf: v.literal('PBKDF2-SHA-256'),
  iterations: v.pipe(v.number(), v.integer(), v.minValue(1)),
  salt: v.string(),
  check: SealedBoxSchema,
  createdAt: v.string(),
});
export type VaultMeta = v.InferOutput<typeof VaultMetaSchema>;

/** The vault record, or null when the vault is off (or the record is unreadable). */
export function readVaultMeta(raw: unknown): VaultMeta | null {
  const parsed = v.safeParse(VaultMetaSchema, raw);
  return parsed.success ? parsed.output : null;
}

/** What the vault operations need from the repository. */
export interface VaultContext {
  backend: KvBackend;
  iterations: number;
  now(): string;
  newId(): string;
  /** Loads everything once (migrating, quarantining) so only valid records are rewritten. */
  refresh(): Promise<void>;
  /** Runs a write without throwing. */
  guard<R>(write: () => Promise<R>): Promise<Guarded<R>>;
}

const fail = (kind: Exclude<VaultResult, { ok: true }>['kind'], message: string): VaultResult => ({
  ok: false,
  kind,
  message,
});
const WRONG = fail(
  'wrong-passphrase',
  'That passphrase is not the right one. Nothing was changed.',
);
const CHANGED = fail(
  'changed',
  'Profiles changed in another tab meanwhile. Nothing was changed; try again.',
);
const STORAGE = fail('storage', 'The browser refused to store the change. Nothing was changed.');

/** Derives the master key of `meta` and checks it; null when the passphrase is wrong. */
export async function unlockMeta(
  meta: VaultMeta,
  passphrase: string,
): Promise<VaultSession | null> {
  const master = await deriveMasterKey(passphrase, fromBase64(meta.salt), meta.iterations);
  return (await verifyCheck(master, meta.check, meta.keyId)) ? { keyId: meta.keyId, master } : null;
}

async function newMeta(
  ctx: VaultContext,
  passphrase: string,
): Promise<{ meta: VaultMeta; session: VaultSession }> {
  const salt = randomBytes(16);
  const keyId = ctx.newId();
  const master = await deriveMasterKey(passphrase, salt, ctx.iterations);
  const meta: VaultMeta = {
    version: 1,
    keyId,
    kdf: 'PBKDF2-SHA-256',
    iterations: ctx.iterations,
    salt: toBase64(salt),
    check: await makeCheck(master, keyId),
    createdAt: ctx.now(),
  };
  return { meta, session: { keyId, master } };
}

function newerWarning(count: number): string {
  const records = count === 1 ? '1 profile was' : `${count} profiles were`;
  return `${records} saved by a newer version of Keycheck and left unchanged: their keys did not get this change (they may still be stored in plain text, or encrypted with an earlier passphrase). Open Keycheck in its newer version to update them.`;
}

/**
 * Rewrites every valid profile record's keys with `transform`, then commits them with
 * `metaAfter` (null deletes the vault record), all in one transaction that first checks that
 * neither the vault record nor any entry rewritten changed since they were read. Records kept
 * aside (quarantined, or failing validation) lose no key: with the vault on afterwards their
 * plain keys are sealed with it and only fingerprints stay in view (see `changeAside`); with
 * it off afterwards they come back as they were. Records from a newer Keycheck are left alone
 * and counted in the result.
 */
async function rewriteAll(
  ctx: VaultContext,
  metaBefore: VaultMeta | null,
  metaAfter: VaultMeta | null,
  transform: (record: StoredProfile, keys: Keys) => Promise<StoredProfile>,
  oldMaster: MasterKey | null,
  nextSession: VaultSession | null,
): Promise<VaultResult> {
  await ctx.refresh();
  const puts: (readonly [string, unknown])[] = [];
  const deletes: string[] = [];
  const snapshots = new Map<string, string>();
  const at = ctx.now();
  const old =
    metaBefore !== null && oldMaster !== null
      ? { keyId: metaBefore.keyId, master: oldMaster }
      : null;
  const damagedAside = fail(
    'damaged',
    'A record kept aside could not be decrypted. Nothing was changed.',
  );
  let newer = 0;
  for (const [key, raw] of await ctx.backend.entries()) {
    if (key.startsWith(QUARANTINE_PREFIX)) {
      const entry = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
      const change = await changeAside(key, entry, old, nextSession);
      if (change.kind === 'damaged') return damagedAside;
      if (change.kind === 'unchanged') continue;
      snapshots.set(key, JSON.stringify(raw));
      puts.push([key, change.entry]);
      continue;
    }
    if (!key.startsWith(PROFILE_PREFIX)) continue;
    const loaded = loadRecord(raw);
    if (loaded.kind === 'newer') newer += 1;
    if (loaded.kind === 'invalid' && nextSession !== null) {
      // Normally already moved aside by refresh(); if it is still here, move it aside now.
      const [asideKey, entry] = quarantineEntry(key, raw, loaded.problems, at);
      const change = await changeAside(asideKey, { ...entry }, null, nextSession);
      if (change.kind !== 'put') continue;
      snapshots.set(key, JSON.stringify(raw));
      puts.push([asideKey, change.entry]);
      deletes.push(key);
    }
    if (loaded.kind !== 'ok') continue;
    const record = loaded.record;
    let keys: Keys | null = record.keys ?? null;
    if (record.sealedKeys !== undefined) {
      // With no vault before (enabling), a stray sealed record is left as it is.
      if (oldMaster === null) continue;
      keys = await openKeys(oldMaster, record.sealedKeys, sealContext(record.id));
      if (keys === null) {
        return fail(
          'damaged',
          `The keys of "${record.name}" could not be decrypted. Nothing was changed.`,
        );
      }
    }
    if (keys === null) continue;
    snapshots.set(key, JSON.stringify(raw));
    puts.push([key, await transform(record, keys)]);
  }
  const before = JSON.stringify(metaBefore ?? undefined);
  const outcome = await ctx.guard(() =>
    ctx.backend.transact([VAULT_META_KEY, ...snapshots.keys()], (current) => {
      const unchanged =
        JSON.stringify(readVaultMeta(current.get(VAULT_META_KEY)) ?? undefined) === before &&
        [...snapshots].every(([key, snapshot]) => JSON.stringify(current.get(key)) === snapshot);
      if (!unchanged) return { result: false };
      return metaAfter === null
        ? { puts, deletes: [...deletes, VAULT_META_KEY], result: true }
        : { puts: [...puts, [VAULT_META_KEY, metaAfter] as const], deletes, result: true };
    }),
  );
  if (!outcome.ok) return STORAGE;
  if (!outcome.value) return CHANGED;
  return newer === 0
    ? { ok: true }
    : { ok: true, newerRecords: newer, warning: newerWarning(newer) };
}

function sealWith(session: VaultSession) {
  return async (record: StoredProfile, keys: Keys): Promise<StoredProfile> => {
    const rest = omit(record, 'keys', 'sealedKeys');
    const box = await sealKeys(session.master, keys, sealContext(record.id));
    return { ...rest, sealedKeys: { keyId: session.keyId, ...box } };
  };
}

async function plainRecord(record: StoredProfile, keys: Keys): Promise<StoredProfile> {
  return { ...omit(record, 'keys', 'sealedKeys'), keys };
}

/** Turns the vault on; the tab is unlocked afterwards. Returns the new session on success. */
export async function enableVault(
  ctx: VaultContext,
  passphrase: string,
): Promise<{ result: VaultResult; session?: VaultSession }> {
  const weak = passphraseProblem(passphrase);
  if (weak !== null) return { result: fail('weak-passphrase', weak) };
  if (readVaultMeta(await ctx.backend.get(VAULT_META_KEY)) !== null) {
    return { result: fail('already-on', 'Encryption is already on.') };
  }
  const { meta, session } = await newMeta(ctx, passphrase);
  const result = await rewriteAll(ctx, null, meta, sealWith(session), null, session);
  return result.ok ? { result, session } : { result };
}

/** Re-encrypts everything under a new passphrase; the old one stops working. */
export async function changeVaultPassphrase(
  ctx: VaultContext,
  oldPassphrase: string,
  newPassphrase: string,
): Promise<{ result: VaultResult; session?: VaultSession }> {
  const meta = readVaultMeta(await ctx.backend.get(VAULT_META_KEY));
  if (meta === null) return { result: fail('off', 'Encryption is off.') };
  const weak = passphraseProblem(newPassphrase);
  if (weak !== null) return { result: fail('weak-passphrase', weak) };
  const old = await unlockMeta(meta, oldPassphrase);
  if (old === null) return { result: WRONG };
  const next = await newMeta(ctx, newPassphrase);
  const result = await rewriteAll(
    ctx,
    meta,
    next.meta,
    sealWith(next.session),
    old.master,
    next.session,
  );
  return result.ok ? { result, session: next.session } : { result };
}

/** Decrypts every record back to plain storage and removes the vault record. */
export async function disableVault(ctx: VaultContext, passphrase: string): Promise<VaultResult> {
  const meta = readVaultMeta(await ctx.backend.get(VAULT_META_KEY));
  if (meta === null) return fail('off', 'Encryption is off.');
  const session = await unlockMeta(meta, passphrase);
  if (session === null) return WRONG;
  return rewriteAll(ctx, meta, null, plainRecord, session.master, null);
}

export { WRONG as WRONG_PASSPHRASE };
