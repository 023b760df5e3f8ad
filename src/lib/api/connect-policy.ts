/**
 * Where the page may connect: the same list as `connect-src` in the Content-Security-Policy
 * (scripts/csp.js, which the build loads as plain JavaScript and so cannot import this file; a
 * unit test keeps the two lists equal). Checking it before sending lets the checklist say
 * "blocked by the page's policy" instead of the browser's bare "Failed to fetch".
 */
import type { TransportFailure } from '../core/exchange';

export const CONNECT_SOURCES: readonly string[] = [
  "'self'",
  'https://api.redislabs.com',
  'http://127.0.0.1:*',
  'http://localhost:*',
  // No `http://[::1]:*`: Chromium rejects an IPv6 literal in a source expression with a console
  // error and ignores it, so [::1] was never reachable; the relay listens on 127.0.0.1.
];

const DEFAULT_PORT: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' };

function portOf(url: URL): string {
  return url.port || DEFAULT_PORT[url.protocol] || '';
}

/**
 * Whether one CSP source expression allows `url`. Follows CSP Level 3 "does url match
 * expression": an `http:` source also matches `https:` (the secure upgrade), `*` as the port
 * matches any port, no port means the scheme's default port, and `'self'` is the page's origin
 * (also matched by its `https:` upgrade).
 */
function matchesSource(source: string, url: URL, page: URL | null): boolean {
  if (source === "'self'") {
    if (!page) return false;
    const upgraded = page.protocol === 'http:' && url.protocol === 'https:';
    return (
      url.hostname === page.hostname &&
      (url.protocol === page.protocol || upgraded) &&
      (portOf(url) === portOf(page) || (upgraded && portOf(url) === '443'))
    );
  }
  const match = /^(https?):\/\/(\[[^\]]+\]|[^:/]+)(?::(\d+|\*))?$/.exec(source);
  if (!match) return false;
  const [, scheme, host, port] = match;
  const schemeOk =
    url.protocol === `${scheme}:` || (scheme === 'http' && url.protocol === 'https:');
  if (!schemeOk || url.hostname !== host) return false;
  if (port === '*') return true;
  const wanted = port ?? DEFAULT_PORT[`${scheme}:`];
  return portOf(url) === wanted || (scheme === 'http' && !port && portOf(url) === '443');
}

/**
 * Whether the page at `pageOrigin` may connect to `url` under `CONNECT_SOURCES`: the page's own
 * origin, https://api.redislabs.com, and http(s) on loopback (127.0.0.1, localhost) on
 * any port. `pageOrigin` may be `null` (no page, or an opaque origin): then only the listed
 * hosts are allowed.
 */
export function isConnectAllowed(url: URL | string, pageOrigin: string | null): boolean {
  let target: URL;
  let page: URL | null = null;
  try {
    target = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  try {
    page = pageOrigin && pageOrigin !== 'null' ? new URL(pageOrigin) : null;
  } catch {
    page = null;
  }
  return CONNECT_SOURCES.some((source) => matchesSource(source, target, page));
}

/**
 * A `blocked-by-policy` failure when the page may not connect to `url`, or null. The message
 * names only the origin, never the path or query (they may hold anything).
 */
export function connectPolicyFailure(url: URL, pageOrigin: string | null): TransportFailure | null {
  if (isConnectAllowed(url, pageOrigin)) return null;
  if (url.hostname === '[::1]') {
    return {
      kind: 'blocked-by-policy',
      message: `This page may not connect to ${url.origin}: a Content-Security-Policy cannot name an IPv6 address, so nothing was sent. The local relay listens on 127.0.0.1: use http://127.0.0.1:${url.port || '80'} instead.`,
    };
  }
  return {
    kind: 'blocked-by-policy',
    message: `This page may connect only to itself, https://api.redislabs.com and loopback addresses (a local relay); ${url.origin} is none of them, so nothing was sent.`,
  };
}
