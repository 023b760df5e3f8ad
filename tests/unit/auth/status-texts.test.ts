/**
 * Issue 18, item 5: status texts by operation. The 24 create operations' 403 is "not active
 * resource", both 429 causes are named, and a CI's `***` is a mask, not a placeholder.
 */
import { describe, expect, test } from 'vitest';
import { forbiddenMeaning, OPERATIONS } from '../../../src/lib/api/catalog';
import { NOT_ACTIVE_403 } from '../../../src/lib/api/generated/catalog';
import { diagnose } from '../../../src/lib/auth/diagnose';
import { say } from '../../../src/lib/auth/claims';
import type { Exchange } from '../../../src/lib/core/exchange';
import { isKnownOperation, item, keyHeaders, request, response } from './helpers';

const context = { isKnownOperation, forbiddenMeaning };

function forbidden(method: string, url: string): Exchange {
  return { source: 'pasted', request: request({ method, url }), response: response(403, '') };
}

describe('403 by operation', () => {
  test('the catalog lists the 24 operations whose 403 is about a resource not active', () => {
    expect(NOT_ACTIVE_403).toHaveLength(24);
    const create = OPERATIONS.find((o) => o.operationId === 'createSubscription');
    expect(create && forbiddenMeaning(create.method, create.path)).toBe('not-active');
    expect(forbiddenMeaning('GET', '/v1/subscriptions')).toBe('source-ip');
    expect(forbiddenMeaning('GET', '/v1/nothing-here')).toBeUndefined();
  });

  test('a 403 on a create operation quotes the not-active text and leads with it', () => {
    const c = diagnose(forbidden('POST', 'https://api.redislabs.com/v1/subscriptions'), context);
    expect(c.verdict).toBe('forbidden');
    expect(c.headline).toMatch(/^Check that what this POST \/v1\/subscriptions works on/);
    const texts = c.items.map((i) => i.explanation).join(' ');
    expect(texts).toContain(say('status403NotActive'));
    expect(texts).not.toContain(say('status403'));
  });

  test('on a create operation, an address shown outside the allow list comes before the resource', () => {
    const c = diagnose(forbidden('POST', 'https://api.redislabs.com/v1/subscriptions'), {
      ...context,
      learned: { allowedSourceIps: ['203.0.113.0/24'], httpSourceIp: '198.51.100.7' },
    });
    expect(item(c, 'source-ip').status).toBe('fail');
    expect(c.primaryCause).toBe('source-ip');
    expect(c.headline).not.toMatch(/^Check that what this POST/);
  });

  test('on a create operation, a role known not to write comes before the resource', () => {
    const c = diagnose(forbidden('POST', 'https://api.redislabs.com/v1/subscriptions'), {
      ...context,
      keyRole: 'Viewer',
    });
    expect(c.primaryCause).toBe('role-permits');
    expect(c.headline).toMatch(/role/);
  });

  test('a role known to allow the request is no suspect: the address is, and then nothing', () => {
    const owner = diagnose(forbidden('GET', 'https://api.redislabs.com/v1/subscriptions'), {
      ...context,
      keyRole: 'Owner',
    });
    expect(item(owner, 'role-permits').status).toBe('unknown');
    expect(owner.primaryCause).toBe('source-ip');
    const open = diagnose(forbidden('GET', 'https://api.redislabs.com/v1/subscriptions'), {
      ...context,
      keyRole: 'Owner',
      learned: { allowedSourceIps: ['0.0.0.0/0'] },
    });
    expect(open.primaryCause).toBeNull();
    expect(open.headline).toMatch(/^Look at the 403's body for what it refused/);
    expect(open.headline).not.toMatch(/Use a key whose user's role/);
  });

  test('a 403 on another operation keeps the source-IP text', () => {
    const c = diagnose(forbidden('GET', 'https://api.redislabs.com/v1/subscriptions'), context);
    expect(item(c, 'source-ip').explanation).toContain(say('status403'));
    expect(c.primaryCause).toBe('source-ip');
  });
});

describe('429', () => {
  test('names both causes the API documents', () => {
    const c = diagnose(
      { source: 'pasted', request: request(), response: response(429, '') },
      context,
    );
    const rate = item(c, 'rate-limit');
    expect(rate.explanation).toContain(say('status429'));
    expect(rate.explanation).toContain(say('rateLimit'));
    expect(c.headline).toMatch(/running changes/);
    expect(c.headline).toMatch(/400 requests per minute/);
  });
});

describe('a CI log mask', () => {
  test('*** in both key headers is not a placeholder: key values unknown, no placeholder text', () => {
    const c = diagnose(
      {
        source: 'pasted',
        request: request({ headers: keyHeaders('***', '***') }),
        response: response(401, ''),
      },
      context,
    );
    const values = item(c, 'key-values');
    expect(values.status).toBe('unknown');
    expect(values.summary).toContain('CI log masked');
    const all = c.items
      .map((i) => `${i.summary} ${(i.findings ?? []).map((f) => f.message).join(' ')}`)
      .join(' ');
    expect(all).not.toMatch(/The value is the placeholder|same value/);
    expect(values.findings?.map((f) => f.message).join(' ')).toContain(say('ciMask'));
    expect(c.headline).not.toMatch(/placeholder|\*\*\*/);
  });

  test('**** typed into a field is still a placeholder', () => {
    const c = diagnose(
      {
        source: 'pasted',
        request: request({ headers: keyHeaders('********', '***') }),
        response: response(401, ''),
      },
      context,
    );
    expect(item(c, 'key-values').status).toBe('fail');
  });
});

describe('statuses the verdict table does not name', () => {
  test('a 408 in the Spring shape is unknown, not the API refusing the request itself', () => {
    const body = JSON.stringify({
      timestamp: 'x',
      status: 408,
      error: 'Request Timeout',
      path: '/v1/',
    });
    const c = diagnose(
      {
        source: 'pasted',
        request: request({ url: 'https://api.redislabs.com/v1/' }),
        response: response(408, body),
      },
      context,
    );
    expect(c.verdict).toBe('unknown');
  });
});
