/**
 * Reading an export file: nothing is written here. A malformed file gives one error saying what
 * and where; a well-formed one gives the entries that can be imported and, for each bad entry,
 * what is wrong with it (index, field, message).
 */
import * as v from 'valibot';
import { sameName } from './fields';
import { findJsonError } from '../core/json-error';
import { positionAt } from '../core/position';
import {
  AllowListSchema,
  BaseUrlSchema,
  issuesToProblems,
  KeyNameSchema,
  LearnedSchema,
  NameSchema,
  NotesSchema,
  SealedBoxSchema,
  type Learned,
  type ProfileDraft,
} from './schema';
import { EXPORT_CONTEXT, EXPORT_FORMAT, EXPORT_VERSION, entryContext } from './transfer-export';
import { deriveMasterKey, fromBase64, openKeys, verifyCheck } from './vault-crypto';

/** Larger than any real export of profiles; stops a wrong file from freezing the page. */
export const IMPORT_MAX_CHARS = 10_000_000;

/**
 * PBKDF2 iterations an import accepts. Below, the file's passphrase is too cheap to guess;
 * above, deriving the key would hold the page for minutes (2e9 iterations never ends).
 */
export const IMPORT_ITERATIONS = Object.freeze({ min: 600_000, max: 10_000_000 });

/** Export file versions this Keycheck reads. */
const READABLE_VERSIONS: readonly number[] = [1, EXPORT_VERSION];

export interface ImportEntry {
  /** Position in the file's `profiles` list, from 0. */
  index: number;
  draft: ProfileDraft;
  hasKeys: boolean;
}

export interface ImportProblem {
  index: number;
  field: string;
  message: string;
}

export type ImportReadResult =
  | { ok: true; entries: ImportEntry[]; problems: ImportProblem[]; includesKeys: boolean }
  | {
      ok: false;
      kind:
        | 'too-large'
        | 'malformed'
        | 'not-keycheck'
        | 'unsupported-version'
        | 'needs-passphrase'
        | 'wrong-passphrase'
        | 'unsupported-encryption';
      /** What and where, for a person; never quotes the file (it may hold keys). */
      message: string;
      line?: number;
      column?: number;
    };

const EnvelopeSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.number(),
  encryption: v.optional(
    v.object({
      kdf: v.literal('PBKDF2-SHA-256'),
      iterations: v.pipe(v.number(), v.integer(), v.minValue(1)),
      salt: v.string(),
      check: SealedBoxSchema,
    }),
  ),
  profiles: v.array(v.unknown()),
});

const EntrySchema = v.object({
  id: v.optional(v.pipe(v.string(), v.maxLength(200))),
  name: NameSchema,
  baseUrl: v.optional(BaseUrlSchema),
  keyName: v.optional(KeyNameSchema),
  allowList: v.optional(AllowListSchema),
  notes: v.optional(NotesSchema),
  keysInTabOnly: v.optional(v.boolean()),
  learned: v.optional(LearnedSchema),
  sealedKeys: v.optional(SealedBoxSchema),
});

function parseJson(text: string): { ok: true; data: unknown } | ImportReadResult {
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch {
    // The engine's own message may quote the file (and so a key): only a position is kept.
    if (text.trim() === '') return { ok: false, kind: 'malformed', message: 'The file is empty.' };
    const offset = findJsonError(text)?.offset ?? null;
    if (offset === null) {
      return { ok: false, kind: 'malformed', message: 'The file is not valid JSON.' };
    }
    const where = positionAt(text, offset);
    const what = offset >= text.length ? 'the file ends too early' : 'the error is';
    const message = `The file is not valid JSON: ${what} at line ${where.line}, column ${where.column}.`;
    return { ok: false, kind: 'malformed', message, ...where };
  }
}

/**
 * Reads an export file. With keys in it, `passphrase` is needed (`needs-passphrase` otherwise,
 * unless `withoutKeys`), and a wrong one is told apart by the file's check value.
 */
