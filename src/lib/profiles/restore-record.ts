import { loadRecord, placeKeys, type Keys, type VaultSession } from './records';
import { LOCKED_MESSAGE, NOT_FOUND_MESSAGE } from './results';
import type { DeletedProfile, SaveFailure } from './results';

/**
 * The record an undo of a delete writes back: never plain keys while the vault (`vaultKeyId`)
 * is on. Keys are placed for the vault as it is now: sealed with `session` if the vault was
 * turned on or re-keyed since the delete, plain if it was turned off; `locked` when they would
 * have to be sealed and this tab has no session.
 */
export async function restorableRecord(
  deleted: DeletedProfile,
  vaultKeyId: string | null,
  session: VaultSession | null,
): Promise<{ value: unknown } | SaveFailure> {
  const loaded = loadRecord(deleted.record);
  // delete() only hands out records that load; anything else goes back only without a vault.
  if (loaded.kind !== 'ok') {
    return vaultKeyId === null
      ? { value: deleted.record }
      : { ok: false, kind: 'not-found', message: NOT_FOUND_MESSAGE };
  }
  const { record } = loaded;
  const { profile } = deleted;
  const sealedForNow = record.sealedKeys !== undefined && record.sealedKeys.keyId === vaultKeyId;
  const noKeys = record.keys === undefined && record.sealedKeys === undefined;
  if (record.keysInTabOnly || noKeys || sealedForNow) return { value: record };
  // Plain keys, or sealed for a vault that is gone or re-keyed: place them anew if known.
  const keys: Keys | undefined =
    record.keys ??
    (profile.keyState === 'available'
      ? { accountKey: profile.accountKey, userKey: profile.userKey }
      : undefined);
  // Sealed for another vault and not known here: the ciphertext is all there is; keep it.
  if (keys === undefined) return { value: record };
  if (vaultKeyId !== null && session === null) {
    return { ok: false, kind: 'locked', message: LOCKED_MESSAGE };
  }
  return { value: await placeKeys(record, keys, vaultKeyId === null ? null : session) };
}
