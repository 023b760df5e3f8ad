#!/usr/bin/env node
// Keycheck local relay: forwards requests from the Keycheck page to the Redis Cloud REST API, for
// browsers that refuse to show the API's answers to a page on another origin (CORS).
//
// Run it with `node relay.js` (Node 20 or later, no dependencies), then use the printed address as
// the profile's API base URL. `node relay.js --help` lists the options.
//
// What it promises: it listens on 127.0.0.1 only; forwards only to https://api.redislabs.com and
// only paths under /v1/; answers only pages on the origins it was given; keeps no key and logs no
// header value, body or query string.

import { realpathSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const DEFAULT_TARGET = 'https://api.redislabs.com';
export const DEFAULT_PORT = 8787;
/** Where `npm run dev` (5173) and `npm run preview` (4173) serve the app. */
export const DEFAULT_ORIGINS = Object.freeze([
  'http://localhost:5173',
  'http://127.0.0.1:5173',
  'http://localhost:4173',
  'http://127.0.0.1:4173',
]);
/** API request bodies are small JSON documents; 1 MiB leaves ample room. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The relay's mark on every answer, so the app can tell the answer came through it. */
export const RELAY_HEADER = 'x-keycheck-relay';
/**
 * Set (with a short reason code) only on answers the relay made itself, so the app never takes a
 * relay's 404 or 502 for the API's.
 */
export const RELAY_ERROR_HEADER = 'x-keycheck-relay-error';
/**
 * On the relay's `upstream-redirect` answer: the API's 3xx status and Location. The relay never
 * follows a redirect (the keys would go wherever it points), and never passes one on as a
 * redirect either: the browser would follow it with the keys, or hide it from the page.
 */
export const UPSTREAM_STATUS_HEADER = 'x-keycheck-upstream-status';
export const UPSTREAM_LOCATION_HEADER = 'x-keycheck-upstream-location';
/** The statuses `fetch` follows as redirects. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const ALLOWED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const ALLOWED_REQUEST_HEADERS = ['x-api-key', 'x-api-secret-key', 'content-type', 'accept'];
/** A header name as HTTP defines it (a token). */
const HEADER_TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

/**
 * The headers an allowed page may send: the two keys and the content headers, plus any other
 * header the person added in the Playground (it goes to the API like the keys do; the relay
 * strips cookies and hop-by-hop headers on the way anyway).
 * @param {string | undefined} requested the preflight's Access-Control-Request-Headers
 * @returns {string[]}
 */
function allowedRequestHeaders(requested) {
  const extra = (requested ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => HEADER_TOKEN.test(name) && name !== 'cookie');
  return [...new Set([...ALLOWED_REQUEST_HEADERS, ...extra])];
}
/** Response headers the page may read; names actually present in an answer are added to these. */
const EXPOSED_HEADERS = [
  'x-rate-limit-retry-after-seconds',
  'x-rate-limit-remaining',
  'retry-after',
  'content-type',
  'content-length',
  'server',
  'date',
  RELAY_HEADER,
  RELAY_ERROR_HEADER,
];
/** What the page may read of an answer the relay made itself. */
const RELAY_EXPOSED_HEADERS = [
  RELAY_HEADER,
  RELAY_ERROR_HEADER,
  UPSTREAM_STATUS_HEADER,
  UPSTREAM_LOCATION_HEADER,
].join(', ');
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** RFC 9110 section 7.6.1: meaningful for one connection only, so never passed on. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * Request headers the API never needs: the relay stands in for a terminal client such as curl,
 * which sends no cookies and no browser context (origin, referrer, fetch metadata).
 */
const DROPPED_REQUEST_HEADERS = new Set([
  'host',
  'cookie',
  'origin',
  'referer',
  'content-length',
  // Answered here already (Node sends the 100 Continue); the body goes upstream whole.
  'expect',
  'access-control-request-method',
  'access-control-request-headers',
  'access-control-request-private-network',
]);

/** Thrown when the relay is configured with something it refuses; the message says what. */
export class RelayConfigError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'RelayConfigError';
  }
}

/**
 * @typedef {object} RelayOptions
 * @property {string} [target] Where requests go. Default `https://api.redislabs.com`; anything else
 *   must be https, or http to a loopback address (for tests).
 * @property {readonly string[]} [origins] App origins allowed to read answers. Default: the local
 *   dev and preview servers (`DEFAULT_ORIGINS`).
 * @property {number} [maxBodyBytes] Request bodies above this get 413. Default 1 MiB.
 * @property {number} [timeoutMs] Time allowed for the upstream answer; past it, 504. Default 30 s.
 * @property {(line: string) => void} [log] Receives one line per request. Default: stdout.
 */