export async function readImportFile(
  text: string,
  options: {
    passphrase?: string;
    withoutKeys?: boolean;
    /** Accepted PBKDF2 iterations; default `IMPORT_ITERATIONS` (tests export with fewer). */
    iterations?: { min: number; max: number };
  } = {},
): Promise<ImportReadResult> {
  if (text.length > IMPORT_MAX_CHARS) {
    return {
      ok: false,
      kind: 'too-large',
      message: 'The file is too large to be a profiles export.',
    };
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const data = 'data' in parsed ? parsed.data : undefined;
  const envelope = v.safeParse(EnvelopeSchema, data);
  if (!envelope.success) {
    const problem = issuesToProblems(envelope.issues)[0];
    const where = problem === undefined ? '' : ` (field "${problem.field}": ${problem.message})`;
    return {
      ok: false,
      kind: 'not-keycheck',
      message: `This is not a Keycheck profiles file${where}.`,
    };
  }
  const file = envelope.output;
  if (!READABLE_VERSIONS.includes(file.version)) {
    const message = `This file has version ${file.version}; this Keycheck reads versions ${READABLE_VERSIONS.join(' and ')}.`;
    return { ok: false, kind: 'unsupported-version', message };
  }
  const useKeys = file.encryption !== undefined && options.withoutKeys !== true;
  let master = null;
  if (useKeys && file.encryption !== undefined) {
    const range = options.iterations ?? IMPORT_ITERATIONS;
    const { iterations: asked } = file.encryption;
    if (asked < range.min || asked > range.max) {
      const n = (x: number) => x.toLocaleString('en-US');
      const message = `This file's keys are sealed with ${n(asked)} PBKDF2 iterations; Keycheck opens only ${n(range.min)} to ${n(range.max)}, so it did not try. Import it without keys, or export it again from Keycheck.`;
      return { ok: false, kind: 'unsupported-encryption', message };
    }
    if (options.passphrase === undefined) {
      const message = 'This file includes keys: enter the passphrase it was exported with.';
      return { ok: false, kind: 'needs-passphrase', message };
    }
    const { salt, iterations, check } = file.encryption;
    master = await deriveMasterKey(options.passphrase, fromBase64(salt), iterations);
    if (!(await verifyCheck(master, check, EXPORT_CONTEXT))) {
      const message =
        'That is not the passphrase this file was exported with. Nothing was imported.';
      return { ok: false, kind: 'wrong-passphrase', message };
    }
  }
  const entries: ImportEntry[] = [];
  const problems: ImportProblem[] = [];
  for (const [index, raw] of file.profiles.entries()) {
    const entry = v.safeParse(EntrySchema, raw);
    if (!entry.success) {
      for (const p of issuesToProblems(entry.issues)) problems.push({ index, ...p });
      continue;
    }
    const e = entry.output;
    const earlier = entries.find((other) => sameName(other.draft.name, e.name));
    if (earlier !== undefined) {
      const message = `Entry ${earlier.index + 1} of this file has the same name.`;
      problems.push({ index, field: 'name', message });
      continue;
    }
    let keys = { accountKey: '', userKey: '' };
    if (master !== null && e.sealedKeys !== undefined) {
      // Version 1 sealed every entry alike; later ones bind the keys to their entry.
      const context = file.version === 1 ? EXPORT_CONTEXT : entryContext({ ...e, id: e.id ?? '' });
      const opened = await openKeys(master, e.sealedKeys, context);
      if (opened === null) {
        const message =
          'The keys do not open: this entry was edited or its keys moved from another entry after export, or the file is damaged.';
        problems.push({ index, field: 'sealedKeys', message });
        continue;
      }
      keys = opened;
    }
    const draft: ProfileDraft = { name: e.name.trim(), ...keys, notes: e.notes ?? '' };
    if (e.baseUrl !== undefined) draft.baseUrl = e.baseUrl;
    if (e.keyName !== undefined) draft.keyName = e.keyName;
    if (e.allowList !== undefined) draft.allowList = e.allowList;
    if (e.keysInTabOnly !== undefined) draft.keysInTabOnly = e.keysInTabOnly;
    if (e.learned !== undefined) draft.learned = e.learned as Learned;
    entries.push({ index, draft, hasKeys: keys.accountKey !== '' || keys.userKey !== '' });
  }
  return { ok: true, entries, problems, includesKeys: useKeys };
}
