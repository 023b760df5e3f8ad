import { describe, expect, test } from 'vitest';
import { diagnose } from '../../../src/lib/auth/diagnose';
import type { ChecklistItem, ItemId, ItemStatus } from '../../../src/lib/core/checklist';
import {
  ACCOUNT_BODY,
  ACCOUNT_KEY,
  accountBody,
  answered,
  item,
  keyHeaders,
  NGINX_401,
} from './helpers';

const ranks = (items: ChecklistItem[]) =>
  Object.fromEntries(
    items.filter((i) => i.status === 'suspect').map((i) => [i.id, i.rank]),
  ) as Partial<Record<ItemId, number>>;

describe('after a 401', () => {
  test('with nothing else known: wrong key, then pair, then API disabled, each with a reason', () => {
    const checklist = diagnose(answered(401, NGINX_401));
    expect(ranks(checklist.items)).toEqual({
      'keys-valid': 1,
      'same-account': 2,
      'api-enabled': 3,
    });
    expect(item(checklist, 'api-enabled').explanation).toContain(
      'enables it, which also creates the account key',
    );
    for (const id of ['keys-valid', 'same-account', 'api-enabled'] as const) {
      expect(item(checklist, id).explanation).toContain('answer differently is not published');
      expect(item(checklist, id).fix).toBeTruthy();
    }
  });

  test('a profile that worked before moves "API disabled since" up and the pair down', () => {
    const checklist = diagnose(answered(401, ''), {
      learned: { accountId: 1001, accountName: 'Redis', at: '2025-01-10T10:00:00Z' },
    });
    expect(ranks(checklist.items)).toEqual({
      'keys-valid': 1,
      'api-enabled': 2,
      'same-account': 3,
    });
    expect(item(checklist, 'api-enabled').explanation).toContain(
      'This profile authenticated before for account 1001 (Redis) at 2025-01-10T10:00:00Z',
    );
    expect(item(checklist, 'same-account').explanation).toContain('belonged to one account then');
  });

  test('a suspicious value found by the request stage is the reason keys-valid is first', () => {
    const checklist = diagnose(
      answered(401, '', [], { headers: keyHeaders(`"${ACCOUNT_KEY}"`, 'user-key-value') }),
      { learned: { at: '2025-01-10T10:00:00Z' } },
    );
    expect(item(checklist, 'keys-valid').rank).toBe(1);
    expect(item(checklist, 'keys-valid').explanation).toContain('The request stage found');
    expect(checklist.primaryCause).toBe('key-values');
  });

  test('source IP stays unknown and the role is not reached', () => {
    const checklist = diagnose(answered(401, ''), { declaredAllowList: ['10.0.0.0/24'] });
    expect(item(checklist, 'source-ip').status).toBe('unknown');
    expect(item(checklist, 'source-ip').explanation).toContain('10.0.0.0/24');
    expect(item(checklist, 'role-permits').status).toBe('skipped');
  });
});