/** @param {string} hostname a URL's hostname (IPv6 in brackets) */
function isLoopbackHostname(hostname) {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/** @param {string | undefined} address a socket's remote address */
function isLoopbackAddress(address) {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || (isIP(plain) === 4 && plain.startsWith('127.'));
}

/**
 * Checks a target URL: https anywhere, or http only to loopback (a test server), because the
 * relay sends both keys there and plain http elsewhere would show them to the network.
 * @param {string} text
 * @returns {URL} the target, an origin with no path
 * @throws {RelayConfigError}
 */
export function checkTarget(text) {
  /** @type {URL} */
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new RelayConfigError(
      `Target "${text}" is not a URL. Give an origin such as ${DEFAULT_TARGET}.`,
    );
  }
  if (url.protocol === 'http:' && !isLoopbackHostname(url.hostname)) {
    throw new RelayConfigError(
      `Target ${url.origin} refused: plain http is allowed only to a loopback address (127.0.0.0/8, ::1, localhost), because the relay sends both API keys there. Use https.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RelayConfigError(
      `Target "${text}" refused: only https (or http to a loopback address) is allowed.`,
    );
  }
  if (url.username || url.password) {
    throw new RelayConfigError(
      `Target "${url.origin}" refused: it must not hold a user or password.`,
    );
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new RelayConfigError(
      `Target "${text}" refused: give an origin only, such as ${DEFAULT_TARGET}; the request's /v1/ path is added to it.`,
    );
  }
  return url;
}

/**
 * Checks an app origin given with --origin and returns it in the form browsers send.
 * @param {string} text
 * @returns {string}
 * @throws {RelayConfigError}
 */
export function checkOrigin(text) {
  /** @type {URL | undefined} */
  let url;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  // "null" and "*" would let any sandboxed frame or any site read answers made with the user's keys.
  if (
    !url ||
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.origin === 'null' ||
    url.pathname !== '/' ||
    url.search ||
    url.hash ||
    url.username
  ) {
    throw new RelayConfigError(
      `Origin "${text}" refused: give the app's origin as the browser shows it, scheme, host and port only, such as https://keycheck.example or http://127.0.0.1:4173.`,
    );
  }
  return url.origin;
}

/**
 * A request path as it may appear in the log: no query string (it could hold secrets), no
 * control characters (they could rewrite the terminal), and not endless.
 * @param {string | undefined} rawUrl
 */
function loggablePath(rawUrl) {
  const path = (rawUrl ?? '').split('?')[0] ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = path.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 200 ? `${clean.slice(0, 200)}...` : clean || '-';
}

/**
 * Builds the relay. It does not listen: call `server.listen(port, '127.0.0.1')`. Requests from
 * anywhere but loopback, with a Host other than `127.0.0.1:<port>` or `localhost:<port>`, or from
 * a page origin not in `origins` are refused and never forwarded. Its own refusals carry CORS
 * headers for the page that asked and an exposed `x-keycheck-relay-error`, so that page can say
 * what to do (a refusal holds no answer of the API's, so any page may read it); for the same
 * reason a preflight from loopback is answered for any origin: the request it clears is still
 * refused before anything is forwarded. It never follows the API's redirects (see
 * `UPSTREAM_STATUS_HEADER`).
 * @param {RelayOptions} [options]
 * @returns {http.Server}
 * @throws {RelayConfigError} when the target or an origin is refused
 */
