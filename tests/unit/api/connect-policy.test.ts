import { describe, expect, test } from 'vitest';
import { CONNECT_SOURCES as BUILD_SOURCES, cspFor } from '../../../scripts/csp.js';
import { send } from '../../../src/lib/api/client';
import {
  CONNECT_SOURCES,
  connectPolicyFailure,
  isConnectAllowed,
} from '../../../src/lib/api/connect-policy';

const PAGE = 'https://keycheck.example';

describe('the connect policy', () => {
  test('is the same list the build writes into the Content-Security-Policy', () => {
    expect([...CONNECT_SOURCES]).toEqual(BUILD_SOURCES);
    expect(cspFor()).toContain(`connect-src ${CONNECT_SOURCES.join(' ')}`);
  });

  test('holds only sources Chromium accepts: no IPv6 address, which it rejects with a console error', () => {
    // CSP3 host-source: scheme, a host of DNS labels (or *), an optional port or *.
    const hostSource = /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:(\d+|\*))?$/;
    for (const source of CONNECT_SOURCES) {
      expect(source === "'self'" || hostSource.test(source), source).toBe(true);
    }
  });

  test('a relay on [::1] is not sent to, and the message points at 127.0.0.1', () => {
    const failure = connectPolicyFailure(new URL('http://[::1]:8787/v1/'), PAGE);
    expect(failure?.kind).toBe('blocked-by-policy');
    expect(failure?.message).toContain('http://127.0.0.1:8787');
  });

  test.each([
    ['https://api.redislabs.com/v1/', true],
    ['https://api.redislabs.com:443/v1/', true],
    ['https://keycheck.example/v1/', true],
    ['http://127.0.0.1:8787/v1/', true],
    ['http://localhost:4000/v1/', true],
    // Chromium refuses [::1] in a CSP source list (console error), so it is not in the policy.
    ['http://[::1]:9000/v1/', false],
    ['https://127.0.0.1:8443/v1/', true],
    ['http://api.redislabs.com/v1/', false],
    ['https://api.redislabs.com:8443/v1/', false],
    ['https://app.redislabs.com/v1/', false],
    ['https://api.redislabs.com.evil.example/v1/', false],
    ['http://127.0.0.2:8787/v1/', false],
    ['http://keycheck.example/v1/', false],
    ['https://example.com/v1/', false],
  ])('%s allowed from an https page: %s', (url, allowed) => {
    expect(isConnectAllowed(url, PAGE)).toBe(allowed);
  });

  test("'self' follows the page: its origin, and its https upgrade", () => {
    expect(isConnectAllowed('http://10.0.0.5:4173/x', 'http://10.0.0.5:4173')).toBe(true);
    expect(isConnectAllowed('https://10.0.0.5/x', 'http://10.0.0.5')).toBe(true);
    expect(isConnectAllowed('http://10.0.0.5:4174/x', 'http://10.0.0.5:4173')).toBe(false);
    expect(isConnectAllowed('https://keycheck.example/', null)).toBe(false);
    expect(isConnectAllowed('not a url', PAGE)).toBe(false);
  });

  test('a blocked URL is named by its origin only, never its path or query', () => {
    const failure = connectPolicyFailure(
      new URL('https://example.com/v1/secret-path?token=abc'),
      PAGE,
    );
    expect(failure?.kind).toBe('blocked-by-policy');
    expect(failure?.message).toContain('https://example.com');
    expect(failure?.message).not.toContain('secret-path');
    expect(failure?.message).not.toContain('token');
    expect(connectPolicyFailure(new URL('https://api.redislabs.com/v1/'), PAGE)).toBeNull();
  });

  test('the client reports it as not sent and never calls fetch', async () => {
    let called = false;
    const exchange = await send(
      {
        baseUrl: 'https://example.com',
        method: 'GET',
        path: '/v1/',
        headers: [{ name: 'x-api-key', value: 'k'.repeat(20) }],
      },
      {
        fetch: () => {
          called = true;
          return Promise.resolve(new Response('{}'));
        },
        refuse: (url) => connectPolicyFailure(url, PAGE),
      },
    );
    expect(called).toBe(false);
    expect(exchange.failure?.kind).toBe('blocked-by-policy');
    expect(exchange.response).toBeUndefined();
  });
});
