/** The views, each a hash route (`#/playground`), so a static host serves them all. */
export const ROUTES = ['playground', 'profiles', 'diagnose', 'walkthrough'] as const;
export type Route = (typeof ROUTES)[number];

/** The first screen: what an empty or unknown hash opens, and what the build prerenders. */
export const FIRST_ROUTE: Route = 'playground';

export interface ParsedRoute {
  route: Route;
  /** What follows the route, e.g. `['3']` for `#/walkthrough/3`. */
  rest: string[];
  /** What follows `?`, e.g. `share=1z.abc` for `#/diagnose?share=1z.abc`; or ''. */
  query: string;
}

/** Reads a location hash (`#/diagnose?share=...`); an unknown route is the first screen. */
export function parseRoute(hash: string): ParsedRoute {
  // `#/diagnose?share=...`: the query belongs to the view, not to the route's name.
  const body = hash.replace(/^#\/?/, '');
  const at = body.indexOf('?');
  const [name = '', ...rest] = (at < 0 ? body : body.slice(0, at)).split('/');
  const route = (ROUTES as readonly string[]).includes(name) ? (name as Route) : FIRST_ROUTE;
  return { route, rest, query: at < 0 ? '' : body.slice(at + 1) };
}
