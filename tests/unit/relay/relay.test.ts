import type { Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  DEFAULT_MAX_BODY_BYTES,
  RelayConfigError,
  checkTarget,
  createRelay,
} from '../../../public/relay.js';
import type { RelayOptions } from '../../../public/relay.js';
import {
  ACCOUNT_KEY,
  KEY_HEADERS,
  NGINX_401,
  USER_KEY,
  call,
  close,
  listen,
  startFakeApi,
} from './fake-api';

const APP = 'http://127.0.0.1:4173';
const DEPLOYED_APP = 'https://keycheck.example';

let api: Awaited<ReturnType<typeof startFakeApi>>;
let relay: Server | undefined;
let relayUrl: string;
let log: string[];

beforeEach(async () => {
  api = await startFakeApi();
  log = [];
});
afterEach(async () => {
  if (relay) await close(relay);
  relay = undefined;
  await api.close();
});

async function startRelay(options: Partial<RelayOptions> = {}) {
  relay = createRelay({
    target: api.url,
    origins: [APP, DEPLOYED_APP],
    log: (line) => log.push(line),
    ...options,
  });
  relayUrl = await listen(relay);
  return relayUrl;
}

/** The log is written when the answer is closed, a moment after the client has it. */
async function logLines(count: number) {
  await expect.poll(() => log.length).toBeGreaterThanOrEqual(count);
  return log;
}

