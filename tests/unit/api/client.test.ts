import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { send } from '../../../src/lib/api/client';
import { safeView } from '../../../src/lib/secrets';
import type { ApiRequest } from '../../../src/lib/api/client';
import { headerValue } from '../../../src/lib/core/exchange';
import { createRelay } from '../../../public/relay.js';
import { close as closeServer, listen } from '../relay/fake-api';
import { NGINX_401, closedPort, startServer } from './test-server';

const ACCOUNT_KEY = 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v2';
const USER_KEY = 'S1e2C3r4E5t6K7e8Y9z0S1e2C3r4E5t6K7e8Y9z0S1e2C3r4E5t6';
const KEYS = [
  { name: 'x-api-key', value: ACCOUNT_KEY },
  { name: 'x-api-secret-key', value: USER_KEY },
];

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

function request(path: string, extra: Partial<ApiRequest> = {}): ApiRequest {
  return { baseUrl: server.baseUrl, method: 'GET', path, headers: KEYS, ...extra };
}

/** A probe that really opens a TCP connection, as the browser's no-cors request would. */
function tcpProbe(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const failedToFetch: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));

describe('answers', () => {
  test('a 200 comes back with status, headers, body and its size in bytes', async () => {
    let clock = Date.UTC(2025, 0, 17, 9, 0, 0);
    const exchange = await send(request('/v1/'), { now: () => (clock += 5) });
    expect(exchange.failure).toBeUndefined();
    expect(exchange.response?.status).toBe(200);
    expect(exchange.response?.statusText).toBe('OK');
    expect(headerValue(exchange.response?.headers ?? [], 'X-Request-Id')).toBe('req-1');
    expect(JSON.parse(exchange.response?.body ?? '')).toEqual({
      account: { id: 1001, name: 'Rédis' },
    });
    // "é" is two bytes: size counts bytes, not characters.
    expect(exchange.response?.size).toBe((exchange.response?.body.length ?? 0) + 1);
    expect(exchange.startedAt).toBe('2025-01-17T09:00:00.005Z');
    expect(exchange.durationMs).toBe(5);
    expect(exchange.source).toBe('network');
    expect(exchange.request.url).toBe(`${server.baseUrl}/v1/`);
  });

  test('the request as sent: method, merged query, headers in order, JSON body', async () => {
    const exchange = await send(
      request('/v1/echo?offset=0', { method: 'post', query: { limit: '5' }, body: '{"a":1}' }),
    );
    const seen = JSON.parse(exchange.response?.body ?? '{}');
    expect(seen.url).toBe('/v1/echo?offset=0&limit=5');
    expect(seen.headers['x-api-key']).toBe(ACCOUNT_KEY);
    expect(seen.headers['x-api-secret-key']).toBe(USER_KEY);
    expect(seen.headers['content-type']).toBe('application/json');
    expect(seen.body).toBe('{"a":1}');
    expect(exchange.request).toEqual({
      method: 'POST',
      url: `${server.baseUrl}/v1/echo?offset=0&limit=5`,
      headers: [...KEYS, { name: 'content-type', value: 'application/json' }],
      body: '{"a":1}',
    });
  });

  test('a body given with GET is not sent, and not shown as sent', async () => {
    const exchange = await send(request('/v1/echo', { body: '{"x":1}' }));
    expect(JSON.parse(exchange.response?.body ?? '{}').body).toBe('');
    expect(exchange.request.body).toBeUndefined();
  });

  test('a 401 with the nginx HTML page comes back as text', async () => {
    const exchange = await send(request('/v1/unauthorized'));
    expect(exchange.response?.status).toBe(401);
    expect(exchange.response?.body).toBe(NGINX_401);
    expect(headerValue(exchange.response?.headers ?? [], 'content-type')).toBe('text/html');
  });

  test('a 429 keeps the retry header', async () => {
    const exchange = await send(request('/v1/limited'));
    expect(exchange.response?.status).toBe(429);
    expect(headerValue(exchange.response?.headers ?? [], 'x-rate-limit-retry-after-seconds')).toBe(
      '12',
    );
  });

  test('a body in another declared charset is decoded with it', async () => {
    const exchange = await send(request('/v1/latin1'));
    expect(exchange.response?.body).toBe('café');
    expect(exchange.response?.size).toBe(4);
  });

  test.each(['/v1/unauthorized', '/v1/request-timeout', '/v1/limited', '/v1/unavailable'])(
    'no retry: %s reaches the server once',
    async (path) => {
      const before = server.count(path);
      const exchange = await send(request(path));
      expect(exchange.response?.status).toBeGreaterThanOrEqual(400);
      expect(server.count(path) - before).toBe(1);
    },
  );
});