export function createRelay(options = {}) {
  const target = checkTarget(options.target ?? DEFAULT_TARGET);
  const origins = new Set((options.origins ?? DEFAULT_ORIGINS).map(checkOrigin));
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const log = options.log ?? ((line) => console.log(line));
  const transport = target.protocol === 'https:' ? https : http;

  const server = http.createServer((req, res) => {
    const started = performance.now();
    /** A word for the log when the relay itself refused or failed; never a header value. */
    let note = '';
    res.on('close', () => {
      const ms = Math.round(performance.now() - started);
      const status = res.writableFinished ? String(res.statusCode) : `${res.statusCode} (cut off)`;
      log(
        `${req.method ?? '-'} ${loggablePath(req.url)} ${status} ${ms}ms${note ? ` (${note})` : ''}`,
      );
    });

    /**
     * An answer made by the relay itself, in plain text.
     * @param {number} status
     * @param {string} code for RELAY_ERROR_HEADER and the log
     * @param {string} text
     * @param {Record<string, string>} [headers]
     */
    const refuse = (status, code, text, headers = {}) => {
      note = code;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(status, {
        ...headers,
        ...readableBy(req.headers.origin),
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
        [RELAY_HEADER]: '1',
        [RELAY_ERROR_HEADER]: code,
      });
      res.end(`Keycheck relay: ${text}\n`);
    };

    // Only this machine may use the relay, even if someone makes it listen more widely.
    if (!isLoopbackAddress(req.socket.remoteAddress)) {
      refuse(403, 'not-loopback', 'only requests from this machine are relayed.');
      return;
    }

    // Answered for any page: a preflight carries no key, and the request it clears is still
    // refused below (with an answer the page can read) unless its origin and Host are allowed.
    if (req.method === 'OPTIONS') {
      const origin = req.headers.origin;
      /** @type {Record<string, string>} */
      const preflight = {
        ...readableBy(origin),
        [RELAY_HEADER]: '1',
        allow: ALLOWED_METHODS.join(', '),
        'access-control-allow-methods': ALLOWED_METHODS.join(', '),
        'access-control-allow-headers': allowedRequestHeaders(
          req.headers['access-control-request-headers'],
        ).join(', '),
        'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
      };
      // Chrome asks a public https page's permission to reach a loopback address (Private
      // Network Access); the deployed app is exactly that case.
      if (
        preflight['access-control-allow-origin'] &&
        req.headers['access-control-request-private-network'] === 'true'
      ) {
        preflight['access-control-allow-private-network'] = 'true';
      }
      res.writeHead(204, preflight);
      res.end();
      return;
    }

    // DNS rebinding: a site whose name now resolves to 127.0.0.1 would send its own Host.
    const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
    const host = (req.headers.host ?? '').toLowerCase();
    const hostOk =
      host === `127.0.0.1:${port}` ||
      host === `localhost:${port}` ||
      (port === 80 && (host === '127.0.0.1' || host === 'localhost'));
    if (!hostOk) {
      refuse(
        421,
        'host-refused',
        `the Host header must be 127.0.0.1:${port} or localhost:${port}; use http://127.0.0.1:${port} as the profile's API base URL.`,
      );
      return;
    }

    const origin = req.headers.origin;
    // No Origin: a terminal client on this machine, which could call the API directly anyway.
    const originAllowed = origin !== undefined && origins.has(origin);
    if (origin !== undefined && !originAllowed) {
      refuse(
        403,
        'origin-refused',
        `pages on ${origin} may not use this relay. Restart it with --origin ${origin} if that is where Keycheck runs.`,
      );
      return;
    }
    /** @type {Record<string, string>} */
    const cors = originAllowed
      ? { 'access-control-allow-origin': /** @type {string} */ (origin), vary: 'Origin' }
      : { vary: 'Origin' };

    if (!ALLOWED_METHODS.includes(req.method ?? '')) {
      refuse(405, 'method-refused', `only ${ALLOWED_METHODS.join(', ')} are relayed.`, {
        ...cors,
        allow: ALLOWED_METHODS.join(', '),
      });
      return;
    }

    // Resolve the path as the upstream server would (dot segments, %2e) before checking it,
    // so /v1/../ cannot leave /v1/.
    const rawUrl = req.url ?? '';
    /** @type {URL | undefined} */
    let upstreamUrl;
    if (rawUrl.startsWith('/v1/')) {
      try {
        upstreamUrl = new URL(rawUrl, target);
      } catch {
        upstreamUrl = undefined;
      }
    }
    if (
      !upstreamUrl ||
      upstreamUrl.origin !== target.origin ||
      !upstreamUrl.pathname.startsWith('/v1/')
    ) {
      refuse(404, 'path-refused', 'only paths under /v1/ are relayed to the API.', cors);
      return;
    }

    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBodyBytes) {
      tooLarge();
      return;
    }

    /** @type {Buffer[]} */
    const chunks = [];
    let received = 0;
    let refused = false;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      if (refused) return;
      received += chunk.length;
      if (received > maxBodyBytes) {
        refused = true;
        chunks.length = 0;
        tooLarge();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) forward(/** @type {URL} */ (upstreamUrl), Buffer.concat(chunks));
    });

    function tooLarge() {
      // Read and discard the rest, so the client sees the 413 instead of a reset connection.
      req.resume();
      refuse(413, 'body-too-large', `request bodies are limited to ${maxBodyBytes} bytes.`, {
        ...cors,
        connection: 'close',
      });
    }

    /**
     * @param {URL} url
     * @param {Buffer} body
     */
    function forward(url, body) {
      /** @type {http.OutgoingHttpHeaders} */
      const headers = {};
      const named = connectionTokens(req.headers.connection);
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined) continue;
        if (HOP_BY_HOP.has(name) || named.has(name) || DROPPED_REQUEST_HEADERS.has(name)) continue;
        if (name.startsWith('sec-') || name.startsWith('proxy-')) continue;
        headers[name] = value;
      }
      headers.host = target.host;
      if (body.length > 0 || !['GET', 'DELETE'].includes(req.method ?? '')) {
        headers['content-length'] = String(body.length);
      }

      const upstream = transport.request(url, { method: req.method, headers });
      const timer = setTimeout(() => {
        upstream.destroy();
        // Past the headers, refuse() can only cut the answer off, which the page sees as such.
        refuse(
          504,
          'upstream-timeout',
          `${target.origin} did not answer within ${timeoutMs / 1000} s.`,
          cors,
        );
      }, timeoutMs);
      // The browser cancelled or went away: stop waiting for the API too.
      res.on('close', () => {
        clearTimeout(timer);
        upstream.destroy();
      });
      upstream.on('error', (error) => {
        clearTimeout(timer);
        // Destroying the upstream request (timeout, client gone) also lands here: the answer
        // is already complete then and must not be cut.
        if (res.writableEnded) return;
        if (res.headersSent) {
          res.destroy();
          return;
        }
        // The error code only: a message could hold anything the network layer saw.
        const code = /** @type {NodeJS.ErrnoException} */ (error).code ?? 'unknown error';
        refuse(502, 'upstream-unreachable', `could not reach ${target.origin} (${code}).`, cors);
      });
      upstream.on('response', (answer) => {
        if (REDIRECT_STATUSES.has(answer.statusCode ?? 0)) {
          clearTimeout(timer);
          answer.resume();
          const location = answer.headers.location ?? '';
          refuse(
            502,
            'upstream-redirect',
            `${target.origin} answered ${answer.statusCode} with a redirect; the relay does not follow redirects, so the keys went no further.`,
            {
              [UPSTREAM_STATUS_HEADER]: String(answer.statusCode),
              ...(location ? { [UPSTREAM_LOCATION_HEADER]: location } : {}),
            },
          );
          return;
        }
        const outHeaders = answerHeaders(answer.headers, cors);
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, outHeaders);
        answer.pipe(res);
        answer.on('end', () => clearTimeout(timer));
        answer.on('error', () => res.destroy());
      });
      upstream.end(body);
    }
  });

  // The client's own request must not hold a connection open longer than the upstream may.
  server.requestTimeout = timeoutMs + 5_000;
  server.headersTimeout = Math.min(60_000, timeoutMs + 5_000);
  return server;
}

