/// <reference types="vite-plugin-pwa/client" />
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';

/** Registers the service worker; resolves to the function that activates a waiting version. */
export type RegisterServiceWorker = (
  options: RegisterSWOptions,
) => Promise<(reloadPage?: boolean) => Promise<void>>;

// The registration code loads after the first paint and only where service workers exist.
const registerLazily: RegisterServiceWorker = async (options) =>
  (await import('virtual:pwa-register')).registerSW(options);

/**
 * The offline copy of the app and its updates. A new version waits until the person chooses
 * to reload: swapping it in unasked could throw away a half-typed request or profile.
 */
export class AppUpdate {
  #ready = $state(false);
  #register: RegisterServiceWorker;
  #activate: ((reload?: boolean) => Promise<void>) | null = null;

  constructor(register: RegisterServiceWorker = registerLazily) {
    this.#register = register;
  }

  /** True when a new version is installed and waiting. */
  get ready(): boolean {
    return this.#ready;
  }

  async start(): Promise<void> {
    this.#activate = await this.#register({
      immediate: true,
      onNeedRefresh: () => (this.#ready = true),
    });
  }

  /** Activates the waiting version and reloads the page with it. */
  async reload(): Promise<void> {
    await this.#activate?.(true);
  }

  /** Keeps the current version for now; the new one is offered again on the next visit. */
  later(): void {
    this.#ready = false;
  }
}

export const appUpdate = new AppUpdate();
