/**
 * Applying a read import file: name clashes with existing profiles are found first, the caller
 * chooses per clash (skip, replace, keep both under a new name), and everything is then saved
 * in one transaction, or nothing is.
 */
import { sameName, uniqueName } from './fields';
import type { ProfileRepository } from './repository';
import type { SaveFailure } from './results';
import type { Profile, ProfileDraft } from './schema';
import type { ImportEntry } from './transfer-import';

export type ClashChoice = 'skip' | 'replace' | 'keep-both';

export interface ImportClash {
  /** The entry's index in the file. */
  index: number;
  name: string;
  existing: Profile;
  /**
   * The existing profile keeps its keys in this tab only: a Replace keeps it that way (whatever
   * the file says), so its keys, or the file's, are never stored by the import.
   */
  keysStayInTab: boolean;
}

export type ImportApplyResult =
  | { ok: true; imported: Profile[]; skipped: number[] }
  | { ok: false; kind: 'undecided'; indexes: number[]; message: string }
  | (SaveFailure & { entryIndex?: number });

/** The entries whose name an existing profile already has (compared without case). */
export function findClashes(
  entries: readonly ImportEntry[],
  existing: readonly Profile[],
): ImportClash[] {
  const clashes: ImportClash[] = [];
  for (const entry of entries) {
    const match = existing.find((p) => sameName(p.name, entry.draft.name));
    if (match !== undefined) {
      const keysStayInTab = match.keysInTabOnly;
      clashes.push({ index: entry.index, name: entry.draft.name, existing: match, keysStayInTab });
    }
  }
  return clashes;
}

/**
 * The drafts to save for `entries` given a choice per clash (keyed by entry index). Replacing
 * keeps the existing profile's id, revision (a change meanwhile is a conflict) and, when the
 * file has no keys for it, its keys: an import must never wipe keys silently. Replacing a
 * "this tab only" profile keeps it tab-only, even when the file says otherwise or says nothing
 * (files from before that field): no import choice turns tab-only keys into stored ones.
 */
export function importDrafts(
  entries: readonly ImportEntry[],
  existing: readonly Profile[],
  choices: Readonly<Record<number, ClashChoice>>,
):
  | { ok: true; drafts: ProfileDraft[]; indexes: number[]; skipped: number[] }
  | Extract<ImportApplyResult, { kind: 'undecided' | 'locked' }> {
  const clashes = findClashes(entries, existing);
  const undecided = clashes.filter((c) => choices[c.index] === undefined).map((c) => c.index);
  if (undecided.length > 0) {
    const list = undecided.map((i) => i + 1).join(', ');
    const message = `Choose skip, replace or keep both for entries ${list}.`;
    return { ok: false, kind: 'undecided', indexes: undecided, message };
  }
  const taken = [...existing.map((p) => p.name), ...entries.map((e) => e.draft.name)];
  const drafts: ProfileDraft[] = [];
  const indexes: number[] = [];
  const skipped: number[] = [];
  for (const entry of entries) {
    const clash = clashes.find((c) => c.index === entry.index);
    const choice = clash === undefined ? undefined : choices[entry.index];
    if (choice === 'skip') {
      skipped.push(entry.index);
      continue;
    }
    let draft: ProfileDraft = { ...entry.draft };
    if (clash !== undefined && choice === 'replace') {
      const target = clash.existing;
      // The existing name stays: the clash was found by name, so it differs at most in case.
      draft = { ...draft, id: target.id, revision: target.revision, name: target.name };
      if (target.keysInTabOnly) draft.keysInTabOnly = true;
      if (!entry.hasKeys) {
        if (target.keyState === 'locked') {
          const message = `Unlock encryption first: "${target.name}" would lose its keys.`;
          return { ok: false, kind: 'locked', message };
        }
        draft.accountKey = target.accountKey;
        draft.userKey = target.userKey;
      }
    } else if (clash !== undefined) {
      draft.name = uniqueName(entry.draft.name, taken, 'imported');
      taken.push(draft.name);
    }
    drafts.push(draft);
    indexes.push(entry.index);
  }
  return { ok: true, drafts, indexes, skipped };
}

/** Saves the import all at once through `repository`; nothing is saved on any failure. */
export async function applyImport(
  repository: ProfileRepository,
  entries: readonly ImportEntry[],
  choices: Readonly<Record<number, ClashChoice>> = {},
): Promise<ImportApplyResult> {
  const { profiles } = await repository.list();
  const plan = importDrafts(entries, profiles, choices);
  if (!plan.ok) return plan;
  if (plan.drafts.length === 0) return { ok: true, imported: [], skipped: plan.skipped };
  const saved = await repository.saveMany(plan.drafts, { requireKeys: false });
  if (saved.ok) return { ok: true, imported: saved.profiles, skipped: plan.skipped };
  if (saved.kind === 'invalid' || saved.kind === 'conflict') {
    const entryIndex = plan.indexes[saved.index];
    return entryIndex === undefined ? saved : { ...saved, entryIndex };
  }
  return saved;
}
