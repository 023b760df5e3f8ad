/**
 * What a profile is: the type the app works with, the record kept in IndexedDB (validated with
 * valibot every time it is loaded), and the check of a draft typed into the form.
 */
import * as v from 'valibot';
import {
  allowListProblem,
  baseUrlProblem,
  cleanAllowList,
  keyNameProblem,
  nameProblem,
  normalizeBaseUrl,
  notesProblem,
  sameName,
} from './fields';

/** What the last successful `GET /v1/` taught about the keys (see learned.ts). */
export interface Learned {
  accountId?: number;
  accountName?: string;
  keyName?: string;
  allowedSourceIps?: string[];
  httpSourceIp?: string;
  ownerName?: string;
  /** ISO 8601 time of that success. */
  at: string;
}

/**
 * Whether the keys are at hand: `available`; `locked` (encrypted, the vault is locked);
 * `tab-closed` (a "this tab only" profile whose keys left with the tab that had them);
 * `none` (never given, e.g. imported without keys).
 */
export type KeyState = 'available' | 'locked' | 'tab-closed' | 'none';

/** A profile as the app uses it. Keys are empty strings unless `keyState` is `available`. */
export interface Profile {
  id: string;
  name: string;
  accountKey: string;
  userKey: string;
  baseUrl: string;
  keyName?: string;
  allowList?: string[];
  notes: string;
  createdAt: string;
  updatedAt: string;
  /** Goes up by one on every save; a save from an older revision is a conflict. */
  revision: number;
  /** "Keep keys only in this tab": the keys are never written anywhere. */
  keysInTabOnly: boolean;
  learned?: Learned;
  /** Computed when loaded, never stored. */
  keyState: KeyState;
}

/** What the form hands to `save()`. `id` and `revision` are absent for a new profile. */
export interface ProfileDraft {
  id?: string;
  /** The revision the form was loaded from. */
  revision?: number;
  name: string;
  accountKey: string;
  userKey: string;
  baseUrl?: string;
  keyName?: string;
  allowList?: readonly string[];
  notes?: string;
  keysInTabOnly?: boolean;
  /** Used for new profiles only (a duplicate keeps what its original learned). */
  learned?: Learned;
}

export type DraftField =
  'name' | 'accountKey' | 'userKey' | 'baseUrl' | 'keyName' | 'allowList' | 'notes';

/** Field name -> message for a person; an empty object means the draft is fine. */
export type FieldErrors = Partial<Record<DraftField, string>>;

/** One thing wrong with a stored or imported record. */
export interface Problem {
  /** A field name, a dotted path (`learned.at`), or `record` for the whole thing. */
  field: string;
  message: string;
}

/** AES-GCM ciphertext of `{accountKey, userKey}`; all parts base64. */
export interface SealedBox {
  salt: string;
  iv: string;
  data: string;
}

/** Sealed keys name the vault key they were sealed with, so a stale tab cannot mix keys. */
export interface SealedKeys extends SealedBox {
  keyId: string;
}

export const SCHEMA_VERSION = 2;

/** The record kept in the store under `profile:<id>` (schema version 2). */
export interface StoredProfile {
  schemaVersion: typeof SCHEMA_VERSION;
  id: string;
  name: string;
  baseUrl: string;
  keyName?: string;
  allowList?: string[];
  notes: string;
  createdAt: string;
  updatedAt: string;
  revision: number;
  keysInTabOnly: boolean;
  learned?: Learned;
  /** Keys in plain text: only when the vault is off and the profile is not "this tab only". */
  keys?: { accountKey: string; userKey: string };
  /** Keys encrypted by the vault. */
  sealedKeys?: SealedKeys;
}

const fieldCheck = (problem: (value: string) => string | null) =>
  v.check(
    (value: string) => problem(value) === null,
    (issue) => problem(issue.input) ?? 'Not valid.',
  );

const Text = v.string('Must be text.');
const IsoTime = v.pipe(Text, v.isoTimestamp('Must be an ISO 8601 time.'));

export const NameSchema = v.pipe(Text, fieldCheck(nameProblem));
export const BaseUrlSchema = v.pipe(Text, fieldCheck(baseUrlProblem));
export const KeyNameSchema = v.pipe(Text, fieldCheck(keyNameProblem));
export const AllowListSchema = v.pipe(
  v.array(Text, 'Must be a list of addresses.'),
  v.check(
    (list) => allowListProblem(list) === null,
    (issue) => allowListProblem(issue.input as string[]) ?? 'Not valid.',
  ),
);