describe('after a 403', () => {
  test('an address outside the allow list fails source-ip with the entry to add', () => {
    const checklist = diagnose(answered(403, ''), {
      learned: { allowedSourceIps: ['10.0.0.0/24'], httpSourceIp: '203.0.113.7' },
    });
    const ip = item(checklist, 'source-ip');
    expect(ip.status).toBe('fail');
    expect(ip.summary).toBe(
      'This key allows only 10.0.0.0/24; the API last saw you at 203.0.113.7, which is outside it.',
    );
    expect(ip.fix).toContain("add 203.0.113.7/32 to the key's allow list");
    expect(checklist.primaryCause).toBe('source-ip');
    expect(item(checklist, 'role-permits').status).toBe('unknown');
  });

  test('IPv6 addresses get a /128 entry', () => {
    const checklist = diagnose(answered(403, ''), {
      declaredAllowList: ['2001:db8::/48'],
      learned: { httpSourceIp: '2001:db9::1' },
    });
    expect(item(checklist, 'source-ip').fix).toContain('2001:db9::1/128');
  });

  test('the declared allow list is used when nothing was learned', () => {
    const checklist = diagnose(answered(403, ''), { declaredAllowList: ['192.168.0.0/16'] });
    const ip = item(checklist, 'source-ip');
    expect(ip.status).toBe('suspect');
    expect(ip.summary).toContain('192.168.0.0/16');
    expect(ip.explanation).not.toContain('undefined');
  });

  test('an open allow list clears the address and leaves the role as the one suspect', () => {
    const checklist = diagnose(answered(403, ''), { learned: { allowedSourceIps: ['0.0.0.0/0'] } });
    // Issue 18: an empty 403 does not show the API sent it, so the address is likely fine, not shown.
    expect(item(checklist, 'source-ip')).toMatchObject({ status: 'unknown' });
    expect(item(checklist, 'source-ip').summary).toContain('allows every address');
    expect(item(checklist, 'role-permits')).toMatchObject({ status: 'suspect', rank: 1 });
    expect(checklist.primaryCause).toBe('role-permits');
  });

  test('a GET ranks the address first; a write ranks the role first', () => {
    const get = diagnose(answered(403, ''));
    expect(ranks(get.items)).toEqual({ 'source-ip': 1, 'role-permits': 2 });
    const del = diagnose(
      answered(403, '', [], {
        method: 'DELETE',
        url: 'https://api.redislabs.com/v1/subscriptions/1',
      }),
    );
    expect(ranks(del.items)).toEqual({ 'role-permits': 1, 'source-ip': 2 });
    expect(item(del, 'role-permits').explanation).toContain('Viewer key may only send GET');
    expect(del.primaryCause).toBe('role-permits');
  });

  test('through a relay, the address is the relay machine', () => {
    const checklist = diagnose(answered(403, ''), { viaRelay: true });
    expect(item(checklist, 'source-ip').explanation).toContain('relay runs on');
  });

  // Issue 10: FACTS.md lists the order of the API's checks as unknown, so a 403 no longer
  // shows the keys valid: they are `unknown`, likely valid, and say why.
  test('keys, pair and API are likely, not shown, to hold', () => {
    const checklist = diagnose(answered(403, ''));
    for (const id of ['keys-valid', 'same-account', 'api-enabled'] as const) {
      expect(item(checklist, id).status).toBe('unknown');
      expect(item(checklist, id).summary).toMatch(/^Likely holds/);
      expect(item(checklist, id).explanation).toContain('is not published');
    }
  });
});

describe('after a 200 on GET /v1/', () => {
  test('the body explains every condition with its own values', () => {
    const checklist = diagnose(answered(200, accountBody(['10.0.0.0/24'], '10.0.0.7')));
    expect(item(checklist, 'keys-valid').summary).toContain('account 1001 (Redis)');
    expect(item(checklist, 'same-account').explanation).toContain('capi-api-key-name');
    const ip = item(checklist, 'source-ip');
    expect(ip.status).toBe('pass');
    expect(ip.summary).toBe(
      'Holds: this key allows only 10.0.0.0/24; the API saw this request come from 10.0.0.7, inside 10.0.0.0/24.',
    );
  });

  // Issue 10: on a 2xx every condition held, the source IP included.
  test('an open allow list holds, with the list and the address the API saw', () => {
    const ip = item(diagnose(answered(200, ACCOUNT_BODY)), 'source-ip');
    expect(ip.status).toBe('pass');
    expect(ip.summary).toContain('0.0.0.0/0');
    expect(ip.explanation).toContain('79.0.0.173');
  });

  test('keys that now reach another account than the profile learned: same-account warns', () => {
    const checklist = diagnose(answered(200, accountBody(['0.0.0.0/0'], '1.2.3.4', 2002)), {
      learned: { accountId: 1001 },
    });
    expect(item(checklist, 'same-account').status).toBe('warn');
    expect(item(checklist, 'same-account').summary).toContain('account 2002');
    expect(checklist.verdict).toBe('ok');
  });

  test('a request-stage failure the API got past becomes a warning', () => {
    const checklist = diagnose({
      ...answered(200, ACCOUNT_BODY, [], { headers: keyHeaders(`${ACCOUNT_KEY} `, 'u') }),
      source: 'pasted',
    });
    expect(item(checklist, 'key-values').status).toBe('warn');
    expect(item(checklist, 'key-values').explanation).toContain('authenticated the request anyway');
    expect(checklist.primaryCause).toBeNull();
  });

  test('x-rate-limit-remaining of 0 warns before the limit is hit', () => {
    const checklist = diagnose(
      answered(200, ACCOUNT_BODY, [{ name: 'X-Rate-Limit-Remaining', value: '0' }]),
    );
    expect(item(checklist, 'rate-limit').status).toBe('warn');
  });
});

