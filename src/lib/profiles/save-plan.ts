/**
 * The checks a save makes inside its transaction, against what is stored at that moment:
 * the vault is still the one the keys were sealed for, and each profile is still at the
 * revision its draft was loaded from.
 */
import type { Plan } from './backend';
import { carryOver, revisionOf, VAULT_META_KEY } from './records';
import type { ProfileDraft, StoredProfile } from './schema';
import { readVaultMeta } from './vault';

/** `vault-changed`, the index of the first stale draft, or the records written. */
export type SaveOutcome = 'vault-changed' | number | StoredProfile[];

export function planSave(
  drafts: readonly ProfileDraft[],
  records: readonly StoredProfile[],
  keys: readonly string[],
  vaultKeyId: string | null,
  overwrite: boolean,
): (current: ReadonlyMap<string, unknown>) => Plan<SaveOutcome> {
  return (current) => {
    // Another tab turned the vault on, off or re-keyed it since this save sealed its keys.
    if ((readVaultMeta(current.get(VAULT_META_KEY))?.keyId ?? null) !== vaultKeyId) {
      return { result: 'vault-changed' };
    }
    const written: StoredProfile[] = [];
    for (const [index, record] of records.entries()) {
      const draft = drafts[index] as ProfileDraft;
      const stored = current.get(keys[index] as string);
      const isNew = draft.id === undefined;
      const stale = isNew ? stored !== undefined : revisionOf(stored) !== (draft.revision ?? 0);
      if (stale && !overwrite) return { result: index };
      written.push(carryOver(record, stored, isNew));
    }
    return { puts: written.map((r, i) => [keys[i] as string, r] as const), result: written };
  };
}
