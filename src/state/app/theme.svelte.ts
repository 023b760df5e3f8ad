import { THEMES, type ThemeChoice } from '../../lib/profiles/theme-choice';

export { THEMES, type ThemeChoice };

export interface ThemeStore {
  load(): Promise<ThemeChoice>;
  save(choice: ThemeChoice): Promise<void>;
}

// IndexedDB code loads after the first paint: the first load stays small.
const preference = () => import('../../lib/profiles/theme-preference');
const idbTheme: ThemeStore = {
  load: async () => (await preference()).loadTheme(),
  save: async (choice) => (await preference()).saveTheme(choice),
};

/**
 * The colour theme: `system` follows `prefers-color-scheme`; `light` and `dark` set
 * `data-theme` on the root element, which app.css reads. Kept in IndexedDB, never localStorage.
 */
export class Theme {
  #choice = $state<ThemeChoice>('system');
  #root: HTMLElement | undefined;
  #store: ThemeStore;
  #changes = 0;

  // No document when the first screen is rendered at build time: nothing to apply then.
  constructor(
    root: HTMLElement | undefined = globalThis.document?.documentElement,
    store: ThemeStore = idbTheme,
  ) {
    this.#root = root;
    this.#store = store;
  }

  get choice(): ThemeChoice {
    return this.#choice;
  }

  /** Applies the saved choice. IndexedDB is asynchronous, so the system theme shows first. */
  async load(): Promise<void> {
    const before = this.#changes;
    const saved = await this.#store.load().catch(() => 'system' as const);
    // A choice made while the saved one was being read wins over it.
    if (this.#changes === before) this.#apply(saved);
  }

  async set(choice: ThemeChoice): Promise<void> {
    this.#changes++;
    this.#apply(choice);
    // A theme that cannot be saved still applies for this visit.
    await this.#store.save(choice).catch(() => undefined);
  }

  #apply(choice: ThemeChoice): void {
    this.#choice = choice;
    if (choice === 'system') this.#root?.removeAttribute('data-theme');
    else if (this.#root) this.#root.dataset['theme'] = choice;
  }
}

export const theme = new Theme();
