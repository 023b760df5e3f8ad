/**
 * The profiles repository: the only module that reads and writes the store. Every write runs
 * in one transaction that checks what it read (revisions, the vault record), so two tabs never
 * lose an update silently. Loading migrates and validates every record; one that fails is moved
 * to quarantine. Keys of "this tab only" profiles live in this object, never in the store.
 */
import type { UseStore } from 'idb-keyval';
import { guarded, memoryBackend, type KvBackend } from './backend';
import { uniqueName } from './fields';
import { loadAll, type Repair } from './loading';
import { exportQuarantine } from './quarantine';
import {
  buildRecord,
  draftKeys,
  keysOf,
  loadRecord,
  omit,
  PROFILE_PREFIX,
  profileKey,
} from './records';
import { QUARANTINE_PREFIX, revisionOf, toProfile, VAULT_META_KEY, type Keys } from './records';
import { conflictMessage, LOCKED_MESSAGE, NOT_FOUND_MESSAGE, storageFailure } from './results';
import { VAULT_CHANGED_MESSAGE } from './results';
import type { DeletedProfile, DeleteResult, ProfileListing, SaveOptions } from './results';
import type { SaveManyResult, SaveResult, StorageStatus } from './results';
import { restorableRecord } from './restore-record';
import { planSave } from './save-plan';
import { validateProfileDraft, type Learned, type Profile, type ProfileDraft } from './schema';
import { createProfileSync, type ProfileChange, type ProfileSync } from './sync';
import { readVaultMeta } from './vault';
import { VaultAccess } from './vault-access';
import { DEFAULT_ITERATIONS } from './vault-crypto';

export interface RepositoryOptions {
  /** The idb-keyval store; default `createStore('keycheck', 'profiles')`. */
  store?: UseStore;
  /** Cross-tab announcements; default BroadcastChannel 'keycheck-profiles'; null for none. */
  sync?: ProfileSync | null;
  now?: () => Date;
  newId?: () => string;
  /** PBKDF2 iterations for a new vault passphrase (default 600,000; tests pass fewer). */
  vaultIterations?: number;
  /** How long opening IndexedDB may take before the memory fallback is used (ms). */
  probeTimeoutMs?: number;
}

export class ProfileRepository {
  #backend: KvBackend;
  #status: StorageStatus;
  #tabKeys = new Map<string, Keys>();
  #sync: ProfileSync | null;
  #now: () => Date;
  #newId: () => string;
  /** Encryption at rest: status, enable, unlock, lock, change passphrase, disable. */
  readonly vault: VaultAccess;

  constructor(backend: KvBackend, status: StorageStatus, options: RepositoryOptions = {}) {
    this.#backend = backend;
    this.#status = status;
    this.#sync = options.sync === undefined ? createProfileSync() : options.sync;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? (() => crypto.randomUUID());
    this.vault = new VaultAccess({
      backend: () => this.#backend,
      iterations: options.vaultIterations ?? DEFAULT_ITERATIONS,
      now: () => this.#now().toISOString(),
      newId: this.#newId,
      refresh: async () => void (await this.list()),
      announce: () => this.#sync?.announce([{ kind: 'vault' }]),
    });
  }

