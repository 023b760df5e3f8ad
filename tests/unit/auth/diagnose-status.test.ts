import { describe, expect, test } from 'vitest';
import type { Exchange, FailureKind } from '../../../src/lib/core/exchange';
import { diagnose } from '../../../src/lib/auth/diagnose';
import { ITEM_IDS } from '../../../src/lib/core/checklist';
import type { ItemId, ItemStatus, Verdict } from '../../../src/lib/core/checklist';
import {
  ACCOUNT_BODY,
  NGINX_401,
  SPRING_404,
  answered,
  isKnownOperation,
  item,
  keyHeaders,
  request,
} from './helpers';

interface Row {
  name: string;
  exchange: Exchange;
  verdict: Verdict;
  primaryCause: ItemId | null;
  decisive: Partial<Record<ItemId, ItemStatus>>;
}

const SUBSCRIPTION = 'https://api.redislabs.com/v1/subscriptions/114019/private-link';
const SUSPECTS = {
  'keys-valid': 'suspect',
  'same-account': 'suspect',
  'api-enabled': 'suspect',
} as const;
const AUTHENTICATED = {
  'keys-valid': 'pass',
  'same-account': 'pass',
  'api-enabled': 'pass',
} as const;
// Issue 18: a refusal of the request itself (400, 404 on an operation, 409, 412, 422) leaves the
// keys likely valid but not shown: the order of the API's checks is not published.
const UNKNOWN = {
  'keys-valid': 'unknown',
  'same-account': 'unknown',
  'api-enabled': 'unknown',
} as const;