describe('forwarding', () => {
  test('a request with both keys gets the API answer, marked as relayed', async () => {
    await startRelay();
    const answer = await call(`${relayUrl}/v1/`, { headers: KEY_HEADERS });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ account: { id: 1001, name: 'Redis' } });
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.headers['x-keycheck-relay']).toBe('1');
    expect(answer.headers['x-keycheck-relay-error']).toBeUndefined();
    expect(api.seen).toHaveLength(1);
    expect(api.seen[0]?.headers['x-api-key']).toBe(ACCOUNT_KEY);
    expect(api.seen[0]?.headers['x-api-secret-key']).toBe(USER_KEY);
  });

  test('the API sees its own host, the path and query as sent, and no browser context', async () => {
    await startRelay();
    const answer = await call(`${relayUrl}/v1/echo?offset=10&limit=5`, {
      method: 'POST',
      headers: {
        ...KEY_HEADERS,
        origin: APP,
        referer: `${APP}/#/playground`,
        'content-type': 'application/json',
        'sec-fetch-mode': 'cors',
      },
      body: '{"name":"db-1"}',
    });
    expect(answer.status).toBe(200);
    const echoed = JSON.parse(answer.body);
    expect(echoed.method).toBe('POST');
    expect(echoed.url).toBe('/v1/echo?offset=10&limit=5');
    expect(echoed.body).toBe('{"name":"db-1"}');
    expect(echoed.headers.host).toBe(new URL(api.url).host);
    expect(echoed.headers['content-type']).toBe('application/json');
    expect(echoed.headers['content-length']).toBe('15');
    expect(echoed.headers).not.toHaveProperty('origin');
    expect(echoed.headers).not.toHaveProperty('referer');
    expect(echoed.headers).not.toHaveProperty('sec-fetch-mode');
  });

  test('the 401 with its nginx HTML body and the 429 with its retry header pass through', async () => {
    await startRelay();
    const refused = await call(`${relayUrl}/v1/`, {
      headers: { 'x-api-key': ACCOUNT_KEY, 'x-api-secret-key': 'wrong' },
    });
    expect(refused.status).toBe(401);
    expect(refused.statusText).toBe('Unauthorized');
    expect(refused.body).toBe(NGINX_401);
    expect(refused.headers.server).toBe('nginx');
    expect(refused.headers['x-keycheck-relay']).toBe('1');

    const limited = await call(`${relayUrl}/v1/limited`, {
      headers: { ...KEY_HEADERS, origin: APP },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers['x-rate-limit-retry-after-seconds']).toBe('12');
    expect(limited.headers['access-control-expose-headers']).toContain(
      'x-rate-limit-retry-after-seconds',
    );
  });

  test('cookies go neither way', async () => {
    await startRelay();
    const answer = await call(`${relayUrl}/v1/echo`, {
      headers: { ...KEY_HEADERS, cookie: 'console_session=abc123' },
    });
    expect(JSON.parse(answer.body).headers).not.toHaveProperty('cookie');

    const withCookie = await call(`${relayUrl}/v1/`, { headers: KEY_HEADERS });
    expect(withCookie.status).toBe(200);
    expect(withCookie.headers).not.toHaveProperty('set-cookie');
  });

  test('hop-by-hop headers stay on their connection', async () => {
    await startRelay();
    const answer = await call(`${relayUrl}/v1/echo`, {
      headers: {
        ...KEY_HEADERS,
        connection: 'keep-alive, x-hop',
        'x-hop': 'for this connection only',
        'proxy-authorization': 'Basic cHJveHk6cHJveHk=',
        te: 'trailers',
        'x-extra': 'kept',
      },
    });
    const seen = JSON.parse(answer.body).headers;
    expect(seen).not.toHaveProperty('x-hop');
    expect(seen).not.toHaveProperty('proxy-authorization');
    expect(seen).not.toHaveProperty('te');
    expect(seen['x-extra']).toBe('kept');
  });

  test('an API that does not answer in time gets 504 from the relay', async () => {
    await startRelay({ timeoutMs: 200 });
    const answer = await call(`${relayUrl}/v1/hang`, { headers: { ...KEY_HEADERS, origin: APP } });
    expect(answer.status).toBe(504);
    expect(answer.headers['x-keycheck-relay-error']).toBe('upstream-timeout');
    // The page must be able to read why.
    expect(answer.headers['access-control-allow-origin']).toBe(APP);
    expect(answer.body).toMatch(/did not answer within 0\.2 s/);
  });

  test('an API that cannot be reached gets 502, naming the target and the error code', async () => {
    const closed = await startFakeApi();
    await closed.close();
    await startRelay({ target: closed.url });
    const answer = await call(`${relayUrl}/v1/`, { headers: { ...KEY_HEADERS, origin: APP } });
    expect(answer.status).toBe(502);
    expect(answer.headers['x-keycheck-relay-error']).toBe('upstream-unreachable');
    expect(answer.body).toContain(`could not reach ${closed.url} (ECONNREFUSED)`);
    // The page can read the reason code, so it does not take the 502 for the API's.
    expect(answer.headers['access-control-allow-origin']).toBe(APP);
    expect(answer.headers['access-control-expose-headers']).toContain('x-keycheck-relay-error');
  });

  test("the API's redirect is not followed, and is told to the page as the relay's own answer", async () => {
    await startRelay();
    const answer = await call(`${relayUrl}/v1/moved`, { headers: { ...KEY_HEADERS, origin: APP } });
    // Not a 3xx: a browser would follow that with the keys, or hide it from the page.
    expect(answer.status).toBe(502);
    expect(answer.headers).not.toHaveProperty('location');
    expect(answer.headers['x-keycheck-relay-error']).toBe('upstream-redirect');
    expect(answer.headers['x-keycheck-upstream-status']).toBe('301');
    expect(answer.headers['x-keycheck-upstream-location']).toBe('https://elsewhere.example/v1/');
    const exposed = answer.headers['access-control-expose-headers'] ?? '';
    expect(exposed).toContain('x-keycheck-upstream-status');
    expect(exposed).toContain('x-keycheck-upstream-location');
    expect(answer.body).toContain('does not follow redirects');
    expect(api.seen.map((r) => r.url)).toEqual(['/v1/moved']);

    // A 304 is no redirect: it passes through.
    const notModified = await call(`${relayUrl}/v1/not-modified`, {
      headers: { ...KEY_HEADERS, origin: APP },
    });
    expect(notModified.status).toBe(304);
    expect(notModified.headers).not.toHaveProperty('x-keycheck-relay-error');
  });
});

