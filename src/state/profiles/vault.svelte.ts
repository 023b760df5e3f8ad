/**
 * The passphrase lock on the stored keys, as the Profiles view drives it: turn on (after the
 * warning), unlock, lock, change the passphrase, turn off. Passphrases pass through; none is
 * kept here.
 */
import type { VaultResult, VaultStatus } from '../../lib/profiles';
import type { Profiles } from './profiles.svelte';

export class VaultControls {
  #profiles: Profiles;
  #busy = $state(false);
  #error = $state<string | null>(null);
  #notice = $state<string | null>(null);

  constructor(profiles: Profiles) {
    this.#profiles = profiles;
  }

  get status(): VaultStatus {
    return this.#profiles.vault;
  }
  /** How many records are kept aside: turning encryption on seals any keys they hold. */
  get keptAside(): number {
    return this.#profiles.quarantined.length;
  }
  get busy(): boolean {
    return this.#busy;
  }
  /** Why the last operation changed nothing, for a person. */
  get error(): string | null {
    return this.#error;
  }
  /** What the last operation did. */
  get notice(): string | null {
    return this.#notice;
  }

  /**
   * Turns encryption on. Refused unless the person confirmed that a forgotten passphrase means
   * the keys are gone, and typed the passphrase twice the same.
   */
  enable(passphrase: string, confirmation: string, understood: boolean): Promise<boolean> {
    if (!understood) {
      return this.#refuse(
        'First confirm that you understand: if you forget the passphrase, the keys are gone.',
      );
    }
    if (passphrase !== confirmation) return this.#refuse('The two passphrases differ.');
    return this.#run(
      (repo) => repo.vault.enable(passphrase),
      'Encryption is on: the keys are stored encrypted. Keycheck will ask for the passphrase in each new tab.',
    );
  }

  unlock(passphrase: string): Promise<boolean> {
    return this.#run((repo) => repo.vault.unlock(passphrase), 'Unlocked.');
  }

  lock(): Promise<boolean> {
    return this.#run((repo) => {
      repo.vault.lock();
      return Promise.resolve({ ok: true });
    }, 'Locked: the keys stay hidden until you unlock again.');
  }

  change(current: string, next: string, confirmation: string): Promise<boolean> {
    if (next !== confirmation) return this.#refuse('The two new passphrases differ.');
    return this.#run(
      (repo) => repo.vault.changePassphrase(current, next),
      'The passphrase is changed; every key was encrypted again with it.',
    );
  }

  disable(passphrase: string): Promise<boolean> {
    return this.#run(
      (repo) => repo.vault.disable(passphrase),
      'Encryption is off: the keys are stored without a passphrase again.',
    );
  }

  #refuse(message: string): Promise<boolean> {
    this.#error = message;
    this.#notice = null;
    return Promise.resolve(false);
  }

  async #run(
    operation: (repo: Awaited<ReturnType<Profiles['repository']>>) => Promise<VaultResult>,
    done: string,
  ): Promise<boolean> {
    if (this.#busy) return false;
    this.#busy = true;
    this.#error = null;
    this.#notice = null;
    try {
      const result = await operation(await this.#profiles.repository());
      // A warning (records of a newer version left as they were) belongs beside the success.
      if (result.ok)
        this.#notice = 'warning' in result && result.warning ? `${done} ${result.warning}` : done;
      else this.#error = result.message;
      return result.ok;
    } catch {
      this.#error = 'That did not work, and nothing was changed. Reload the page to try again.';
      return false;
    } finally {
      await this.#profiles.reload();
      this.#busy = false;
    }
  }
}
