/**
 * The user's profiles as the views see them: the list, whether anything is kept, the vault's
 * state, the records kept aside, and the writes (with undo for a delete). The profiles library
 * is imported on first need, after the first paint, so the first screen does not carry it.
 */
import type {
  DeletedProfile,
  DeleteResult,
  Learned,
  Profile,
  ProfileDraft,
  ProfileRepository,
  QuarantinedRecord,
  SaveOptions,
  SaveResult,
  StorageStatus,
  VaultStatus,
} from '../../lib/profiles';

export type OpenRepository = () => Promise<ProfileRepository>;

const openDefault: OpenRepository = () =>
  import('../../lib/profiles/open').then((m) => m.openProfileRepository());

export class Profiles {
  #open: OpenRepository;
  #undoMs: number;
  #repository: Promise<ProfileRepository> | null = null;
  #profiles = $state.raw<Profile[]>([]);
  #quarantined = $state.raw<QuarantinedRecord[]>([]);
  #newerRecords = $state(0);
  #vault = $state<VaultStatus>('off');
  #storage = $state<StorageStatus | null>(null);
  #loaded = $state(false);
  #error = $state<string | null>(null);
  #deleted = $state.raw<DeletedProfile | null>(null);
  #undoTimer: ReturnType<typeof setTimeout> | undefined;
  #started = false;
  #onStart: (() => void) | undefined;
  #loading: Promise<void> | null = null;
  #reloadAgain = false;

  /**
   * @param open opens the repository (tests pass one over their own store).
   * @param undoMs how long a deleted profile can be brought back.
   */
  constructor(open: OpenRepository = openDefault, undoMs = 8000) {
    this.#open = open;
    this.#undoMs = undoMs;
  }

  /** Valid profiles, sorted by name. */
  get profiles(): Profile[] {
    return this.#profiles;
  }
  get quarantined(): QuarantinedRecord[] {
    return this.#quarantined;
  }
  /** Records a newer Keycheck wrote (in another tab): a reload of the page shows them. */
  get newerRecords(): number {
    return this.#newerRecords;
  }
  get vault(): VaultStatus {
    return this.#vault;
  }
  /** Null until the store was opened. */
  get storage(): StorageStatus | null {
    return this.#storage;
  }
  get loaded(): boolean {
    return this.#loaded;
  }
  /** Why the profiles could not be read, for a person. */
  get error(): string | null {
    return this.#error;
  }
  /** The profile deleted last, while it can still be restored. */
  get deleted(): Profile | null {
    return this.#deleted?.profile ?? null;
  }

  byId(id: string): Profile | undefined {
    return this.#profiles.find((p) => p.id === id);
  }

  /**
   * Loads the profiles once, after the current task, so the first paint never waits for it;
   * then calls `onStart` (the first caller's).
   */
  start(onStart?: () => void): void {
    this.#onStart ??= onStart;
    if (this.#started) return;
    this.#started = true;
    setTimeout(() => void this.reload().then(() => this.#onStart?.()), 0);
  }

  /** The repository, opened on first need; other tabs' changes then reload the list. */
  repository(): Promise<ProfileRepository> {
    this.#repository ??= this.#open().then((repository) => {
      this.#storage = repository.storage;
      repository.onRemoteChange(() => void this.reload());
      return repository;
    });
    return this.#repository;
  }

  /** Reads everything again. Calls during a load run once more after it, not in parallel. */
  reload(): Promise<void> {
    if (this.#loading !== null) {
      this.#reloadAgain = true;
      return this.#loading;
    }
    this.#loading = this.#load().finally(() => {
      this.#loading = null;
      if (this.#reloadAgain) {
        this.#reloadAgain = false;
        void this.reload();
      }
    });
    return this.#loading;
  }

  async #load(): Promise<void> {
    try {
      const repository = await this.repository();
      const listing = await repository.list();
      this.#profiles = listing.profiles;
      this.#quarantined = listing.quarantined;
      this.#newerRecords = listing.newerRecords;
      this.#vault = listing.vault;
      this.#storage = repository.storage;
      this.#error = null;
    } catch {
      // The library answers with results; this is a chunk that failed to load or a broken store.
      this.#error = 'Your profiles could not be read. Reload the page to try again.';
    } finally {
      this.#loaded = true;
    }
  }

  /**
   * Saves a draft. When the store refuses the write (full, or gone), the failure is returned
   * as is, so the form says so and keeps its content, and the app goes on in memory: the
   * banner then says nothing will be kept, and saving again keeps the profile for this tab.
   */
  async save(draft: ProfileDraft, options: SaveOptions = {}): Promise<SaveResult> {
    const repository = await this.repository();
    const result = await repository.save(draft, options);
    if (!result.ok && result.kind === 'storage') {
      await repository.switchToMemory(result.reason);
      this.#storage = repository.storage;
    }
    await this.reload();
    return result;
  }

  /** Deletes at once and keeps what it was, so `undoDelete()` can bring it back for a while. */
  async remove(id: string): Promise<DeleteResult> {
    const result = await (await this.repository()).delete(id);
    if (result.ok) {
      clearTimeout(this.#undoTimer);
      this.#deleted = result.deleted;
      this.#undoTimer = setTimeout(() => (this.#deleted = null), this.#undoMs);
    }
    await this.reload();
    return result;
  }

  async undoDelete(): Promise<SaveResult | null> {
    const deleted = this.#deleted;
    if (deleted === null) return null;
    clearTimeout(this.#undoTimer);
    this.#deleted = null;
    const result = await (await this.repository()).restore(deleted);
    await this.reload();
    return result;
  }

  async duplicate(id: string): Promise<SaveResult> {
    const result = await (await this.repository()).duplicate(id);
    await this.reload();
    return result;
  }

  /** Stores what a successful `GET /v1/` taught about a profile's keys; true when it did. */
  /** Keeps what a `GET /v1/` 200 taught (see `inspectSent`); true when it was stored. */
  async learn(id: string, learned: Learned): Promise<boolean> {
    const stored = await (await this.repository()).updateLearned(id, learned);
    if (stored) await this.reload();
    return stored;
  }
}

/** The app's profiles. */
export const profiles = new Profiles();
