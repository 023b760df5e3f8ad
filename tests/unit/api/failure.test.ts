import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { FailureFacts } from '../../../src/lib/api/failure';
import { classifyFailure, headerFailure, mixedContentFailure } from '../../../src/lib/api/failure';
import { buildUrl } from '../../../src/lib/api/url';
import { isLoopbackHost } from '../../../src/lib/core/hosts';

const FACTS: FailureFacts = {
  userAborted: false,
  timedOut: false,
  timeoutMs: 30_000,
  online: true,
  origin: 'https://api.redislabs.com',
  secrets: [],
};

describe('headerFailure', () => {
  test('names the header, the character and its position', () => {
    const failure = headerFailure([
      { name: 'x-api-key', value: 'fine' },
      { name: 'x-api-secret-key', value: '\u201Cabc\u201D' },
    ]);
    expect(failure).toEqual({
      kind: 'invalid-header-value',
      message: expect.stringContaining(
        'x-api-secret-key holds U+201C LEFT DOUBLE QUOTATION MARK at character 1',
      ),
    });
  });

  test('surrounding whitespace and Latin-1 are sent by fetch, so they pass', () => {
    expect(headerFailure([{ name: 'x-api-key', value: '  caf\u00e9\u00a0key\n' }])).toBeNull();
  });

  test('a line feed inside the value is refused', () => {
    const failure = headerFailure([{ name: 'x-api-key', value: 'abc\ndef' }]);
    expect(failure?.message).toContain('U+000A LINE FEED (newline) at character 4');
  });

  test('a name that is not a token is refused, without echoing what follows the bad character', () => {
    const failure = headerFailure([{ name: 'x-api-key: SECRETVALUE', value: 'v' }]);
    expect(failure?.kind).toBe('invalid-header-value');
    expect(failure?.message).toContain('"x-api-key..." holds U+003A at character 10');
    expect(failure?.message).not.toContain('SECRETVALUE');
  });

  test('the message never holds the value it refuses', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9]{12,60}$/),
        fc.nat(),
        fc.constantFrom('\u200b', '\ufeff', '\u2019', '\u0000', '\r'),
        (key, at, bad) => {
          const i = at % key.length;
          const value = key.slice(0, i) + bad + key.slice(i);
          const failure = headerFailure([{ name: 'x-api-secret-key', value }]);
          // A CR at either end is whitespace fetch trims; anywhere else it is refused.
          if (bad === '\r' && i === 0) return;
          expect(failure?.message).toContain(`at character ${i + 1}`);
          expect(failure?.message).not.toContain(key.slice(0, 12));
          expect(failure?.message).not.toContain(key.slice(-12));
        },
      ),
    );
  });
});

describe('mixed content and URLs', () => {
  test('http from an https page is blocked, except to this machine', () => {
    expect(mixedContentFailure(new URL('http://api.redislabs.com/v1/'), 'https:')?.kind).toBe(
      'mixed-content',
    );
    expect(mixedContentFailure(new URL('http://localhost:8787/v1/'), 'https:')).toBeNull();
    expect(mixedContentFailure(new URL('http://[::1]:8787/v1/'), 'https:')).toBeNull();
    expect(mixedContentFailure(new URL('http://api.redislabs.com/v1/'), 'http:')).toBeNull();
    expect(mixedContentFailure(new URL('http://api.redislabs.com/v1/'))).toBeNull();
  });

  test('loopback hosts', () => {
    for (const host of [
      'localhost',
      'relay.localhost',
      'LOCALHOST.',
      '127.0.0.1',
      '127.8.9.10',
      '[::1]',
      '[0:0:0:0:0:0:0:1]',
      new URL('http://[::ffff:127.0.0.1]/').hostname,
    ]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of [
      'localhost.example.com',
      '128.0.0.1',
      'api.redislabs.com',
      '[::2]',
      '[::ffff:10.0.0.1]',
      '2130706433',
    ]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  test('buildUrl joins as text, keeps a base path and merges the query', () => {
    expect(buildUrl('https://api.redislabs.com/', '/v1/')?.href).toBe(
      'https://api.redislabs.com/v1/',
    );
    expect(buildUrl('http://localhost:8787/relay', 'v1/tasks?x=1', { y: '2' })?.href).toBe(
      'http://localhost:8787/relay/v1/tasks?x=1&y=2',
    );
    expect(buildUrl('api.redislabs.com', '/v1/')).toBeNull();
    expect(buildUrl('ftp://api.redislabs.com', '/v1/')).toBeNull();
    expect(buildUrl('https://api.redislabs.com', 'https://evil.example/v1/')).toBeNull();
    expect(buildUrl('https://api.redislabs.com', '//evil.example/v1/')).toBeNull();
  });
});

describe('classifyFailure', () => {
  const networkError = new TypeError('Failed to fetch');

  test('the user abort wins over the timeout it may race with', () => {
    const abort = new DOMException('aborted', 'AbortError');
    expect(classifyFailure(abort, { ...FACTS, userAborted: true, timedOut: true }).kind).toBe(
      'aborted',
    );
    expect(classifyFailure(abort, { ...FACTS, timedOut: true }).kind).toBe('timeout');
  });

  test('ky reports a timeout by name', () => {
    const error = Object.assign(new Error('Request timed out'), { name: 'TimeoutError' });
    const failure = classifyFailure(error, { ...FACTS, timeoutMs: 30_000 });
    expect(failure).toEqual({
      kind: 'timeout',
      message: 'No complete answer from https://api.redislabs.com within 30 seconds.',
    });
  });

  test('a network error: offline first, then the probe decides', () => {
    expect(classifyFailure(networkError, { ...FACTS, online: false }).kind).toBe('offline');
    expect(classifyFailure(networkError, { ...FACTS, probeAnswered: true }).kind).toBe('cors');
    expect(classifyFailure(networkError, { ...FACTS, probeAnswered: false }).kind).toBe(
      'unreachable',
    );
    expect(classifyFailure(networkError, FACTS).kind).toBe('unreachable');
  });

  test("the runtime's words are kept, with the cause chain, minus any secret", () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
      code: 'ECONNREFUSED',
    });
    const error = new TypeError('fetch failed', { cause });
    const failure = classifyFailure(error, { ...FACTS, probeAnswered: false });
    expect(failure.message).toContain('fetch failed: connect ECONNREFUSED 127.0.0.1:9');
    const echoed = new TypeError('fetch failed', { cause: new Error('bad header abcd1234efgh') });
    const scrubbed = classifyFailure(echoed, { ...FACTS, secrets: ['abcd1234efgh'] });
    expect(scrubbed.message).toContain('bad header [redacted]');
  });
});
