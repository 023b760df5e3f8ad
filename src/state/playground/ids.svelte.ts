/**
 * The ids the sandbox has for the chosen operation's path parameters, for the id fields' pick
 * lists (typing stays allowed). Only in sandbox mode: a real account's ids are never fetched
 * behind the person's back, since every request spends the account's rate limit.
 */
export type IdSource = () => Promise<Record<string, string[]>>;

export class IdChoices {
  #ids = $state.raw<Record<string, string[]>>({});
  #asked = 0;

  /** Ids by path parameter name; empty when there is nothing to offer. */
  get ids(): Readonly<Record<string, readonly string[]>> {
    return this.#ids;
  }

  /** Asks `source` (or clears, given null); an older answer arriving late is dropped. */
  async refresh(source: IdSource | null): Promise<void> {
    const asked = ++this.#asked;
    if (!source) {
      this.#ids = {};
      return;
    }
    try {
      const ids = await source();
      if (asked === this.#asked) this.#ids = ids;
    } catch {
      // No pick list is no loss: the fields still take typed ids.
      if (asked === this.#asked) this.#ids = {};
    }
  }
}
