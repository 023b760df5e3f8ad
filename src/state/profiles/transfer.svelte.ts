/**
 * Profiles in and out of files: export (keys only when asked, and then sealed with a
 * passphrase), import (read and check everything first, choose per name clash, then save all or
 * nothing), and the export of records kept aside.
 */
import {
  applyImport,
  exportProfiles,
  findClashes,
  readImportFile,
  type ClashChoice,
  type ImportClash,
  type ImportEntry,
  type ImportProblem,
  type QuarantinedRecord,
} from '../../lib/profiles';
import { exportQuarantine } from '../../lib/profiles/quarantine';
import { datedName, downloadText, type Download } from '../../browser/download';
import type { Profiles } from './profiles.svelte';
import { nowIso } from '../../lib/core/time';

/** A file read and checked, waiting for the person's choices. */
export interface ImportReview {
  entries: ImportEntry[];
  problems: ImportProblem[];
  clashes: ImportClash[];
  includesKeys: boolean;
}

export class ProfileTransfer {
  #profiles: Profiles;
  #download: Download;
  #busy = $state(false);
  #error = $state<string | null>(null);
  #notice = $state<string | null>(null);
  #pendingText: string | null = null;
  #needsPassphrase = $state(false);
  #review = $state.raw<ImportReview | null>(null);
  /** Entry index -> what to do with the profile of the same name. */
  choices = $state<Record<number, ClashChoice>>({});

  constructor(profiles: Profiles, download: Download = downloadText) {
    this.#profiles = profiles;
    this.#download = download;
  }

  get busy(): boolean {
    return this.#busy;
  }
  get error(): string | null {
    return this.#error;
  }
  get notice(): string | null {
    return this.#notice;
  }
  /** The file chosen includes keys: ask for its passphrase (or import without keys). */
  get needsPassphrase(): boolean {
    return this.#needsPassphrase;
  }
  get review(): ImportReview | null {
    return this.#review;
  }

  /** Downloads every profile; with `includeKeys`, sealed with `passphrase` (typed twice). */
  async exportFile(includeKeys: boolean, passphrase = '', confirmation = ''): Promise<boolean> {
    this.#start();
    if (includeKeys && passphrase !== confirmation) {
      return this.#finish(false, 'The two export passphrases differ.');
    }
    const result = await exportProfiles(
      this.#profiles.profiles,
      includeKeys ? { includeKeys: true, passphrase } : {},
    );
    if (!result.ok) return this.#finish(false, result.message);
    // The name says what the file holds: a file with keys must not pass for one without.
    const name = includeKeys ? 'keycheck-profiles-with-keys' : 'keycheck-profiles-without-keys';
    this.#download(datedName(name), result.json);
    const count = this.#profiles.profiles.length;
    const what = count === 1 ? '1 profile' : `${count} profiles`;
    const keys = includeKeys
      ? ` with ${count === 1 ? 'its' : 'their'} keys, encrypted`
      : ', without keys';
    let notice = `Exported ${what}${keys}.`;
    if (result.keysLeftOut.length > 0) {
      notice += ` Without keys (locked or kept only in a tab): ${result.keysLeftOut.join(', ')}.`;
    }
    return this.#finish(true, null, notice);
  }

  /** How many entries `apply()` would save now: the reviewed ones not marked to skip. */
  get toImport(): number {
    const review = this.#review;
    if (review === null) return 0;
    return review.entries.filter((e) => this.choices[e.index] !== 'skip').length;
  }

  /** Reads a chosen file. Nothing is saved until `apply()`. */
  async readFile(file: Blob): Promise<void> {
    this.cancel();
    this.#pendingText = await file.text();
    await this.#read({});
  }

  /** Reads the pending file again with its passphrase, or without its keys. */
  readWith(options: { passphrase: string } | { withoutKeys: true }): Promise<void> {
    return this.#read(options);
  }

  async #read(options: { passphrase?: string; withoutKeys?: boolean }): Promise<void> {
    const text = this.#pendingText;
    if (text === null) return;
    this.#start();
    const read = await readImportFile(text, options);
    this.#needsPassphrase = !read.ok && read.kind === 'needs-passphrase';
    if (!read.ok) {
      // A wrong passphrase can be typed again, and a file whose keys cannot be opened can still
      // be imported without them; any other failure ends this import.
      const retry = ['needs-passphrase', 'wrong-passphrase', 'unsupported-encryption'];
      if (!retry.includes(read.kind)) {
        this.#pendingText = null;
      } else this.#needsPassphrase = true;
      this.#finish(false, read.kind === 'needs-passphrase' ? null : read.message);
      return;
    }
    const clashes = findClashes(read.entries, this.#profiles.profiles);
    this.choices = Object.fromEntries(clashes.map((c) => [c.index, 'skip' as const]));
    this.#review = { ...read, clashes };
    this.#finish(true, null);
  }

  /** Saves the reviewed entries, all or nothing. */
  async apply(): Promise<boolean> {
    const review = this.#review;
    if (review === null) return false;
    this.#start();
    const result = await applyImport(
      await this.#profiles.repository(),
      review.entries,
      $state.snapshot(this.choices),
    );
    await this.#profiles.reload();
    if (!result.ok) {
      const entry =
        'entryIndex' in result && result.entryIndex !== undefined
          ? ` (entry ${result.entryIndex + 1})`
          : '';
      const message = 'message' in result ? result.message : 'An entry is not valid.';
      return this.#finish(false, `Nothing was imported${entry}: ${message}`);
    }
    this.cancel();
    const n = result.imported.length;
    const k = result.skipped.length;
    const skipped = `${k} skipped, as chosen`;
    const notice =
      n === 0
        ? `Nothing imported: ${skipped}.`
        : `Imported ${n === 1 ? '1 profile' : `${n} profiles`}${k > 0 ? `; ${skipped}` : ''}.`;
    return this.#finish(true, null, notice);
  }

  cancel(): void {
    this.#pendingText = null;
    this.#needsPassphrase = false;
    this.#review = null;
    this.choices = {};
    this.#error = null;
  }

  /** Downloads one record kept aside, its key values replaced by their fingerprints. */
  async exportQuarantined(record: QuarantinedRecord): Promise<void> {
    const json = await exportQuarantine([record], nowIso());
    this.#download(datedName('keycheck-kept-aside'), json);
  }

  #start(): void {
    this.#busy = true;
    this.#error = null;
    this.#notice = null;
  }

  #finish(ok: boolean, error: string | null, notice: string | null = null): boolean {
    this.#busy = false;
    this.#error = error;
    this.#notice = notice;
    return ok;
  }
}