/**
 * CORS headers that let the page on `origin` read an answer the relay made itself: the status,
 * the body and the relay's reason code. Nothing for a request without an origin, or from an
 * opaque one ("null").
 * @param {string | undefined} origin
 * @returns {Record<string, string>}
 */
function readableBy(origin) {
  if (origin === undefined || origin === 'null') return { vary: 'Origin' };
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': RELAY_EXPOSED_HEADERS,
    vary: 'Origin',
  };
}

/**
 * Header names listed in a Connection header: hop-by-hop for this connection only.
 * @param {string | undefined} value
 */
function connectionTokens(value) {
  return new Set(
    (value ?? '')
      .split(',')
      .map((token) => token.trim().toLowerCase())
      .filter(Boolean),
  );
}

/**
 * The API's response headers as the page gets them: without hop-by-hop headers, cookies or the
 * API's own CORS headers (the relay decides who may read), with the relay's mark and CORS.
 * @param {http.IncomingHttpHeaders} upstream
 * @param {Record<string, string>} cors
 * @returns {http.OutgoingHttpHeaders}
 */
function answerHeaders(upstream, cors) {
  /** @type {http.OutgoingHttpHeaders} */
  const headers = {};
  const named = connectionTokens(
    Array.isArray(upstream.connection) ? upstream.connection.join(',') : upstream.connection,
  );
  const exposed = new Set(EXPOSED_HEADERS);
  for (const [name, value] of Object.entries(upstream)) {
    if (value === undefined) continue;
    if (HOP_BY_HOP.has(name) || named.has(name)) continue;
    if (name === 'set-cookie' || name === 'set-cookie2') continue;
    if (name.startsWith('access-control-') || name === 'vary') continue;
    headers[name] = value;
    exposed.add(name);
  }
  // Keep what the API varies on, and add Origin: answers differ per origin.
  const vary = /** @type {string | undefined} */ (upstream.vary);
  headers.vary = vary ? `${vary}, Origin` : 'Origin';
  if (cors['access-control-allow-origin']) {
    headers['access-control-allow-origin'] = cors['access-control-allow-origin'];
    headers['access-control-expose-headers'] = [...exposed].join(', ');
  }
  headers[RELAY_HEADER] = '1';
  return headers;
}