describe('CORS', () => {
  test('an allowed origin may read the answer and the headers the app needs', async () => {
    await startRelay();
    const answer = await call(`${relayUrl}/v1/`, { headers: { ...KEY_HEADERS, origin: APP } });
    expect(answer.status).toBe(200);
    // The relay's answer, not the API's own `*`.
    expect(answer.headers['access-control-allow-origin']).toBe(APP);
    expect(answer.headers.vary).toContain('Origin');
    const exposed = (answer.headers['access-control-expose-headers'] ?? '').split(', ');
    expect(exposed).toEqual(
      expect.arrayContaining([
        'x-rate-limit-retry-after-seconds',
        'x-rate-limit-remaining',
        'content-type',
        'content-length',
        'server',
        'x-keycheck-relay',
      ]),
    );
  });

  test('each allowed origin gets its own origin back', async () => {
    await startRelay();
    const answer = await call(`${relayUrl}/v1/`, {
      headers: { ...KEY_HEADERS, origin: DEPLOYED_APP },
    });
    expect(answer.headers['access-control-allow-origin']).toBe(DEPLOYED_APP);
  });

  test('a preflight is answered by the relay with the methods and headers the app sends', async () => {
    await startRelay();
    const answer = await call(`${relayUrl}/v1/subscriptions/1`, {
      method: 'OPTIONS',
      headers: {
        origin: DEPLOYED_APP,
        'access-control-request-method': 'DELETE',
        'access-control-request-headers': 'x-api-key,x-api-secret-key,content-type',
        'access-control-request-private-network': 'true',
      },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe(DEPLOYED_APP);
    expect(answer.headers.vary).toContain('Origin');
    const methods = (answer.headers['access-control-allow-methods'] ?? '').split(', ');
    expect(methods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']));
    const headers = (answer.headers['access-control-allow-headers'] ?? '').split(', ');
    expect(headers).toEqual(
      expect.arrayContaining(['x-api-key', 'x-api-secret-key', 'content-type', 'accept']),
    );
    // Chrome's permission for a public page to reach a loopback address.
    expect(answer.headers['access-control-allow-private-network']).toBe('true');
    expect(api.seen).toHaveLength(0);
  });

  test('a preflight also allows the extra headers a person added in the Playground', async () => {
    await startRelay();
    const answer = await call(`${relayUrl}/v1/`, {
      method: 'OPTIONS',
      headers: {
        origin: DEPLOYED_APP,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'x-api-key,x-request-id,cookie',
      },
    });
    const headers = (answer.headers['access-control-allow-headers'] ?? '').split(', ');
    expect(headers).toContain('x-request-id');
    expect(headers).not.toContain('cookie');
  });

  test('a page on another origin gets 403, can read why, and nothing reaches the API', async () => {
    await startRelay();
    // The preflight carries no key: it is answered, so the page gets to read the refusal.
    const preflight = await call(`${relayUrl}/v1/`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://attacker.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'x-api-key,x-api-secret-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://attacker.example');

    const answer = await call(`${relayUrl}/v1/`, {
      headers: { ...KEY_HEADERS, origin: 'https://attacker.example' },
    });
    expect(answer.status).toBe(403);
    expect(answer.headers['content-type']).toMatch(/^text\/plain/);
    expect(answer.body).toContain('--origin https://attacker.example');
    // Readable by the refused page (it holds no answer of the API's), with the reason code.
    expect(answer.headers['access-control-allow-origin']).toBe('https://attacker.example');
    expect(answer.headers['x-keycheck-relay-error']).toBe('origin-refused');
    expect(answer.headers['access-control-expose-headers']).toContain('x-keycheck-relay-error');

    // A sandboxed frame or a file:// page sends "null": never on the list.
    const opaque = await call(`${relayUrl}/v1/`, { headers: { ...KEY_HEADERS, origin: 'null' } });
    expect(opaque.status).toBe(403);
    expect(api.seen).toHaveLength(0);
  });

  test('without --origin, only the local dev and preview servers are allowed', async () => {
    relay = createRelay({ target: api.url, log: (line) => log.push(line) });
    relayUrl = await listen(relay);
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:4173']) {
      const answer = await call(`${relayUrl}/v1/`, { headers: { ...KEY_HEADERS, origin } });
      expect(answer.headers['access-control-allow-origin']).toBe(origin);
    }
    const deployed = await call(`${relayUrl}/v1/`, {
      headers: { ...KEY_HEADERS, origin: DEPLOYED_APP },
    });
    expect(deployed.status).toBe(403);
    expect(api.seen).toHaveLength(2);
  });
});

describe('what the relay refuses', () => {
  test('a Host other than 127.0.0.1 or localhost with its port (DNS rebinding) is refused', async () => {
    await startRelay();
    const { port } = new URL(relayUrl);
    for (const host of [
      'rebind.attacker.example',
      `rebind.attacker.example:${port}`,
      '127.0.0.1:1',
    ]) {
      const answer = await call(`${relayUrl}/v1/`, {
        headers: { ...KEY_HEADERS, origin: APP, host },
      });
      expect(answer.status, host).toBe(421);
      // The page may read why, and nothing else.
      expect(answer.headers['access-control-allow-origin'], host).toBe(APP);
      expect(answer.headers['x-keycheck-relay-error'], host).toBe('host-refused');
    }
    expect(api.seen).toHaveLength(0);

    const viaLocalhost = await call(`${relayUrl}/v1/`, {
      headers: { ...KEY_HEADERS, host: `localhost:${port}` },
    });
    expect(viaLocalhost.status).toBe(200);
  });

  test('a body over 1 MiB gets 413 and is not forwarded; 1 MiB exactly is', async () => {
    await startRelay();
    const over = await call(`${relayUrl}/v1/echo`, {
      method: 'POST',
      headers: { ...KEY_HEADERS, 'content-type': 'application/json', origin: APP },
      body: Buffer.alloc(DEFAULT_MAX_BODY_BYTES + 1, 0x20),
    });
    expect(over.status).toBe(413);
    expect(over.headers['x-keycheck-relay-error']).toBe('body-too-large');
    expect(over.headers['access-control-allow-origin']).toBe(APP);
    expect(api.seen).toHaveLength(0);

    const exact = await call(`${relayUrl}/v1/echo`, {
      method: 'POST',
      headers: KEY_HEADERS,
      body: Buffer.alloc(DEFAULT_MAX_BODY_BYTES, 0x20),
    });
    expect(exact.status).toBe(200);
    expect(api.seen[0]?.body).toHaveLength(DEFAULT_MAX_BODY_BYTES);
  });

  test('a streamed body without Content-Length is also cut at the cap', async () => {
    await startRelay({ maxBodyBytes: 1000 });
    const chunks = Array.from({ length: 5 }, () => Buffer.alloc(300, 0x20));
    const answer = await call(`${relayUrl}/v1/echo`, {
      method: 'PUT',
      headers: KEY_HEADERS,
      body: chunks,
    });
    expect(answer.status).toBe(413);
    expect(api.seen).toHaveLength(0);
  });

  test('only paths under /v1/ are forwarded, however they are spelled', async () => {
    await startRelay();
    for (const path of ['/', '/v1', '/v2/subscriptions', '/v1/../admin', '/v1/%2e%2e/admin']) {
      const answer = await call(`${relayUrl}${path}`, { headers: { ...KEY_HEADERS, origin: APP } });
      expect(answer.status, path).toBe(404);
      expect(answer.headers['x-keycheck-relay-error'], path).toBe('path-refused');
      expect(answer.headers['access-control-allow-origin'], path).toBe(APP);
    }
    expect(api.seen).toHaveLength(0);
  });

  test('methods other than GET, POST, PUT, PATCH and DELETE get 405', async () => {
    await startRelay();
    const answer = await call(`${relayUrl}/v1/`, { method: 'TRACE', headers: KEY_HEADERS });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, POST, PUT, PATCH, DELETE');
    expect(api.seen).toHaveLength(0);
  });
});

describe('the target', () => {
  test.each([
    'http://api.redislabs.com',
    'http://10.0.0.5:8080',
    'http://192.168.1.10',
    'http://127.0.0.1.attacker.example',
    'ftp://127.0.0.1',
    'api.redislabs.com',
    'https://api.redislabs.com/v1',
    'https://user:pass@api.redislabs.com',
  ])('refuses %s with a message saying why', (target) => {
    expect(() => createRelay({ target })).toThrow(RelayConfigError);
    expect(() => checkTarget(target)).toThrow(/^Target .* (refused|is not a URL)/);
  });

  test('refuses plain http to a non-loopback host because the keys would cross the network in clear', () => {
    expect(() => checkTarget('http://api.redislabs.com')).toThrow(
      'plain http is allowed only to a loopback address',
    );
  });

  test.each([
    'https://api.redislabs.com',
    'https://staging-api.example',
    'http://127.0.0.1:9000',
    'http://127.8.9.10',
    'http://localhost:9000',
    'http://[::1]:9000',
  ])('accepts %s', (target) => {
    expect(checkTarget(target).origin).toBe(new URL(target).origin);
  });

  test('an --origin that is not an origin is refused', () => {
    expect(() => createRelay({ origins: ['*'] })).toThrow(/Origin "\*" refused/);
    expect(() => createRelay({ origins: ['https://keycheck.example/app'] })).toThrow(
      RelayConfigError,
    );
  });
});

describe('the log', () => {
  test('one line per request with method, path, status and duration', async () => {
    await startRelay();
    await call(`${relayUrl}/v1/`, { headers: KEY_HEADERS });
    await call(`${relayUrl}/v1/`, { headers: { origin: 'https://attacker.example' } });
    const lines = await logLines(2);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^GET \/v1\/ 200 \d+ms$/);
    expect(lines[1]).toMatch(/^GET \/v1\/ 403 \d+ms \(origin-refused\)$/);
  });

  test('no key, header value, query string or body ever reaches it', async () => {
    await startRelay({ maxBodyBytes: 2000 });
    const secret = `${ACCOUNT_KEY}|${USER_KEY}`;
    const requests = [
      call(`${relayUrl}/v1/?key=${ACCOUNT_KEY}`, { headers: { ...KEY_HEADERS, origin: APP } }),
      call(`${relayUrl}/v1/echo`, {
        method: 'POST',
        headers: { ...KEY_HEADERS, cookie: `s=${USER_KEY}`, 'content-type': 'text/plain' },
        body: secret,
      }),
      call(`${relayUrl}/v1/`, {
        headers: { 'x-api-key': USER_KEY, 'x-api-secret-key': ACCOUNT_KEY },
      }),
      call(`${relayUrl}/v1/`, {
        headers: { ...KEY_HEADERS, origin: `https://${ACCOUNT_KEY}.example` },
      }),
      call(`${relayUrl}/v1/`, { headers: { ...KEY_HEADERS, host: `${USER_KEY}.example` } }),
      call(`${relayUrl}/v1/echo`, {
        method: 'POST',
        headers: KEY_HEADERS,
        body: secret.repeat(100),
      }),
      call(`${relayUrl}/nope?u=${USER_KEY}`, { headers: KEY_HEADERS }),
    ];
    await Promise.all(requests);
    const lines = await logLines(requests.length);
    expect(lines).toHaveLength(requests.length);
    const text = lines.join('\n');
    for (const value of [
      ACCOUNT_KEY,
      USER_KEY,
      'acctKEY',
      'userKEY',
      'key=',
      'attacker',
      'text/plain',
    ]) {
      expect(text).not.toContain(value);
    }
  });
});
