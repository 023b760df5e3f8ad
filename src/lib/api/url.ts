/**
 * Building the URL a request goes to, and telling which URLs a browser treats as secure.
 */

/**
 * The URL for a base URL and a path, with `query` appended to any query the path already has.
 * The path is joined to the base as text, so a base with a path prefix (a relay at
 * `http://localhost:8787/api`) keeps it. Returns null when the result is not an `http:` or
 * `https:` URL, or when `path` is a full URL rather than a path: a typo must not send the keys
 * to a host the user did not choose.
 */
export function buildUrl(
  baseUrl: string,
  path: string,
  query: Readonly<Record<string, string>> = {},
): URL | null {
  const trimmedPath = path.trim();
  if (/^[a-z][a-z\d+.-]*:/i.test(trimmedPath) || trimmedPath.startsWith('//')) return null;
  const base = baseUrl.trim().replace(/\/+$/, '');
  const joined = `${base}${trimmedPath.startsWith('/') ? '' : '/'}${trimmedPath}`;
  let url: URL;
  try {
    url = new URL(joined);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  for (const [name, value] of Object.entries(query)) url.searchParams.append(name, value);
  return url;
}

/**
 * Whether browsers let an `https:` page fetch this `http:` host: loopback names and addresses
 * are "potentially trustworthy" (W3C Secure Contexts), which is what lets the page reach a
 * local relay. Safari is stricter than this rule; the failure then shows as unreachable.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127(\.\d{1,3}){3}$/.test(host)
  );
}