const rows: Row[] = [
  {
    name: '200 GET /v1/',
    exchange: answered(200, ACCOUNT_BODY),
    verdict: 'ok',
    primaryCause: null,
    decisive: {
      ...AUTHENTICATED,
      'reached-api': 'pass',
      // Issue 10: a 2xx shows every condition held, an open allow list included.
      'source-ip': 'pass',
      'role-permits': 'pass',
    },
  },
  {
    name: '201 POST /v1/subscriptions',
    exchange: answered(201, '{"taskId":"t-1","_links":{"task":{"href":"/v1/tasks/t-1"}}}', [], {
      method: 'POST',
      url: 'https://api.redislabs.com/v1/subscriptions',
    }),
    verdict: 'ok',
    primaryCause: null,
    decisive: {
      ...AUTHENTICATED,
      'source-ip': 'pass',
      'role-permits': 'pass',
      'rate-limit': 'pass',
    },
  },
  {
    name: '400',
    exchange: answered(
      400,
      JSON.stringify({
        timestamp: '2025-01-17T09:34:25.803+00:00',
        status: 400,
        error: 'Bad Request',
        path: '/v1/',
      }),
    ),
    verdict: 'request-error',
    primaryCause: null,
    decisive: { ...UNKNOWN, endpoint: 'pass' },
  },
  {
    // Issue 18: a JSON error that is not the API's Spring shape does not show the API sent it.
    name: '400 with another JSON body',
    exchange: answered(400, '{"error":"bad"}'),
    verdict: 'unknown',
    primaryCause: null,
    decisive: { ...UNKNOWN, endpoint: 'pass' },
  },
  {
    name: '401 with a JSON body',
    exchange: answered(401, '{"error":"unauthorized"}'),
    verdict: 'auth-failed',
    primaryCause: 'keys-valid',
    decisive: { ...SUSPECTS, 'role-permits': 'skipped', 'source-ip': 'unknown' },
  },
  {
    name: '401 with the nginx HTML body',
    exchange: answered(401, NGINX_401),
    verdict: 'auth-failed',
    primaryCause: 'keys-valid',
    decisive: SUSPECTS,
  },
  {
    name: '401 with an empty body',
    exchange: answered(401, ''),
    verdict: 'auth-failed',
    primaryCause: 'keys-valid',
    decisive: SUSPECTS,
  },
  {
    name: '403',
    exchange: answered(403, ''),
    verdict: 'forbidden',
    primaryCause: 'source-ip',
    // Issue 10: the order of the API's checks is unknown, so a 403 does not show valid keys.
    decisive: { ...UNKNOWN, 'source-ip': 'suspect', 'role-permits': 'suspect' },
  },
  {
    name: '404 on a known operation',
    exchange: answered(404, SPRING_404, [], { url: SUBSCRIPTION }),
    verdict: 'request-error',
    primaryCause: 'endpoint',
    decisive: { ...UNKNOWN, endpoint: 'warn' },
  },
  {
    name: '404 on an unknown path',
    exchange: answered(404, '', [], { url: 'https://api.redislabs.com/v1/nothing-here' }),
    verdict: 'wrong-target',
    primaryCause: 'endpoint',
    decisive: { ...UNKNOWN, endpoint: 'fail' },
  },
  {
    name: '409 in the Spring shape',
    exchange: answered(
      409,
      JSON.stringify({
        timestamp: '2025-01-17T09:34:25.803+00:00',
        status: 409,
        error: 'Conflict',
        path: '/v1/',
      }),
    ),
    verdict: 'request-error',
    primaryCause: null,
    decisive: UNKNOWN,
  },
  {
    // Issue 18: an empty body does not show the API sent it: nothing passes, and the verdict
    // that says the API judged the request itself needs the API's shape (DESIGN.md).
    name: '409 with an empty body',
    exchange: answered(409, ''),
    verdict: 'unknown',
    primaryCause: null,
    decisive: UNKNOWN,
  },
  {
    name: '412 in the Spring shape',
    exchange: answered(
      412,
      JSON.stringify({
        timestamp: '2025-01-17T09:34:25.803+00:00',
        status: 412,
        error: 'Precondition Failed',
        path: '/v1/',
      }),
    ),
    verdict: 'request-error',
    primaryCause: null,
    decisive: UNKNOWN,
  },
  {
    // Issue 18: an empty body does not show the API sent it: nothing passes, and the verdict
    // that says the API judged the request itself needs the API's shape (DESIGN.md).
    name: '412 with an empty body',
    exchange: answered(412, ''),
    verdict: 'unknown',
    primaryCause: null,
    decisive: UNKNOWN,
  },
  {
    name: '422 in the Spring shape',
    exchange: answered(
      422,
      JSON.stringify({
        timestamp: '2025-01-17T09:34:25.803+00:00',
        status: 422,
        error: 'Unprocessable Entity',
        path: '/v1/',
      }),
    ),
    verdict: 'request-error',
    primaryCause: null,
    decisive: UNKNOWN,
  },
  {
    // Issue 18: an empty body does not show the API sent it: nothing passes, and the verdict
    // that says the API judged the request itself needs the API's shape (DESIGN.md).
    name: '422 with an empty body',
    exchange: answered(422, ''),
    verdict: 'unknown',
    primaryCause: null,
    decisive: UNKNOWN,
  },
  {
    name: '429 with x-rate-limit-retry-after-seconds',
    exchange: answered(429, '', [{ name: 'X-Rate-Limit-Retry-After-Seconds', value: '17' }]),
    verdict: 'rate-limited',
    primaryCause: 'rate-limit',
    decisive: { ...UNKNOWN, 'rate-limit': 'fail' },
  },
  {
    name: '429 without it',
    exchange: answered(429, ''),
    verdict: 'rate-limited',
    primaryCause: 'rate-limit',
    decisive: { 'rate-limit': 'fail' },
  },
  {
    name: '500',
    exchange: answered(500, ''),
    verdict: 'server-error',
    primaryCause: null,
    // Issue 18: an empty 500 does not show the API sent it.
    decisive: { ...UNKNOWN, 'rate-limit': 'unknown', 'reached-api': 'unknown' },
  },
  {
    name: '503',
    exchange: answered(503, ''),
    verdict: 'server-error',
    primaryCause: null,
    decisive: UNKNOWN,
  },
];

/** A row's exchange by its name. */
function row(name: string): Exchange {
  const found = rows.find((r) => r.name === name);
  if (!found) throw new Error(`no row ${name}`);
  return found.exchange;
}

