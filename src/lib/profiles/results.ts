/** The results the repository returns instead of throwing: each says what happened, for a person. */
import type { StorageFailure } from './backend';
import type { QuarantinedRecord } from './quarantine';
import type { Keys } from './records';
import type { FieldErrors, Profile } from './schema';
import type { VaultStatus } from './vault';

/** Whether profiles outlive the tab, and if not, why. */
export interface StorageStatus {
  /** False: the in-memory fallback; a banner should say that nothing will be kept. */
  persistent: boolean;
  failure?: StorageFailure;
}

export type SaveFailure =
  | { ok: false; kind: 'invalid'; errors: FieldErrors; index: number }
  /** The stored revision differs from the draft's: offer "reload" (stored) or "overwrite". */
  | { ok: false; kind: 'conflict'; stored: Profile | null; index: number; message: string }
  | { ok: false; kind: 'locked'; message: string }
  | { ok: false; kind: 'vault-changed'; message: string }
  | { ok: false; kind: 'not-found'; message: string }
  | { ok: false; kind: 'storage'; reason: StorageFailure; message: string };

export type SaveResult = { ok: true; profile: Profile } | SaveFailure;
export type SaveManyResult = { ok: true; profiles: Profile[] } | SaveFailure;

export const LOCKED_MESSAGE =
  'Encryption is on and locked: unlock it with your passphrase to save profiles with keys.';
export const VAULT_CHANGED_MESSAGE =
  'Encryption was turned on, off or given a new passphrase in another tab. Unlock again, then save.';
export const NOT_FOUND_MESSAGE = 'That profile no longer exists (deleted in another tab?).';

export function conflictMessage(stored: Profile | null): string {
  return stored === null
    ? 'This profile was deleted in another tab. Save it again to keep your version.'
    : `This profile was changed in another tab (now revision ${stored.revision}). Reload it, or overwrite with your version.`;
}

export function storageMessage(reason: StorageFailure): string {
  return reason === 'full'
    ? 'The browser storage is full, so the profile was not saved. Your changes are still in the form.'
    : 'The browser storage cannot be used, so the profile was not saved. Your changes are still in the form.';
}

/** The failure for a write the store refused. */
export function storageFailure(reason: StorageFailure): Extract<SaveFailure, { kind: 'storage' }> {
  return { ok: false, kind: 'storage', reason, message: storageMessage(reason) };
}

/** Everything `list()` found. */
export interface ProfileListing {
  /** Valid profiles, sorted by name. */
  profiles: Profile[];
  /** Records kept aside because they failed validation, oldest first. */
  quarantined: QuarantinedRecord[];
  /** Records written by a newer Keycheck (another tab): left alone; a reload shows them. */
  newerRecords: number;
  vault: VaultStatus;
}

/** What `delete()` removed: enough for `restore()` (undo). */
export interface DeletedProfile {
  profile: Profile;
  /** The record as it was stored (keys sealed if they were). */
  record: unknown;
  tabKeys?: Keys;
}

export type DeleteResult =
  { ok: true; deleted: DeletedProfile } | Extract<SaveFailure, { kind: 'not-found' | 'storage' }>;

export interface SaveOptions {
  /** Write even if the stored revision moved on: the "overwrite" answer to a conflict. */
  overwrite?: boolean;
  /** Default true; false for imports and duplicates of profiles without keys. */
  requireKeys?: boolean;
}