export const NotesSchema = v.pipe(Text, fieldCheck(notesProblem));

export const LearnedSchema = v.object({
  accountId: v.optional(v.number()),
  accountName: v.optional(Text),
  keyName: v.optional(Text),
  allowedSourceIps: v.optional(v.array(Text)),
  httpSourceIp: v.optional(Text),
  ownerName: v.optional(Text),
  at: IsoTime,
});

export const SealedBoxSchema = v.object({ salt: Text, iv: Text, data: Text });
const SealedKeysSchema = v.object({ keyId: Text, salt: Text, iv: Text, data: Text });

export const StoredProfileSchema = v.pipe(
  v.object({
    schemaVersion: v.literal(SCHEMA_VERSION),
    id: v.pipe(Text, v.nonEmpty('Must not be empty.')),
    name: NameSchema,
    baseUrl: BaseUrlSchema,
    keyName: v.optional(KeyNameSchema),
    allowList: v.optional(AllowListSchema),
    notes: NotesSchema,
    createdAt: IsoTime,
    updatedAt: IsoTime,
    revision: v.pipe(v.number(), v.integer(), v.minValue(1, 'Must be 1 or more.')),
    keysInTabOnly: v.boolean('Must be true or false.'),
    learned: v.optional(LearnedSchema),
    keys: v.optional(v.object({ accountKey: Text, userKey: Text })),
    sealedKeys: v.optional(SealedKeysSchema),
  }),
  v.forward(
    v.check((r) => r.keys === undefined || r.sealedKeys === undefined, 'Keys stored twice.'),
    ['keys'],
  ),
  v.forward(
    v.check(
      (r) => !r.keysInTabOnly || (r.keys === undefined && r.sealedKeys === undefined),
      'Keys are stored although the profile keeps them only in the tab.',
    ),
    ['keys'],
  ),
);

/** valibot issues as `{field, message}`, one per issue, with the path joined by dots. */
export function issuesToProblems(issues: readonly v.BaseIssue<unknown>[]): Problem[] {
  return issues.map((issue) => {
    const path = issue.path?.map((item) => String(item.key)).join('.');
    // valibot's default wording quotes the value it received, which may be a key: keep only
    // what was expected.
    const message = issue.message.includes(issue.received)
      ? `Not valid: expected ${issue.expected ?? 'something else'}.`
      : issue.message;
    return { field: path === undefined || path === '' ? 'record' : path, message };
  });
}

/** Validates a migrated record; the typed record, or what is wrong with it. */
export function parseStoredProfile(
  raw: unknown,
): { ok: true; record: StoredProfile } | { ok: false; problems: Problem[] } {
  const result = v.safeParse(StoredProfileSchema, raw);
  if (!result.success) return { ok: false, problems: issuesToProblems(result.issues) };
  // valibot leaves unset optional keys out, which is what exactOptionalPropertyTypes wants.
  return { ok: true, record: result.output as StoredProfile };
}

/**
 * Checks a draft as typed in the form and returns field name -> message for a person (empty
 * when fine). The name must differ (ignoring case) from every other profile in `existing`.
 * Keys are only required to be non-empty (`requireKeys`, default true): the shape of a key
 * value is the checklist's `preflight` business, which the form shows beside these messages.
 */
export function validateProfileDraft(
  draft: ProfileDraft,
  options: { existing?: readonly { id: string; name: string }[]; requireKeys?: boolean } = {},
): FieldErrors {
  const errors: FieldErrors = {};
  const put = (field: DraftField, message: string | null): void => {
    if (message !== null && errors[field] === undefined) errors[field] = message;
  };
  const name = draft.name.trim();
  put('name', nameProblem(name));
  const clash = options.existing?.find((p) => p.id !== draft.id && sameName(p.name, name));
  if (clash !== undefined) put('name', `Another profile is already named "${clash.name}".`);
  if (options.requireKeys ?? true) {
    if (draft.accountKey === '') put('accountKey', 'Enter the account key (x-api-key).');
    if (draft.userKey === '') put('userKey', 'Enter the user key (x-api-secret-key).');
  }
  put('baseUrl', baseUrlProblem(normalizeBaseUrl(draft.baseUrl ?? '')));
  put('keyName', keyNameProblem(draft.keyName?.trim() ?? ''));
  put('allowList', allowListProblem(cleanAllowList(draft.allowList ?? [])));
  put('notes', notesProblem(draft.notes ?? ''));
  return errors;
}