  /** Whether anything is kept after the tab closes, and if not, why. */
  get storage(): StorageStatus {
    return { ...this.#status };
  }

  /** Calls `listener` when another tab changed profiles; the caller then reloads with `list()`. */
  onRemoteChange(listener: (changes: ProfileChange[]) => void): () => void {
    return this.#sync?.subscribe(listener) ?? (() => undefined);
  }

  /**
   * Loads every record in one read: migrates old ones (and writes them back), validates each,
   * opens keys with the vault session, and moves records that fail into quarantine.
   */
  async list(): Promise<ProfileListing> {
    const all = await this.#backend.entries();
    const meta = readVaultMeta(all.find(([key]) => key === VAULT_META_KEY)?.[1]);
    this.vault.reconcile(meta);
    const at = this.#now().toISOString();
    const { session, cache } = this.vault;
    const loaded = await loadAll(all, meta !== null, session, this.#tabKeys, cache, at);
    if (loaded.repairs.length > 0) await this.#repair(loaded.repairs, meta?.keyId ?? null);
    const { profiles, quarantined, newerRecords } = loaded;
    return { profiles, quarantined, newerRecords, vault: this.vault.status(meta) };
  }

  /** One profile, or undefined when absent or not valid (`list()` moves those aside). */
  async get(id: string): Promise<Profile | undefined> {
    return this.#decode(await this.#backend.get(profileKey(id)));
  }

  /** Saves one draft; see `saveMany`. */
  async save(draft: ProfileDraft, options: SaveOptions = {}): Promise<SaveResult> {
    const result = await this.saveMany([draft], options);
    return result.ok ? { ok: true, profile: result.profiles[0] as Profile } : result;
  }

  /**
   * Saves drafts all together or not at all. A draft with an `id` updates that profile only if
   * its `revision` is still the stored one, else `conflict` carrying the stored version (null
   * when deleted meanwhile). `learned` and `createdAt` of an existing profile are kept. With the
   * vault on and locked, only "this tab only" drafts can be saved. Drafts are never modified:
   * on any failure the form still holds everything typed.
   */
  async saveMany(
    drafts: readonly ProfileDraft[],
    options: SaveOptions = {},
  ): Promise<SaveManyResult> {
    const names = await this.#names();
    for (const [index, draft] of drafts.entries()) {
      const batch = drafts.map((d, i) => ({ id: d.id ?? `#${i}`, name: d.name }));
      const existing = [...names, ...batch.filter((_, i) => i !== index)];
      const requireKeys = options.requireKeys ?? true;
      const errors = validateProfileDraft(draft, { existing, requireKeys });
      if (Object.keys(errors).length > 0) return { ok: false, kind: 'invalid', errors, index };
    }
    const meta = readVaultMeta(await this.#backend.get(VAULT_META_KEY));
    this.vault.reconcile(meta);
    const session = this.vault.session;
    if (meta !== null && session === null && drafts.some((d) => d.keysInTabOnly !== true)) {
      return { ok: false, kind: 'locked', message: LOCKED_MESSAGE };
    }
    const now = this.#now().toISOString();
    const records = await Promise.all(
      drafts.map((d) => buildRecord(d, d.id ?? this.#newId(), now, session)),
    );
    const keys = records.map((r) => profileKey(r.id));
    const plan = planSave(
      drafts,
      records,
      keys,
      session?.keyId ?? null,
      options.overwrite ?? false,
    );
    const written = await guarded(() => this.#backend.transact([VAULT_META_KEY, ...keys], plan));
    if (!written.ok) return storageFailure(written.reason);
    const outcome = written.value;
    if (outcome === 'vault-changed') {
      return { ok: false, kind: 'vault-changed', message: VAULT_CHANGED_MESSAGE };
    }
    if (typeof outcome === 'number') {
      const stored = (await this.get(records[outcome]?.id ?? '')) ?? null;
      const message = conflictMessage(stored);
      return { ok: false, kind: 'conflict', stored, index: outcome, message };
    }
    const profiles = outcome.map((record, index) => {
      const keys = draftKeys(drafts[index] as ProfileDraft);
      if (record.keysInTabOnly && keys !== undefined) this.#tabKeys.set(record.id, keys);
      else this.#tabKeys.delete(record.id);
      const state = keys !== undefined ? 'available' : record.keysInTabOnly ? 'tab-closed' : 'none';
      return toProfile(record, state, keys);
    });
    this.#sync?.announce(profiles.map((p) => ({ kind: 'saved', id: p.id, revision: p.revision })));
    return { ok: true, profiles };
  }

  /** Removes a profile and returns what it was, so the caller can offer undo (`restore`). */
  async delete(id: string): Promise<DeleteResult> {
    const key = profileKey(id);
    const result = await guarded(() =>
      this.#backend.transact([key], (current) => {
        const raw = current.get(key);
        return raw === undefined ? { result: undefined } : { deletes: [key], result: raw };
      }),
    );
    if (!result.ok) return storageFailure(result.reason);
    const profile = await this.#decode(result.value);
    if (profile === undefined) return { ok: false, kind: 'not-found', message: NOT_FOUND_MESSAGE };
    const deleted: DeletedProfile = { profile, record: result.value };
    const tabKeys = this.#tabKeys.get(id);
    if (tabKeys !== undefined) deleted.tabKeys = tabKeys;
    this.#tabKeys.delete(id);
    this.#sync?.announce([{ kind: 'deleted', id }]);
    return { ok: true, deleted };
  }

  /**
   * Puts a deleted profile back as it was (undo), its keys placed for the vault as it is now:
   * sealed if the vault was turned on or re-keyed meanwhile, plain if it was turned off. `locked`
   * when the keys would have to be sealed but this tab is locked; a conflict if the id is in use.
   */
  async restore(deleted: DeletedProfile): Promise<SaveResult> {
    const { id } = deleted.profile;
    const key = profileKey(id);
    const meta = readVaultMeta(await this.#backend.get(VAULT_META_KEY));
    this.vault.reconcile(meta);
    const record = await restorableRecord(deleted, meta?.keyId ?? null, this.vault.session);
    if ('ok' in record) return record;
    const done = await guarded(() =>
      this.#backend.transact([VAULT_META_KEY, key], (current) => {
        if ((readVaultMeta(current.get(VAULT_META_KEY))?.keyId ?? null) !== (meta?.keyId ?? null))
          return { result: 'vault-changed' as const };
        if (current.get(key) !== undefined) return { result: 'conflict' as const };
        return { puts: [[key, record.value]], result: 'ok' as const };
      }),
    );
    if (!done.ok) return storageFailure(done.reason);
    if (done.value === 'vault-changed') {
      return { ok: false, kind: 'vault-changed', message: VAULT_CHANGED_MESSAGE };
    }
    if (done.value === 'conflict') {
      const stored = (await this.get(id)) ?? null;
      return { ok: false, kind: 'conflict', stored, index: 0, message: conflictMessage(stored) };
    }
    if (deleted.tabKeys !== undefined) this.#tabKeys.set(id, deleted.tabKeys);
    this.#sync?.announce([{ kind: 'saved', id, revision: revisionOf(record.value) }]);
    return { ok: true, profile: deleted.profile };
  }

  /** A copy named "<name> (copy)" with the same keys, settings and learned part. */
  async duplicate(id: string): Promise<SaveResult> {
    const original = await this.get(id);
    if (original === undefined) return { ok: false, kind: 'not-found', message: NOT_FOUND_MESSAGE };
    if (original.keyState === 'locked')
      return { ok: false, kind: 'locked', message: LOCKED_MESSAGE };
    const rest = omit(original, 'id', 'revision', 'keyState', 'createdAt', 'updatedAt');
    const name = uniqueName(
      original.name,
      (await this.#names()).map((n) => n.name),
      'copy',
    );
    return this.save({ ...rest, name }, { requireKeys: false });
  }

  /**
   * Stores what a successful `GET /v1/` taught. Not a user edit, so the revision stays: a form
   * open on this profile can still save, and that save keeps this `learned`.
   */
  async updateLearned(id: string, learned: Learned): Promise<boolean> {
    const key = profileKey(id);
    const done = await guarded(() =>
      this.#backend.transact<number | false>([key], (current) => {
        const loaded = loadRecord(current.get(key));
        if (loaded.kind !== 'ok') return { result: false };
        return { puts: [[key, { ...loaded.record, learned }]], result: loaded.record.revision };
      }),
    );
    if (!done.ok || done.value === false) return false;
    this.#sync?.announce([{ kind: 'saved', id, revision: done.value }]);
    return true;
  }

  /** The quarantined records as a JSON file, key values replaced by their fingerprints. */
  async exportQuarantine(): Promise<string> {
    return exportQuarantine((await this.list()).quarantined, this.#now().toISOString());
  }

  /** Deletes one quarantined record for good: only on the person's explicit request. */
  async deleteQuarantined(key: string): Promise<boolean> {
    if (!key.startsWith(QUARANTINE_PREFIX)) return false;
    const done = await guarded(() =>
      this.#backend.transact([], () => ({ deletes: [key], result: true })),
    );
    if (done.ok) this.#sync?.announce([{ kind: 'quarantine' }]);
    return done.ok;
  }

  /**
   * Goes on in memory after the store failed (e.g. full): copies what can still be read and
   * from then on keeps nothing; `storage.persistent` becomes false.
   */
  async switchToMemory(failure: 'full' | 'unavailable' = 'unavailable'): Promise<void> {
    const copied = await this.#backend.entries().catch(() => []);
    this.#backend = memoryBackend(copied);
    this.#status = { persistent: false, failure };
  }

  async #decode(raw: unknown): Promise<Profile | undefined> {
    if (raw === undefined) return undefined;
    const loaded = loadRecord(raw);
    if (loaded.kind !== 'ok') return undefined;
    const { session, cache } = this.vault;
    const opened = await keysOf(loaded.record, session, this.#tabKeys, cache);
    if (opened.state === 'damaged') return undefined;
    return toProfile(loaded.record, opened.state, opened.keys);
  }

  /** Names of stored profiles, read without validating or decrypting anything. */
  async #names(): Promise<{ id: string; name: string }[]> {
    const names: { id: string; name: string }[] = [];
    for (const [key, raw] of await this.#backend.entries()) {
      const name = (raw as { name?: unknown } | null)?.name;
      if (key.startsWith(PROFILE_PREFIX) && typeof name === 'string') {
        names.push({ id: key.slice(PROFILE_PREFIX.length), name });
      }
    }
    return names;
  }

  /**
   * Writes migrations back and moves bad records aside, each only if unchanged since read, and
   * nothing if the vault was turned on, off or re-keyed since (the keys were placed for it).
   */
  async #repair(repairs: readonly Repair[], vaultKeyId: string | null): Promise<void> {
    const keys = repairs.map((r) => r.key);
    const moved = await guarded(() =>
      this.#backend.transact([VAULT_META_KEY, ...keys], (current) => {
        if ((readVaultMeta(current.get(VAULT_META_KEY))?.keyId ?? null) !== vaultKeyId) {
          return { result: false };
        }
        const fresh = repairs.filter(
          (r) => JSON.stringify(current.get(r.key)) === JSON.stringify(r.seen),
        );
        const deletes = fresh.filter((r) => r.put[0] !== r.key).map((r) => r.key);
        return { puts: fresh.map((r) => r.put), deletes, result: deletes.length > 0 };
      }),
    );
    // A failed write-back changes nothing: the record is read, and shown, again next time.
    if (moved.ok && moved.value) this.#sync?.announce([{ kind: 'quarantine' }]);
  }
}
