/**
 * "Check keys" on a profile: `GET /v1/` with its keys, the checklist of the answer, and what the
 * profile learns from a success. The request engine is loaded on first use.
 */
import { ACCOUNT_KEY_HEADER, USER_KEY_HEADER, type Checklist } from '../../lib/core/checklist';
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import type { Profile } from '../../lib/profiles';
import { diagnoseContextOf } from '../../lib/profiles/learned';
import { loadEngine, type Engine } from '../../lib/inspect/load-engine';
import type { Profiles } from './profiles.svelte';
import { pageFacts } from '../../browser/page';

export interface KeyCheckResult {
  checklist: Checklist;
  /** The HTTP status, or null when no answer came back. */
  status: number | null;
  /** True when the profile learned from this answer. */
  learned: boolean;
}

export class KeyCheck {
  #profiles: Profiles;
  #engine: () => Promise<Engine>;
  // Reactive collections: each profile's card follows only its own entry.
  #results = new SvelteMap<string, KeyCheckResult>();
  #busy = new SvelteSet<string>();
  #latest = $state<string | null>(null);
  #failure = $state('');

  constructor(profiles: Profiles, engine: () => Promise<Engine> = loadEngine) {
    this.#profiles = profiles;
    this.#engine = engine;
  }

  /** The last check of a profile in this tab (checklists hold no key). */
  result(id: string): KeyCheckResult | undefined {
    return this.#results.get(id);
  }

  /** The profile checked last: its checklist is the one shown (one checklist at a time). */
  get latest(): string | null {
    return this.#latest;
  }

  /** Why the last check could not run (the request engine did not load), or ''. */
  get failure(): string {
    return this.#failure;
  }

  checking(id: string): boolean {
    return this.#busy.has(id);
  }

  /**
   * Sends `GET /v1/` with the profile's keys to its base URL (a profile pointed at the sandbox's
   * address is answered by the sandbox) and diagnoses the answer with what the profile knew.
   */
  async check(profile: Profile): Promise<KeyCheckResult | undefined> {
    if (this.#busy.has(profile.id)) return undefined;
    this.#busy.add(profile.id);
    this.#latest = profile.id;
    try {
      this.#failure = '';
      let engine: Engine;
      try {
        engine = await this.#engine();
      } catch {
        this.#failure =
          'The request engine could not be loaded, so nothing was sent. Check the connection, then try again (or reload the page).';
        return undefined;
      }
      const inspected = await engine.inspectSent(
        {
          baseUrl: profile.baseUrl,
          method: 'GET',
          path: '/v1/',
          headers: [
            { name: ACCOUNT_KEY_HEADER, value: profile.accountKey },
            { name: USER_KEY_HEADER, value: profile.userKey },
          ],
        },
        { sandbox: engine.sandbox, page: pageFacts(), context: diagnoseContextOf(profile) },
      );
      const learned = inspected.learned
        ? await this.#profiles.learn(profile.id, inspected.learned)
        : false;
      const { checklist, exchange } = inspected;
      const result = { checklist, status: exchange.response?.status ?? null, learned };
      this.#results.set(profile.id, result);
      this.#latest = profile.id;
      return result;
    } finally {
      this.#busy.delete(profile.id);
    }
  }
}
