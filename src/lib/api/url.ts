/**
 * Building the URL a request goes to.
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
