import { parseRoute, type Route } from '../../lib/core/route';

export type { Route } from '../../lib/core/route';

/** The current view, read from and written to `location.hash`. */
export class Router {
  #current = $state(parseRoute(''));

  // No window when the first screen is rendered at build time: the first route, then.
  constructor(target: Window | undefined = globalThis.window) {
    if (!target) return;
    const update = () => (this.#current = parseRoute(target.location.hash));
    update();
    target.addEventListener('hashchange', update);
  }

  get route(): Route {
    return this.#current.route;
  }

  /** What follows the route in the hash, e.g. `['3']` for `#/walkthrough/3`. */
  get rest(): string[] {
    return this.#current.rest;
  }

  /** What follows `?` in the hash, e.g. `share=1z.abc` for `#/diagnose?share=1z.abc`; or ''. */
  get query(): string {
    return this.#current.query;
  }
}

export const router = new Router();
