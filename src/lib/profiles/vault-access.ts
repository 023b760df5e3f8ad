/**
 * This tab's side of the vault: the unlocked session (held only in memory), its status, and
 * the operations the UI calls. The app starts locked whenever the vault is on, because a new
 * tab has no session until the passphrase is given.
 */
import { guarded, type KvBackend } from './backend';
import { VAULT_META_KEY, type Keys, type VaultSession } from './records';
import {
  changeVaultPassphrase,
  disableVault,
  enableVault,
  readVaultMeta,
  unlockMeta,
  WRONG_PASSPHRASE,
  type VaultContext,
  type VaultMeta,
  type VaultResult,
  type VaultStatus,
} from './vault';

export interface VaultAccessDeps {
  backend: () => KvBackend;
  iterations: number;
  now: () => string;
  newId: () => string;
  /** Reloads every profile (migrating and quarantining) before a rewrite. */
  refresh: () => Promise<void>;
  /** Tells other tabs that the vault changed: they re-read it and lock if it is not theirs. */
  announce: () => void;
}

export class VaultAccess {
  #deps: VaultAccessDeps;
  #session: VaultSession | null = null;
  /** Opened keys, dropped on lock: decrypting 1,000 records on every list() would be slow. */
  readonly cache = new Map<string, Keys>();

  constructor(deps: VaultAccessDeps) {
    this.#deps = deps;
  }

  /** The unlocked session of this tab, or null. */
  get session(): VaultSession | null {
    return this.#session;
  }

  /** Drops the session when the vault was turned off or re-keyed (in another tab). */
  reconcile(meta: VaultMeta | null): void {
    if (this.#session !== null && meta?.keyId !== this.#session.keyId) this.lock();
  }

  status(meta: VaultMeta | null): VaultStatus {
    if (meta === null) return 'off';
    return this.#session?.keyId === meta.keyId ? 'unlocked' : 'locked';
  }

  /** Reads the vault record and says whether it is off, locked or unlocked in this tab. */
  async currentStatus(): Promise<VaultStatus> {
    const meta = readVaultMeta(await this.#deps.backend().get(VAULT_META_KEY));
    this.reconcile(meta);
    return this.status(meta);
  }

  /**
   * Turns encryption on (the UI must first say that a forgotten passphrase means the keys are
   * gone). Every stored key is re-written as ciphertext; the tab stays unlocked.
   */
  async enable(passphrase: string): Promise<VaultResult> {
    const { result, session } = await enableVault(this.#context(), passphrase);
    return this.#adopt(result, session);
  }

  /** Unlocks this tab. A wrong passphrase changes nothing and says so. */
  async unlock(passphrase: string): Promise<VaultResult> {
    const meta = readVaultMeta(await this.#deps.backend().get(VAULT_META_KEY));
    if (meta === null) return { ok: false, kind: 'off', message: 'Encryption is off.' };
    const session = await unlockMeta(meta, passphrase);
    if (session === null) return WRONG_PASSPHRASE;
    this.#session = session;
    return { ok: true };
  }

  /** Forgets the key in this tab; keys show as locked until the next unlock. */
  lock(): void {
    this.#session = null;
    this.cache.clear();
  }

  /** Re-encrypts every key under a new passphrase, atomically. */
  async changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<VaultResult> {
    const { result, session } = await changeVaultPassphrase(
      this.#context(),
      oldPassphrase,
      newPassphrase,
    );
    return this.#adopt(result, session);
  }

  /** Turns encryption off: keys are stored in plain text again. Needs the passphrase. */
  async disable(passphrase: string): Promise<VaultResult> {
    const result = await disableVault(this.#context(), passphrase);
    if (result.ok) {
      this.lock();
      this.#deps.announce();
    }
    return result;
  }

  #adopt(result: VaultResult, session: VaultSession | undefined): VaultResult {
    if (result.ok && session !== undefined) {
      this.lock();
      this.#session = session;
      this.#deps.announce();
    }
    return result;
  }

  #context(): VaultContext {
    const deps = this.#deps;
    return {
      backend: deps.backend(),
      iterations: deps.iterations,
      now: deps.now,
      newId: deps.newId,
      refresh: deps.refresh,
      guard: guarded,
    };
  }
}