describe('diagnose over the status table', () => {
  test.each(rows)('$name', ({ exchange, verdict, primaryCause, decisive }) => {
    const checklist = diagnose(exchange, { isKnownOperation });
    expect(checklist.verdict).toBe(verdict);
    expect(checklist.primaryCause).toBe(primaryCause);
    expect(checklist.items.map((i) => i.id)).toEqual([...ITEM_IDS]);
    for (const [id, status] of Object.entries(decisive)) {
      expect(item(checklist, id as ItemId).status, id).toBe(status);
    }
    expect(checklist.headline.length).toBeGreaterThan(10);
  });

  test('the 429 item quotes the retry header when present and says when it is absent', () => {
    const byName = (name: string) => rows.find((r) => r.name.startsWith(name))!.exchange;
    const withRetry = diagnose(byName('429 with x-rate'));
    expect(item(withRetry, 'rate-limit').summary).toContain('wait 17 seconds');
    const without = diagnose(byName('429 without'));
    expect(item(without, 'rate-limit').summary).toContain(
      'carries no x-rate-limit-retry-after-seconds header',
    );
    expect(item(without, 'rate-limit').explanation).toContain('400 requests per minute');
  });

  test('the 401 body kinds are told apart in reached-api', () => {
    expect(item(diagnose(row('401 with a JSON body')), 'reached-api').summary).toContain(
      'a JSON body',
    );
    expect(item(diagnose(row('401 with the nginx HTML body')), 'reached-api').summary).toContain(
      'nginx HTML page',
    );
    expect(item(diagnose(row('401 with an empty body')), 'reached-api').summary).toContain(
      'an empty body',
    );
  });

  test('headlines say the action first, in words, and never repeat the verdict', () => {
    const auth = diagnose(row('401 with a JSON body')).headline;
    expect(auth).toMatch(/^Copy both keys again/);
    expect(auth).toContain('most likely a wrong key');
    expect(auth).toContain('does not say which condition failed');
    const forbidden = diagnose(row('403')).headline;
    expect(forbidden).toMatch(/^Check that the key's allow list includes/);
    expect(forbidden).not.toMatch(/Forbidden/i);
    const ok = diagnose(row('200 GET /v1/')).headline;
    expect(ok).toMatch(/^Nothing to fix/);
    expect(ok).toContain('account 1001 (Redis)');
    expect(ok).not.toMatch(/Authenticated/i);
  });

  test('a 404 without an operation list does not claim the path is unknown', () => {
    const checklist = diagnose(answered(404, '', [], { url: SUBSCRIPTION }));
    expect(checklist.verdict).toBe('unknown');
    expect(item(checklist, 'endpoint').status).toBe('unknown');
    expect(item(checklist, 'endpoint').explanation).toContain('no operation list');
    expect(item(checklist, 'keys-valid').status).toBe('unknown');
  });

  test('a 404 on a brand-new task id says it may appear in a few seconds', () => {
    const checklist = diagnose(
      answered(404, '', [], { url: 'https://api.redislabs.com/v1/tasks/abc' }),
      {
        isKnownOperation,
      },
    );
    expect(item(checklist, 'endpoint').explanation).toContain('few seconds');
    expect(item(checklist, 'endpoint').docs?.title).toBe('Manage tasks');
  });

  test('other status families: 3xx points at the URL, 405 too, 408 has no item to blame', () => {
    const redirect = diagnose(
      answered(302, '', [{ name: 'Location', value: 'https://app.redislabs.com/#/login' }]),
    );
    expect(redirect.verdict).toBe('wrong-target');
    expect(redirect.primaryCause).toBe('endpoint');
    expect(item(redirect, 'keys-valid').status).toBe('unknown');
    expect(diagnose(answered(405, '')).verdict).toBe('wrong-target');
    expect(diagnose(answered(405, '')).primaryCause).toBe('endpoint');
    expect(diagnose(answered(408, '')).primaryCause).toBeNull();
    // Issue 18: request-error needs an answer with the API's shape (DESIGN.md).
    expect(diagnose(answered(408, '')).verdict).toBe('unknown');
    expect(diagnose(answered(102, '')).verdict).toBe('unknown');
  });
});

describe('answers without a status', () => {
  test('the nginx page states 401 itself', () => {
    const checklist = diagnose({ ...answered(null, NGINX_401), source: 'pasted' });
    expect(checklist.verdict).toBe('auth-failed');
    expect(item(checklist, 'reached-api').explanation).toContain('status line was not pasted');
  });

  test('the Spring body states 404 itself', () => {
    const checklist = diagnose(
      { ...answered(null, SPRING_404, [], { url: SUBSCRIPTION }), source: 'pasted' },
      {
        isKnownOperation,
      },
    );
    expect(checklist.verdict).toBe('request-error');
    expect(checklist.primaryCause).toBe('endpoint');
  });

  test('a body that states nothing leaves the status and every condition unknown', () => {
    const checklist = diagnose({ ...answered(null, 'oops'), source: 'pasted' });
    expect(checklist.verdict).toBe('unknown');
    expect(checklist.primaryCause).toBe('reached-api');
    expect(checklist.headline).toMatch(/^Paste the whole answer, status line included/);
    for (const id of [
      'keys-valid',
      'same-account',
      'source-ip',
      'api-enabled',
      'role-permits',
      'rate-limit',
    ] as const) {
      expect(item(checklist, id).status).toBe('unknown');
    }
  });

  test('a pasted answer without any request leaves the request items unknown', () => {
    const checklist = diagnose({
      source: 'pasted',
      request: { method: 'GET', url: '', headers: [] },
      response: { status: 401, statusText: '', headers: [], body: NGINX_401, size: 0 },
    });
    expect(checklist.verdict).toBe('auth-failed');
    expect(checklist.items.slice(0, 4).map((i) => i.status)).toEqual([
      'unknown',
      'unknown',
      'unknown',
      'unknown',
    ]);
  });
});

describe('transport failures', () => {
  const failed = (kind: FailureKind, req = request()): Exchange => ({
    source: 'network',
    request: req,
    failure: { kind, message: 'Failed to fetch' },
  });

  test.each<[FailureKind, Verdict, string]>([
    ['offline', 'unreachable', 'no network connection'],
    ['unreachable', 'unreachable', 'Nothing answered'],
    ['cors', 'unreachable', 'withheld'],
    ['timeout', 'unreachable', 'time limit'],
    ['aborted', 'unreachable', 'cancelled'],
    ['mixed-content', 'not-sent', 'mixed content'],
    ['invalid-header-value', 'not-sent', 'refused'],
    ['blocked-by-policy', 'not-sent', 'Content-Security-Policy'],
    ['invalid-url', 'not-sent', 'not a web address'],
  ])('%s: verdict %s, reached-api fails and says so', (kind, verdict, words) => {
    const checklist = diagnose(failed(kind));
    expect(checklist.verdict).toBe(verdict);
    expect(checklist.primaryCause).toBe('reached-api');
    const reached = item(checklist, 'reached-api');
    expect(reached.status).toBe('fail');
    expect(reached.summary).toContain(words);
    expect(reached.fix).toBeTruthy();
    const rest = kind === 'cors' ? 'unknown' : 'skipped';
    expect(item(checklist, 'keys-valid').status).toBe(rest);
    expect(item(checklist, 'rate-limit').status).toBe(rest);
  });

  test('CORS names both ways forward', () => {
    const fix = item(diagnose(failed('cors')), 'reached-api').fix ?? '';
    expect(fix).toContain('cURL round trip');
    expect(fix).toContain('127.0.0.1');
  });

  test('CSP names what the page may connect to', () => {
    const text = item(diagnose(failed('blocked-by-policy')), 'reached-api').explanation;
    expect(text).toContain('api.redislabs.com');
    expect(text).toContain('loopback');
  });

  test('an invalid header value names the character, and the key value is the cause', () => {
    const checklist = diagnose(
      failed('invalid-header-value', request({ headers: keyHeaders('abcdef', 'ghijkl\u200bmn') })),
    );
    expect(item(checklist, 'reached-api').summary).toContain(
      'x-api-secret-key holds U+200B ZERO WIDTH SPACE at character 7',
    );
    expect(checklist.primaryCause).toBe('key-values');
  });

  test('an unreachable console host blames the URL first', () => {
    const checklist = diagnose(failed('cors', request({ url: 'https://app.redislabs.com/v1/' })));
    expect(checklist.primaryCause).toBe('endpoint');
    expect(checklist.headline).toMatch(
      /^Use https:\/\/api\.redislabs\.com\/v1\/\. app\.redislabs\.com is the Redis Cloud console/,
    );
  });

  test('a request not sent yet with a value fetch refuses: not-sent, key-values first', () => {
    const checklist = diagnose({
      source: 'network',
      request: request({ headers: keyHeaders('abc\u2019def', 'ghi') }),
    });
    expect(checklist.verdict).toBe('not-sent');
    expect(checklist.primaryCause).toBe('key-values');
    expect(item(checklist, 'reached-api').status).toBe('skipped');
  });
});