describe('answers from a host that is not the API', () => {
  test('a 200 from the console is not a success and says nothing about the keys', () => {
    const checklist = diagnose(
      answered(200, '<html></html>', [], { url: 'https://app.redislabs.com/v1/' }),
    );
    expect(checklist.verdict).toBe('wrong-target');
    expect(checklist.primaryCause).toBe('endpoint');
    expect(item(checklist, 'reached-api').status).toBe('warn');
    expect(item(checklist, 'keys-valid').status).toBe('unknown');
  });
});

describe('every item takes every status it can', () => {
  const seen = new Map<ItemId, Set<ItemStatus>>();
  const record = (items: ChecklistItem[]) => {
    for (const i of items) {
      const set = seen.get(i.id) ?? new Set<ItemStatus>();
      set.add(i.status);
      seen.set(i.id, set);
    }
  };

  test('over a set of scenarios', () => {
    const scenarios = [
      answered(200, ACCOUNT_BODY),
      answered(200, accountBody(['10.0.0.0/24'], '10.0.0.7', 2002), [
        { name: 'x-rate-limit-remaining', value: '0' },
      ]),
      answered(401, ''),
      answered(403, ''),
      answered(429, ''),
      answered(500, ''),
      answered(404, '', [], { url: 'https://api.redislabs.com/v1' }),
      answered(401, '', [], {
        headers: [
          ...keyHeaders(),
          { name: 'x-auth-token', value: 't' },
          { name: 'Authorization', value: 'x' },
        ],
      }),
      answered(401, '', [], { headers: [] }),
      answered(401, '', [], { headers: keyHeaders(' a', 'b') }),
      answered(401, '', [], { headers: keyHeaders('a\n', 'b') }),
    ];
    for (const s of scenarios) record(diagnose(s, { learned: { accountId: 1001 } }).items);
    record(
      diagnose(answered(403, ''), {
        learned: { allowedSourceIps: ['10.0.0.0/8'], httpSourceIp: '8.8.8.8' },
      }).items,
    );
    record(diagnose(answered(200, '<p>', [], { url: 'https://cloud.redis.io/' })).items);
    record(diagnose({ source: 'network', request: answered(0).request }).items);
    record(diagnose({ source: 'pasted', request: answered(0).request }).items);
    record(
      diagnose({
        source: 'network',
        request: answered(0).request,
        failure: { kind: 'timeout', message: '' },
      }).items,
    );
    record(
      diagnose({
        source: 'pasted',
        request: { method: 'GET', url: '', headers: [] },
        response: answered(401).response!,
      }).items,
    );

    const expected: Record<ItemId, ItemStatus[]> = {
      'account-key-header': ['pass', 'warn', 'fail', 'unknown'],
      'secret-key-header': ['pass', 'warn', 'fail', 'unknown'],
      'key-values': ['pass', 'warn', 'fail', 'skipped', 'unknown'],
      endpoint: ['pass', 'warn', 'fail', 'unknown'],
      'reached-api': ['pass', 'warn', 'fail', 'unknown', 'skipped'],
      'keys-valid': ['pass', 'suspect', 'unknown', 'skipped'],
      'same-account': ['pass', 'warn', 'suspect', 'unknown', 'skipped'],
      'source-ip': ['pass', 'fail', 'suspect', 'unknown', 'skipped'],
      'api-enabled': ['pass', 'suspect', 'unknown', 'skipped'],
      'role-permits': ['pass', 'suspect', 'unknown', 'skipped'],
      'rate-limit': ['pass', 'warn', 'fail', 'unknown', 'skipped'],
    };
    for (const [id, statuses] of Object.entries(expected)) {
      expect([...(seen.get(id as ItemId) ?? [])].sort(), id).toEqual([...statuses].sort());
    }
  });
});
