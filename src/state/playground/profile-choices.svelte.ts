/**
 * The user's profiles in the Playground: offered in the Profile select (group "mine") with what
 * they learned, taught by every answer, and the last one used chosen again on the next visit.
 */
import type { Learned, Profile } from '../../lib/profiles';
import { diagnoseContextOf } from '../../lib/profiles/learned';
import { idbLastProfile, type LastProfileStore } from '../../lib/profiles/last-profile';
import { profiles as appProfiles, type Profiles } from '../profiles/profiles.svelte';
import type { ProfileChoice } from '../../lib/profiles/choices';

/** What a Playground offers and which choice it is on: enough to restore the last one used. */
export interface ChoiceTarget {
  profileId: string;
  readonly choices: readonly { id: string }[];
}

// The select shows why a profile cannot send its keys right now, instead of hiding it.
const KEY_STATE_NOTE: Partial<Record<Profile['keyState'], string>> = {
  locked: ' (keys locked)',
  'tab-closed': ' (keys not in this tab)',
  none: ' (no keys)',
};

function toChoice(profile: Profile): ProfileChoice {
  return {
    id: profile.id,
    name: profile.name + (KEY_STATE_NOTE[profile.keyState] ?? ''),
    group: 'mine',
    baseUrl: profile.baseUrl,
    accountKey: profile.accountKey,
    userKey: profile.userKey,
    context: diagnoseContextOf(profile),
    ...(profile.keyState === 'locked' ? { keysLocked: true } : {}),
  };
}

export class ProfileChoices {
  #profiles: Profiles;
  #lastUsed: LastProfileStore;
  #targets: { target: ChoiceTarget; initial: string }[] = [];
  #list = $derived.by(() => this.#profiles.profiles.map(toChoice));

  constructor(profiles: Profiles = appProfiles, lastUsed: LastProfileStore = idbLastProfile()) {
    this.#profiles = profiles;
    this.#lastUsed = lastUsed;
  }

  /** The profiles as choices; reading them starts the first load (after the first paint). */
  get list(): ProfileChoice[] {
    this.#profiles.start(() => void this.#restore());
    return this.#list;
  }

  /** The Playground's hook: remember the profile as the last used, and learn from the answer. */
  readonly afterAnswer = async (choice: ProfileChoice, learned: Learned | null): Promise<void> => {
    void this.#lastUsed.set(choice.id);
    if (choice.group === 'mine' && learned) await this.#profiles.learn(choice.id, learned);
  };

  /**
   * Puts `target` back on the profile it last sent with once the profiles are loaded, unless
   * the person picked another one meanwhile. Returns `target`.
   */
  remember<T extends ChoiceTarget>(target: T): T {
    this.#targets.push({ target, initial: target.profileId });
    return target;
  }

  async #restore(): Promise<void> {
    const id = await this.#lastUsed.get();
    if (id === undefined) return;
    for (const { target, initial } of this.#targets) {
      if (target.profileId === initial && target.choices.some((c) => c.id === id)) {
        target.profileId = id;
      }
    }
  }
}

/** The app's profiles as Playground choices. */
export const profileChoices = new ProfileChoices();
