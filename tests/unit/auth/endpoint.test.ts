import { describe, expect, test } from 'vitest';
import { preflight } from '../../../src/lib/auth/preflight';
import { SANDBOX_BASE_URL } from '../../../src/lib/core/checklist';
import { isKnownOperation, item, request } from './helpers';

const endpoint = (
  url: string,
  method = 'GET',
  context = {},
  source?: 'network' | 'sandbox' | 'pasted',
) => item(preflight(request({ url, method }), context, source), 'endpoint');

describe('endpoint', () => {
  test('https to the API host under /v1/ passes', () => {
    expect(endpoint('https://api.redislabs.com/v1/subscriptions').status).toBe('pass');
  });

  test('http to the API fails; http to loopback is a relay and passes', () => {
    const plain = endpoint('http://api.redislabs.com/v1/');
    expect(plain.status).toBe('fail');
    expect(plain.summary).toContain('http, not https');
    for (const relay of [
      'http://127.0.0.1:8787/v1/',
      'http://localhost:8787/v1/',
      'http://[::1]:8787/v1/',
    ]) {
      const ok = endpoint(relay);
      expect(ok.status).toBe('pass');
      expect(ok.summary).toContain('local relay');
    }
  });

  test.each(['app.redislabs.com', 'cloud.redis.io'])(
    'the console host %s is named as such',
    (host) => {
      const found = endpoint(`https://${host}/v1/subscriptions`);
      expect(found.status).toBe('fail');
      expect(found.summary).toBe(
        `${host} is the Redis Cloud console, not the API, whose address is api.redislabs.com.`,
      );
    },
  );

  test('a near miss of the API host is suggested', () => {
    expect(endpoint('https://api.redislab.com/v1/').summary).toContain(
      'did you mean api.redislabs.com?',
    );
  });

  test('the sandbox host is accepted only for sandbox exchanges', () => {
    const url = `${SANDBOX_BASE_URL}/v1/`;
    expect(endpoint(url, 'GET', {}, 'sandbox').status).toBe('pass');
    expect(endpoint(url, 'GET', {}, 'network').status).toBe('fail');
  });

  test('a path not under /v1/ fails and explains the docs HOST mistake', () => {
    const found = endpoint('https://api.redislabs.com/subscriptions', 'GET', { isKnownOperation });
    expect(found.status).toBe('fail');
    expect(found.summary).toContain('did you mean /v1/subscriptions?');
    expect(found.summary).toContain('HOST=api.redislabs.com/v1');
  });

  test('an unexpanded or empty $HOST is named', () => {
    expect(endpoint('https://$HOST/subscriptions').summary).toContain('$HOST');
    expect(endpoint('https:///subscriptions').summary).toContain('no host');
  });

  test('/v1/account does not exist: GET /v1/ is the current account', () => {
    expect(endpoint('https://api.redislabs.com/v1/account').summary).toContain('GET /v1/');
  });

  test('an unknown operation fails only when an operation list is given', () => {
    const url = 'https://api.redislabs.com/v1/subscriptions';
    const found = endpoint(url, 'PATCH', { isKnownOperation });
    expect(found.status).toBe('fail');
    expect(found.summary).toContain('this path takes GET, POST');
    expect(
      endpoint('https://api.redislabs.com/v1/nope', 'GET', { isKnownOperation }).summary,
    ).toContain('no operation has this path');
    const unchecked = endpoint(url, 'PATCH');
    expect(unchecked.status).toBe('pass');
    expect(unchecked.summary).not.toContain('known operation');
  });

  test('a known operation is said to be known', () => {
    expect(
      endpoint('https://api.redislabs.com/v1/subscriptions/12', 'GET', { isKnownOperation })
        .summary,
    ).toContain('a known operation');
  });

  test('an operation list that throws is treated as not given', () => {
    const throwing = () => {
      throw new Error('catalog not loaded');
    };
    expect(
      endpoint('https://api.redislabs.com/v1/x', 'GET', { isKnownOperation: throwing }).status,
    ).toBe('pass');
  });

  test('not a URL at all fails with what is missing', () => {
    expect(endpoint('api.redislabs.com/v1/').summary).toContain('needs https://');
  });

  test('the query string is never repeated', () => {
    const found = endpoint('https://app.redislabs.com/v1/?token=s3cr3t-value-here');
    expect(JSON.stringify(found)).not.toContain('s3cr3t');
  });
});

test('on a page served over http, plain http to the API is still wrong but is not mixed content', () => {
  const found = item(
    preflight(request({ url: 'http://api.redislabs.com/v1/' }), { pageProtocol: 'http:' }),
    'endpoint',
  );
  expect(found.status).toBe('fail');
  expect(found.summary).not.toContain('mixed content');
});