/** @param {string} command how the relay is started, e.g. `node relay.js` */
const usage = (
  command,
) => `Keycheck relay: forwards Keycheck's requests to the Redis Cloud REST API, for browsers
that do not show the API's answers to the page (CORS).

Usage: ${command} [options]

Options:
  --port <n>      Port on 127.0.0.1 to listen on (default ${DEFAULT_PORT}; 0 picks a free one).
  --origin <url>  Origin of the Keycheck page allowed to use the relay, such as
                  https://keycheck.example. Repeat for several. Default: the local
                  dev and preview servers, ${DEFAULT_ORIGINS.join(',\n                  ')}.
  --target <url>  Where to forward (default ${DEFAULT_TARGET}). Only https, or http to a
                  loopback address, for testing. Also read from KEYCHECK_RELAY_TARGET.
  --help          Show this text.

It listens on 127.0.0.1 only, forwards only paths under /v1/, answers only the origins above,
and logs method, path (without query string), status and duration: never a key, header value
or body. Stop it with Ctrl+C.
`;

/**
 * The command line: parses options, starts the relay and prints its address. Also the `relay`
 * command of keycheck.mjs, which names itself in `command`.
 * @param {string[]} argv arguments after the script name
 * @param {NodeJS.ProcessEnv} env
 * @param {string} [command] how the relay is started, for --help
 */
export function main(argv, env, command = 'node relay.js') {
  /** @type {ReturnType<typeof parseCommandLine>} */
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    console.error(`Keycheck relay: ${error instanceof Error ? error.message : String(error)}`);
    console.error('Run with --help to see the options.');
    process.exitCode = 2;
    return;
  }
  if (parsed.help) {
    process.stdout.write(usage(command));
    return;
  }
  const target = parsed.target ?? env.KEYCHECK_RELAY_TARGET ?? DEFAULT_TARGET;
  const origins = parsed.origins.length > 0 ? parsed.origins : DEFAULT_ORIGINS;
  /** @type {http.Server} */
  let server;
  try {
    server = createRelay({ target, origins });
  } catch (error) {
    if (!(error instanceof RelayConfigError)) throw error;
    console.error(`Keycheck relay: ${error.message}`);
    process.exitCode = 2;
    return;
  }
  server.on('error', (error) => {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    console.error(
      code === 'EADDRINUSE'
        ? `Keycheck relay: port ${parsed.port} on 127.0.0.1 is already in use. Choose another with --port.`
        : `Keycheck relay: could not listen on 127.0.0.1:${parsed.port} (${code ?? error.message}).`,
    );
    process.exitCode = 1;
  });
  server.listen(parsed.port, '127.0.0.1', () => {
    const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
    console.log(`Keycheck relay: use http://127.0.0.1:${port} as the profile's API base URL`);
    console.log(`Forwarding /v1/ requests to ${checkTarget(target).origin}`);
    console.log(`Pages allowed to use it: ${origins.map(checkOrigin).join(', ')}`);
  });
  const stop = () => {
    server.close();
    server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/**
 * @param {string[]} argv
 * @returns {{ help: boolean, port: number, target: string | undefined, origins: string[] }}
 */
function parseCommandLine(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      target: { type: 'string' },
      origin: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  const portText = values.port ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new RelayConfigError(`--port "${portText}" is not a port number (0 to 65535).`);
  }
  return {
    help: values.help ?? false,
    port,
    target: values.target,
    origins: values.origin ?? [],
  };
}

/** True when this file is the script node was asked to run, not a module imported by another. */
function isEntryPoint() {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

// keycheck.mjs carries this file as its `relay` command; its build sets the flag, so the relay
// starts there only when asked, not whenever keycheck.mjs runs.
const bundled = /** @type {{ KEYCHECK_BUNDLED_RELAY?: boolean }} */ (globalThis)
  .KEYCHECK_BUNDLED_RELAY;
if (bundled !== true && isEntryPoint()) main(process.argv.slice(2), process.env);
