/**
 * One profile being created or edited: what is typed, what is wrong with it (beside each field),
 * and the outcome of saving. The draft is never cleared by a failed save.
 */
import { checkKeyValue, type KeyRole } from '../../lib/auth/key-values';
import {
  DEFAULT_BASE_URL,
  parseAllowListText,
  validateProfileDraft,
  type DraftField,
  type FieldErrors,
  type Profile,
  type ProfileDraft,
} from '../../lib/profiles';
import type { Profiles } from './profiles.svelte';

/** One message beside a field: `fail` blocks saving, `warn` only says something is off. */
export interface FieldProblem {
  message: string;
  severity: 'fail' | 'warn';
}

const KEY_FIELDS: Readonly<Record<'accountKey' | 'userKey', KeyRole>> = {
  accountKey: 'account',
  userKey: 'user',
};
const FIELDS: readonly DraftField[] = [
  'name',
  'accountKey',
  'userKey',
  'baseUrl',
  'keyName',
  'allowList',
  'notes',
];

export class ProfileForm {
  name = $state('');
  accountKey = $state('');
  userKey = $state('');
  baseUrl = $state(DEFAULT_BASE_URL);
  keyName = $state('');
  allowList = $state('');
  notes = $state('');
  keysInTabOnly = $state(false);
  #profiles: Profiles;
  #original = $state.raw<Profile | null>(null);
  #attempted = $state(false);
  #saving = $state(false);
  #saveErrors = $state.raw<FieldErrors>({});
  #failure = $state<string | null>(null);
  #conflict = $state.raw<{ message: string; stored: Profile | null } | null>(null);
  /** Shown once before keys kept only in this tab are stored: the next save stores them. */
  #storeWarning = $state<string | null>(null);
  #errors = $derived.by(() =>
    validateProfileDraft(this.draft, {
      existing: this.#profiles.profiles,
      requireKeys: this.#requireKeys(),
    }),
  );

  /** A form for a new profile, or for editing `profile`. */
  constructor(profiles: Profiles, profile?: Profile) {
    this.#profiles = profiles;
    if (profile !== undefined) this.#fill(profile);
  }

  /** The profile being edited, as it was loaded; null for a new one. */
  get original(): Profile | null {
    return this.#original;
  }
  get saving(): boolean {
    return this.#saving;
  }
  /** Why the last save did not happen (storage, lock...), for a person. */
  get failure(): string | null {
    return this.#failure;
  }
  /**
   * The box "Keep keys only in this tab" was unticked on a profile whose keys are kept only in
   * this tab: saving would store them, so the first save asks instead. Null otherwise.
   */
  get storeWarning(): string | null {
    return this.#wouldStoreTabKeys() ? this.#storeWarning : null;
  }

  /** Another tab saved this profile first: offer `reloadStored()` or `overwrite()`. */
  get conflict(): { message: string; stored: Profile | null } | null {
    return this.#conflict;
  }

  get draft(): ProfileDraft {
    const draft: ProfileDraft = {
      name: this.name,
      accountKey: this.accountKey,
      userKey: this.userKey,
      baseUrl: this.baseUrl,
      allowList: parseAllowListText(this.allowList),
      notes: this.notes,
      keysInTabOnly: this.keysInTabOnly,
    };
    if (this.keyName.trim() !== '') draft.keyName = this.keyName.trim();
    const original = this.#original;
    if (original !== null) {
      draft.id = original.id;
      draft.revision = original.revision;
    }
    return draft;
  }

  /**
   * What is wrong with a field. A field's own rule shows once something is typed in it or a
   * save was tried (an empty new form is not scolded); key findings show as soon as they apply,
   * so a pasted trailing newline is named at once.
   */
  problems(field: DraftField): FieldProblem[] {
    const found: FieldProblem[] = [];
    const error = this.#saveErrors[field] ?? this.#errors[field];
    if (error !== undefined && (this.#attempted || this.#valueOf(field) !== '')) {
      found.push({ message: error, severity: 'fail' });
    }
    if (field === 'accountKey' || field === 'userKey') {
      const value = this[field];
      if (value !== '') {
        for (const f of checkKeyValue(value, KEY_FIELDS[field])) {
          found.push({ message: f.message, severity: f.severity });
        }
      }
      if (field === 'userKey' && value !== '' && value === this.accountKey) {
        found.push({
          message:
            'The user key is the same as the account key: each header needs its own key (the account key from the API Keys page, the user key from the user key you created).',
          severity: 'fail',
        });
      }
    }
    return found;
  }

  invalid(field: DraftField): boolean {
    return this.problems(field).some((p) => p.severity === 'fail');
  }

  /** The first field with a blocking problem, to move focus there; null when none. */
  get firstInvalid(): DraftField | null {
    return FIELDS.find((f) => this.invalid(f)) ?? null;
  }

  /** Saves; true when saved. On any failure everything typed stays as it is. */
  async save(overwrite = false): Promise<boolean> {
    this.#attempted = true;
    this.#saveErrors = {};
    this.#failure = null;
    if (this.firstInvalid !== null) return false;
    if (this.#wouldStoreTabKeys() && this.#storeWarning === null) {
      const where =
        this.#profiles.vault === 'off'
          ? 'in this browser in plain text (encryption is off)'
          : 'in this browser, encrypted with your passphrase';
      this.#storeWarning = `These keys are kept only in this tab. Saving with the box unticked stores them ${where}. Save again to store them, or tick "Keep keys only in this tab".`;
      return false;
    }
    this.#saving = true;
    try {
      const result = await this.#profiles.save(this.draft, {
        overwrite,
        requireKeys: this.#requireKeys(),
      });
      if (result.ok) {
        this.#conflict = null;
        this.#storeWarning = null;
        this.#fill(result.profile);
        return true;
      }
      if (result.kind === 'invalid') this.#saveErrors = result.errors;
      else if (result.kind === 'conflict') {
        this.#conflict = { message: result.message, stored: result.stored };
      } else this.#failure = result.message;
      return false;
    } catch {
      this.#failure = 'The profile could not be saved. Your changes are still in the form.';
      return false;
    } finally {
      this.#saving = false;
    }
  }

  /** The conflict's "Overwrite": saves this version over the other tab's (or anew if deleted). */
  overwrite(): Promise<boolean> {
    if (this.#conflict?.stored === null) this.#original = null;
    return this.save(this.#conflict?.stored !== null);
  }

  /** The conflict's "Reload": drops what was typed and shows the version now stored. */
  reloadStored(): void {
    const stored = this.#conflict?.stored;
    if (stored !== undefined && stored !== null) this.#fill(stored);
    this.#conflict = null;
  }

  #fill(profile: Profile): void {
    this.#original = profile;
    this.name = profile.name;
    this.accountKey = profile.accountKey;
    this.userKey = profile.userKey;
    this.baseUrl = profile.baseUrl;
    this.keyName = profile.keyName ?? '';
    this.allowList = (profile.allowList ?? []).join('\n');
    this.notes = profile.notes;
    this.keysInTabOnly = profile.keysInTabOnly;
  }

  // Editing a profile whose keys are not at hand (locked, gone with their tab, never given)
  // must still allow changing its name or notes without retyping keys.
  #requireKeys(): boolean {
    const original = this.#original;
    if (original === null || original.keyState === 'available') return true;
    return this.accountKey !== '' || this.userKey !== '';
  }

  #wouldStoreTabKeys(): boolean {
    return (
      this.#original?.keysInTabOnly === true &&
      !this.keysInTabOnly &&
      (this.accountKey !== '' || this.userKey !== '')
    );
  }

  #valueOf(field: DraftField): string {
    return field === 'allowList' ? this.allowList.trim() : this[field];
  }
}
