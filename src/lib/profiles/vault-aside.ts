/**
 * Records kept aside (quarantined) under the vault. Their keys are never dropped: turning
 * encryption on seals the whole original record with the vault's key and leaves only
 * fingerprints in view; changing the passphrase re-seals it; turning encryption off puts the
 * record back exactly as it was found.
 */
import { redact } from './quarantine';
import type { VaultSession } from './records';
import type { Problem, SealedBox } from './schema';
import { open, seal, type MasterKey } from './vault-crypto';

/** The original record, sealed; stored beside the fingerprinted `record` of the entry. */
export interface SealedAside extends SealedBox {
  keyId: string;
}

/** The note added to a record kept aside whose keys were sealed. */
export const SEALED_ASIDE_NOTE: Problem = {
  field: 'keys',
  message:
    'The keys in this record were encrypted when encryption was turned on: only their fingerprints show here, and turning encryption off puts them back as they were.',
};

/** The additional data of a sealed record: its place in the store, so it cannot be moved. */
function asideContext(storeKey: string): string {
  return `aside:${storeKey}`;
}

function sealedOf(entry: Record<string, unknown>): SealedAside | null {
  const box = entry['sealedRecord'];
  if (typeof box !== 'object' || box === null) return null;
  const { keyId, salt, iv, data } = box as Record<string, unknown>;
  return [keyId, salt, iv, data].every((x) => typeof x === 'string') ? (box as SealedAside) : null;
}

export type AsideChange =
  { kind: 'unchanged' } | { kind: 'put'; entry: Record<string, unknown> } | { kind: 'damaged' };

/**
 * What one quarantine entry becomes when the vault changes.
 * - Vault on afterwards (`next`), the record holds plain keys: the original is sealed with
 *   `next`, the view keeps fingerprints, and a note says so.
 * - Vault on afterwards, already sealed with `old`: re-sealed with `next`.
 * - Vault off afterwards (`next` null), sealed with `old`: the original record comes back.
 * `damaged` when a sealed record of the old key does not open (nothing must change then).
 */
export async function changeAside(
  storeKey: string,
  entry: Record<string, unknown>,
  old: { keyId: string; master: MasterKey } | null,
  next: VaultSession | null,
): Promise<AsideChange> {
  const sealed = sealedOf(entry);
  const context = asideContext(storeKey);
  if (sealed !== null) {
    // Sealed under another key (not this vault's): left exactly as it is.
    if (old === null || sealed.keyId !== old.keyId) return { kind: 'unchanged' };
    const plain = await open(old.master, sealed, context);
    if (plain === null) return { kind: 'damaged' };
    if (next !== null) {
      const box = await seal(next.master, plain, context);
      return { kind: 'put', entry: { ...entry, sealedRecord: { keyId: next.keyId, ...box } } };
    }
    const rest = Object.fromEntries(
      Object.entries(entry).filter(([field]) => field !== 'sealedRecord'),
    );
    const problems = Array.isArray(entry['problems']) ? (entry['problems'] as Problem[]) : [];
    return {
      kind: 'put',
      entry: {
        ...rest,
        record: JSON.parse(plain) as unknown,
        problems: problems.filter((p) => p.message !== SEALED_ASIDE_NOTE.message),
      },
    };
  }
  if (next === null) return { kind: 'unchanged' };
  const record = entry['record'];
  const redacted = await redact(record);
  if (JSON.stringify(redacted) === JSON.stringify(record)) return { kind: 'unchanged' };
  const box = await seal(next.master, JSON.stringify(record), context);
  const problems = Array.isArray(entry['problems']) ? (entry['problems'] as Problem[]) : [];
  return {
    kind: 'put',
    entry: {
      ...entry,
      record: redacted,
      problems: [...problems, SEALED_ASIDE_NOTE],
      sealedRecord: { keyId: next.keyId, ...box },
    },
  };
}
