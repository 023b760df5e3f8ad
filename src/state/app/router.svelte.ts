/** The views, each a hash route (`#/playground`), so a static host serves them all. */
export const ROUTES = ['playground', 'profiles', 'diagnose', 'walkthrough'] as const;
export type Route = (typeof ROUTES)[number];

function parse(hash: string): { route: Route; rest: string[]; query: string } {
  // `#/diagnose?share=...`: the query belongs to the view, not to the route's name.
  const body = hash.replace(/^#\/?/, '');
  const at = body.indexOf('?');
  const [name = '', ...rest] = (at < 0 ? body : body.slice(0, at)).split('/');
  const route = (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'playground';
  return { route, rest, query: at < 0 ? '' : body.slice(at + 1) };
}

/** The current view, read from and written to `location.hash`. */
export class Router {
  #current = $state(parse(''));

  constructor(target: Window = window) {
    const update = () => (this.#current = parse(target.location.hash));
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