describe('no answer', () => {
  test('a server that does not answer in time: timeout', async () => {
    const exchange = await send(request('/v1/hang'), { timeoutMs: 200 });
    expect(exchange.response).toBeUndefined();
    expect(exchange.failure?.kind).toBe('timeout');
    expect(exchange.failure?.message).toContain('200 ms');
    expect(exchange.durationMs).toBeLessThan(5000);
  });

  test('a body that never finishes: timeout too', async () => {
    const exchange = await send(request('/v1/drip'), { timeoutMs: 300 });
    expect(exchange.failure?.kind).toBe('timeout');
  });

  test('cancelled through the AbortSignal: aborted', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const exchange = await send(request('/v1/hang'), { signal: controller.signal });
    expect(exchange.failure?.kind).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('a closed port, probed for real: unreachable', async () => {
    const port = await closedPort();
    const exchange = await send(
      { baseUrl: `http://127.0.0.1:${port}`, method: 'GET', path: '/v1/', headers: KEYS },
      { probe: tcpProbe },
    );
    expect(exchange.failure?.kind).toBe('unreachable');
    expect(exchange.failure?.message).toContain(`http://127.0.0.1:${port}`);
  });

  test('a closed port with the default no-cors probe: unreachable', async () => {
    const port = await closedPort();
    const exchange = await send({
      baseUrl: `http://127.0.0.1:${port}`,
      method: 'GET',
      path: '/v1/',
      headers: KEYS,
    });
    expect(exchange.failure?.kind).toBe('unreachable');
  });

  test('fetch fails but the origin answers a probe: cors', async () => {
    const probed: string[] = [];
    const exchange = await send(request('/v1/'), {
      fetch: failedToFetch,
      probe: async (url) => {
        probed.push(url);
        return tcpProbe(url);
      },
    });
    expect(exchange.failure?.kind).toBe('cors');
    expect(exchange.failure?.message).toContain('Failed to fetch');
    expect(probed).toEqual([`${server.baseUrl}/`]);
  });

  test('the default probe goes through the same fetch: an answering origin means cors', async () => {
    const realFetch = globalThis.fetch;
    // The first call is the request the browser withholds; the no-cors probe gets through.
    const browserLike: typeof fetch = (input, init) =>
      init?.mode === 'no-cors' ? realFetch(input, init) : failedToFetch(input, init);
    const exchange = await send(request('/v1/'), { fetch: browserLike });
    expect(exchange.failure?.kind).toBe('cors');
  });

  test('no retry after a network failure: one attempt, one answer shown', async () => {
    let attempts = 0;
    const counting: typeof fetch = (input, init) => (attempts++, failedToFetch(input, init));
    const exchange = await send(request('/v1/'), { fetch: counting, probe: async () => false });
    expect(exchange.failure?.kind).toBe('unreachable');
    expect(attempts).toBe(1);
  });

  test('offline: offline, and no probe', async () => {
    let probed = false;
    const exchange = await send(request('/v1/'), {
      fetch: failedToFetch,
      online: () => false,
      probe: async () => (probed = true),
    });
    expect(exchange.failure?.kind).toBe('offline');
    expect(probed).toBe(false);
  });
});

describe('refused before sending', () => {
  test('a zero-width space in the user key: named, located, nothing sent', async () => {
    const before = server.seen.length;
    const dirty = `${USER_KEY.slice(0, 50)}\u200b${USER_KEY.slice(50)}`;
    const exchange = await send(
      request('/v1/', { headers: [KEYS[0]!, { name: 'x-api-secret-key', value: dirty }] }),
    );
    expect(exchange.failure?.kind).toBe('invalid-header-value');
    expect(exchange.failure?.message).toContain('x-api-secret-key holds U+200B');
    expect(exchange.failure?.message).toContain('at character 51');
    expect(exchange.failure?.message).not.toContain(USER_KEY.slice(0, 20));
    expect(exchange.response).toBeUndefined();
    expect(exchange.durationMs).toBeUndefined();
    expect(server.seen.length).toBe(before);
  });

  test('an http API address from an https page: mixed content, nothing sent', async () => {
    let calls = 0;
    const exchange = await send(
      { baseUrl: 'http://api.redislabs.com', method: 'GET', path: '/v1/', headers: KEYS },
      { pageProtocol: 'https:', fetch: async () => (calls++, new Response('')) },
    );
    expect(exchange.failure?.kind).toBe('mixed-content');
    expect(exchange.failure?.message).toContain('http://api.redislabs.com');
    expect(calls).toBe(0);
  });

  test('an http relay on this machine from an https page is sent', async () => {
    const exchange = await send(request('/v1/'), { pageProtocol: 'https:' });
    expect(exchange.response?.status).toBe(200);
  });

  test('a path that is a full URL is refused, so keys never go to another host', async () => {
    let calls = 0;
    const exchange = await send(request('https://elsewhere.example/v1/'), {
      fetch: async () => (calls++, new Response('')),
    });
    expect(exchange.failure?.kind).toBe('invalid-url');
    expect(exchange.failure?.message).toContain('not an http or https address');
    expect(calls).toBe(0);
  });
});

describe('the safe view of a sent exchange', () => {
  test('holds no key, anywhere, and says which keys were used by fingerprint', async () => {
    const exchange = await send(request(`/v1/echo?leaked=${encodeURIComponent(USER_KEY)}`));
    // The echo puts both keys in the response body and the URL holds one: all must go.
    expect(JSON.stringify(exchange)).toContain(ACCOUNT_KEY);
    const { exchange: redacted } = await safeView(exchange);
    const text = JSON.stringify(redacted);
    expect(text).not.toContain(ACCOUNT_KEY);
    expect(text).not.toContain(USER_KEY);
    expect(headerValue(redacted.request.headers, 'x-api-key')).toMatch(
      /^\[redacted sha256:[0-9a-f]{8} \(44 characters\)\]$/,
    );
    expect(redacted.response?.status).toBe(200);
    // The original is left as it was: the caller may still need it.
    expect(headerValue(exchange.request.headers, 'x-api-key')).toBe(ACCOUNT_KEY);
  });

  test('a failure message never holds a key', async () => {
    const failing: typeof fetch = () =>
      Promise.reject(new TypeError(`Headers.append: "${USER_KEY}" is an invalid header value.`));
    const exchange = await send(request('/v1/'), { fetch: failing, probe: async () => false });
    expect(exchange.failure?.kind).toBe('unreachable');
    expect(exchange.failure?.message).not.toContain(USER_KEY);
    expect(exchange.failure?.message).toContain('[redacted]');
  });
});

describe('redirects: the keys never follow one', () => {
  test('a 3xx comes back as the answer, and its target is never asked', async () => {
    const before = server.count('/v1/echo');
    const exchange = await send(request('/v1/moved'));
    expect(exchange.failure).toBeUndefined();
    expect(exchange.response?.status).toBe(301);
    expect(headerValue(exchange.response?.headers ?? [], 'location')).toBe('/v1/echo');
    expect(server.count('/v1/echo')).toBe(before);
  });

  test("a redirect the browser hides (opaque redirect) is named, not taken for the API's answer", async () => {
    // What a browser's fetch gives for `redirect: 'manual'`: type opaqueredirect, status 0.
    let asked: RequestRedirect | undefined;
    const browserFetch: typeof fetch = async (input, init) => {
      asked = new Request(input, init).redirect;
      const response = new Response(null, { status: 200 });
      Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
      Object.defineProperty(response, 'status', { value: 0 });
      return response;
    };
    const exchange = await send(request('/v1/'), { fetch: browserFetch });
    expect(asked).toBe('manual');
    expect(exchange.response).toBeUndefined();
    expect(exchange.failure?.kind).toBe('redirect');
    expect(exchange.failure?.message).toContain(server.baseUrl);
    expect(exchange.failure?.message).toContain('does not follow redirects');
  });
});

describe('answers the local relay made itself', () => {
  const PAGE = 'http://127.0.0.1:4185';

  async function withRelay<T>(
    options: Parameters<typeof createRelay>[0],
    run: (relayUrl: string) => Promise<T>,
  ): Promise<T> {
    const relay = createRelay({ log: () => {}, ...options });
    const relayUrl = await listen(relay);
    try {
      return await run(relayUrl);
    } finally {
      await closeServer(relay);
    }
  }

  test("a refused origin: relay-refused, with the command that allows this page's origin", async () => {
    const exchange = await withRelay({ target: server.baseUrl }, (relayUrl) =>
      send(
        {
          ...request('/v1/'),
          baseUrl: relayUrl,
          headers: [...KEYS, { name: 'origin', value: PAGE }],
        },
        { pageOrigin: PAGE },
      ),
    );
    expect(exchange.response).toBeUndefined();
    expect(exchange.failure?.kind).toBe('relay-refused');
    expect(exchange.failure?.relayError).toBe('origin-refused');
    expect(exchange.failure?.message).toContain(`node relay.js --origin ${PAGE}`);
  });

  test('an API the relay cannot reach: unreachable, "the relay could not reach api.redislabs.com"', async () => {
    const port = await closedPort();
    const exchange = await withRelay({ target: `http://127.0.0.1:${port}` }, (relayUrl) =>
      send({ ...request('/v1/'), baseUrl: relayUrl }, { pageOrigin: PAGE }),
    );
    expect(exchange.response).toBeUndefined();
    expect(exchange.failure?.kind).toBe('unreachable');
    expect(exchange.failure?.relayError).toBe('upstream-unreachable');
    expect(exchange.failure?.message).toContain('the relay could not reach api.redislabs.com');
  });

  test("the API's redirect through the relay: its status and Location, not followed", async () => {
    const before = server.count('/v1/echo');
    const exchange = await withRelay({ target: server.baseUrl }, (relayUrl) =>
      send({ ...request('/v1/moved'), baseUrl: relayUrl }),
    );
    expect(exchange.failure).toBeUndefined();
    expect(exchange.response?.status).toBe(301);
    expect(headerValue(exchange.response?.headers ?? [], 'location')).toBe('/v1/echo');
    expect(headerValue(exchange.response?.headers ?? [], 'x-keycheck-relay')).toBe('1');
    expect(server.count('/v1/echo')).toBe(before);
  });

  test('a reason code that is not a short token is not repeated', async () => {
    const fake: typeof fetch = async () =>
      new Response('', { status: 403, headers: { 'x-keycheck-relay-error': 'A1b2C3d4E5f6 <b>' } });
    const exchange = await send(request('/v1/'), { fetch: fake });
    expect(exchange.failure?.kind).toBe('relay-refused');
    expect(exchange.failure?.relayError).toBe('unknown');
    expect(exchange.failure?.message).not.toContain('A1b2C3');
  });
});
