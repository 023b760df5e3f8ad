/**
 * The fingerprint box: anyone types a key and sees its fingerprint, and whether it is one of
 * the keys of the report at hand. The value stays in this object: never stored, never logged.
 */
import { fingerprint, formatFingerprint, type Fingerprint } from '../../lib/secrets';
import type { KeyFingerprints, KeyPrint } from '../../lib/report/report';

export type FingerprintMatch = 'account' | 'user' | 'none';

export class FingerprintBox {
  #value = $state('');
  #shown = $state(false);
  #print = $state.raw<Fingerprint | null>(null);
  #run = 0;

  get value(): string {
    return this.#value;
  }
  set value(value: string) {
    this.#value = value;
    void this.#compute(value);
  }

  /** Whether the value is shown in clear; masked until the user asks. */
  get shown(): boolean {
    return this.#shown;
  }
  toggle(): void {
    this.#shown = !this.#shown;
  }

  get fingerprint(): Fingerprint | null {
    return this.#print;
  }

  /** `sha256:1a2b3c4d (40 characters)`, or '' when the box is empty. */
  get text(): string {
    return this.#print ? formatFingerprint(this.#print) : '';
  }

  /** Which key of `known` the typed value is, by hash and length; null when nothing to compare. */
  match(known: KeyFingerprints | null): FingerprintMatch | null {
    const print = this.#print;
    if (!print || !known || (!known.account && !known.user)) return null;
    const same = (other: KeyPrint) =>
      other !== null &&
      'hash' in other &&
      other.hash === print.hash &&
      other.length === print.length;
    if (same(known.account)) return 'account';
    if (same(known.user)) return 'user';
    return 'none';
  }

  async #compute(value: string): Promise<void> {
    const run = ++this.#run;
    const print = value === '' ? null : await fingerprint(value);
    // Typing fast: only the latest value's fingerprint may show.
    if (run === this.#run) this.#print = print;
  }
}
