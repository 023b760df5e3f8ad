/**
 * Issue 18, item 2: `lib/auth` judges each item by its own module's rules, in order, and each
 * rule cites a claim. One table per item module: exchange -> the item's status -> the rule that
 * gave it and the claim it cites. Then: every rule of every item is reached by the claims corpus,
 * so the claims scan reads every sentence the items can produce.
 */
import { describe, expect, test } from 'vitest';
import { isKnownOperation as catalogKnows } from '../../../src/lib/api/catalog';
import { CLAIMS } from '../../../src/lib/auth/claims';
import type { ClaimId } from '../../../src/lib/auth/claims';
import { ITEM_RULES, judgeAnswerItems } from '../../../src/lib/auth/diagnose';
import type { AnswerItemId } from '../../../src/lib/auth/judged';
import type { DiagnoseContext, ItemStatus } from '../../../src/lib/core/checklist';
import type { Exchange, Header } from '../../../src/lib/core/exchange';
import { corpus } from './corpus';
import {
  ACCOUNT_BODY,
  NGINX_401,
  SPRING_404,
  accountBody,
  isKnownOperation,
  keyHeaders,
  request,
  response,
} from './helpers';

const API = 'https://api.redislabs.com';
const task = (type: string, status: string) =>
  JSON.stringify({
    taskId: 't-1',
    status: 'processing-error',
    response: { error: { type, status, description: 'x' } },
  });
const spring = (status: number, error: string) =>
  JSON.stringify({ timestamp: 'x', status, error, path: '/v1/subscriptions' });
const NGINX_502 =
  '<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>';

function ex(
  status: number | null,
  body = '',
  opts: { method?: string; url?: string; headers?: Header[]; sent?: Header[] } = {},
): Exchange {
  return {
    source: 'pasted',
    request: request({
      method: opts.method ?? 'GET',
      url: opts.url ?? `${API}/v1/`,
      ...(opts.sent ? { headers: opts.sent } : {}),
    }),
    response: response(status, body, opts.headers ?? []),
  };
}

const failed = (kind: 'cors' | 'unreachable' | 'tls', message = ''): Exchange => ({
  source: 'pasted',
  request: request(),
  failure: { kind, message },
});

type Row = [string, Exchange, DiagnoseContext, ItemStatus, string, ClaimId];

const none: DiagnoseContext = {};
const ROWS: Record<AnswerItemId, Row[]> = {
  'reached-api': [
    [
      'the API account body',
      ex(200, ACCOUNT_BODY),
      none,
      'pass',
      'a 2xx from the API',
      'successMeansAuthenticated',
    ],
    ['the nginx 401', ex(401, NGINX_401), none, 'pass', 'a 401', 'status401'],
    ['Cloudflare 1010', ex(403, 'error code: 1010'), none, 'fail', 'an edge answered', 'edge'],
    ['a 407', ex(407, ''), none, 'fail', 'a proxy answered', 'proxy'],
    ["nginx's 502", ex(502, NGINX_502), none, 'fail', "a web server's own page", 'webServer'],
    [
      'a bare 200',
      ex(200, ''),
      none,
      'unknown',
      'a 2xx not shown to be the API',
      'successMeansAuthenticated',
    ],
    [
      'a Go task line',
      ex(200, 'Error: 500 INTERNAL_SERVER_ERROR - GENERAL_ERROR: x'),
      none,
      'pass',
      'a task failed',
      'failedTask',
    ],
    [
      'a bare 403 to Python-urllib',
      ex(403, '', { sent: [{ name: 'User-Agent', value: 'Python-urllib/3.12' }, ...keyHeaders()] }),
      none,
      'unknown',
      'a bare 403 to Python-urllib',
      'edgeUserAgent',
    ],
    [
      'curl (60)',
      failed('tls', 'curl: (60) SSL certificate problem: unable to get local issuer certificate'),
      none,
      'fail',
      "a certificate that is not the API's",
      'proxy',
    ],
    [
      'curl (6)',
      failed('unreachable', 'curl: (6) Could not resolve host: api.redislabs.com'),
      none,
      'fail',
      'no answer came back',
      'toolNoAnswer',
    ],
    [
      'a redirect',
      ex(301, '', { url: 'http://api.redislabs.com/v1/' }),
      none,
      'warn',
      'a redirect',
      'v1Paths',
    ],
    [
      'Redis Enterprise Software',
      ex(200, '[]', { url: 'https://cluster.example.com:9443/v1/bdbs' }),
      none,
      'warn',
      'Redis Enterprise Software',
      'enterprise',
    ],
    ['no status', ex(null, 'oops'), none, 'unknown', 'no status', 'apiShapes'],
    [
      'a provider crash',
      ex(null, 'panic: runtime error: index out of range'),
      none,
      'unknown',
      'a provider crash',
      'apiShapes',
    ],
    [
      'a Spring 404',
      ex(404, SPRING_404, { url: `${API}/v1/subscriptions/1` }),
      none,
      'pass',
      'a 404',
      'spring404',
    ],
    [
      'a 409',
      ex(409, spring(409, 'Conflict'), { method: 'POST', url: `${API}/v1/subscriptions` }),
      none,
      'pass',
      'the API refused the request itself',
      'status400',
    ],
  ],
  'keys-valid': [
    [
      '2xx from the API',
      ex(200, ACCOUNT_BODY),
      none,
      'pass',
      'a 2xx from the API',
      'successMeansAuthenticated',
    ],
    ['the nginx 401', ex(401, NGINX_401), none, 'suspect', 'a 401', 'sameAnswerFor401'],
    ['a 403', ex(403, ''), none, 'unknown', 'a 403', 'orderOfChecks'],
    [
      'a failed task',
      ex(200, task('PAYMENT_INFO_NOT_PROVIDED', '400 BAD_REQUEST')),
      none,
      'pass',
      'a task failed',
      'failedTaskAuthenticated',
    ],
    [
      'an edge page',
      ex(403, 'error code: 1020'),
      none,
      'unknown',
      'an edge or proxy answered',
      'edge',
    ],
    ['a bare 200', ex(200, 'OK'), none, 'unknown', 'a 2xx not shown to be the API', 'apiShapes'],
    ['a 429', ex(429, ''), none, 'unknown', 'a 429', 'orderOfChecks'],
    [
      'a 400 in the Spring shape',
      ex(400, '{"timestamp":"x","status":400,"error":"Bad Request","path":"/v1/subscriptions"}', {
        method: 'POST',
        url: `${API}/v1/subscriptions`,
      }),
      none,
      'unknown',
      'the request itself refused',
      'refusedAfterAuth',
    ],
    [
      'the account body, no key sent',
      ex(200, ACCOUNT_BODY, { sent: [] }),
      none,
      'unknown',
      'no key in the request',
      'bothHeaders',
    ],
    ['a server error', ex(500, '{"status":500}'), none, 'unknown', 'a server error', 'status500'],
  ],
  'same-account': [
    ['the nginx 401', ex(401, NGINX_401), none, 'suspect', 'a 401', 'sameAnswerFor401'],
    ['2xx from the API', ex(200, ACCOUNT_BODY), none, 'pass', 'a 2xx from the API', 'conditions'],
    [
      '2xx for another account than learned',
      ex(200, ACCOUNT_BODY),
      { learned: { accountId: 2002 } },
      'warn',
      'a 2xx from the API, another account than learned',
      'conditions',
    ],
    ['a 403', ex(403, ''), none, 'unknown', 'a 403', 'orderOfChecks'],
    [
      'a failed task',
      ex(200, task('GENERAL_ERROR', '500 INTERNAL_SERVER_ERROR')),
      none,
      'pass',
      'a task failed',
      'failedTaskAuthenticated',
    ],
  ],
  'source-ip': [
    [
      '2xx, no list known',
      ex(200, '{"subscriptions":[]}', { url: `${API}/v1/subscriptions` }),
      none,
      'pass',
      'a 2xx from the API',
      'successMeansAuthenticated',
    ],
    [
      '2xx, address inside the list',
      ex(200, accountBody(['10.0.0.0/24'], '10.0.0.7')),
      none,
      'pass',
      'a 2xx from the API',
      'successMeansAuthenticated',
    ],
    [
      '2xx, address outside the list as known',
      ex(200, accountBody(['10.0.0.0/24'], '8.8.8.8')),
      none,
      'warn',
      'a 2xx from the API',
      'successMeansAuthenticated',
    ],
    ['a 403, list unknown', ex(403, ''), none, 'suspect', 'a 403', 'status403'],
    [
      'a 403, address outside the list',
      ex(403, ''),
      { learned: { allowedSourceIps: ['10.0.0.0/8'], httpSourceIp: '8.8.8.8' } },
      'fail',
      'a 403',
      'status403',
    ],
    ['a 401', ex(401, NGINX_401), none, 'unknown', 'a 401', 'ip403NotAlways'],
    [
      'a 404 for no operation',
      ex(404, '', { url: `${API}/v1/nothing-here` }),
      none,
      'unknown',
      'a 404 for no known operation',
      'notOperation404',
    ],
  ],
  'api-enabled': [
    [
      '2xx from the API',
      ex(200, ACCOUNT_BODY),
      none,
      'pass',
      'a 2xx from the API',
      'apiOffByDefault',
    ],
    ['the nginx 401', ex(401, NGINX_401), none, 'suspect', 'a 401', 'sameAnswerFor401'],
    ['a 403', ex(403, ''), none, 'unknown', 'a 403', 'disabledApi401'],
    ["nginx's 502", ex(502, NGINX_502), none, 'unknown', "a web server's own page", 'webServer'],
  ],
  'role-permits': [
    ['a 401', ex(401, NGINX_401), none, 'skipped', 'a 401', 'status401'],
    [
      'a 403 on a write',
      ex(403, '', { method: 'DELETE', url: `${API}/v1/subscriptions/1` }),
      none,
      'suspect',
      'a 403',
      'roleGets403',
    ],
    [
      'a 403, the address outside the list',
      ex(403, ''),
      { learned: { allowedSourceIps: ['10.0.0.0/8'], httpSourceIp: '8.8.8.8' } },
      'unknown',
      'a 403',
      'roleGets403',
    ],
    ['a 2xx from the API', ex(200, ACCOUNT_BODY), none, 'pass', 'a 2xx from the API', 'roles'],
    [
      'USER_INSUFFICIENT_ROLE task',
      ex(200, task('USER_INSUFFICIENT_ROLE', '403 FORBIDDEN')),
      none,
      'fail',
      'a task failed for a permission',
      'permissionTypes',
    ],
    [
      'ACL_ROLE_* task is not the key',
      ex(200, task('ACL_ROLE_NOT_FOUND', '404 NOT_FOUND')),
      none,
      'pass',
      'a task failed',
      'permissionTypes',
    ],
    [
      'a 412',
      ex(412, spring(412, 'Precondition Failed'), {
        method: 'POST',
        url: `${API}/v1/subscriptions`,
      }),
      none,
      'unknown',
      'the request itself refused',
      'roleGets403',
    ],
    ['a 405', ex(405, ''), none, 'unknown', 'another status', 'orderOfChecks'],
    [
      'a write whose task has not ended',
      ex(
        202,
        '{"taskId":"5f3c1a2e-8b7d-4e6f-9a0b-1c2d3e4f5a6b","commandType":"createDatabaseRequest","status":"received"}',
        { method: 'POST', url: `${API}/v1/subscriptions` },
      ),
      none,
      'unknown',
      'a write whose task has not ended',
      'permissionTypes',
    ],
  ],
  'rate-limit': [
    [
      'a 429 with its wait',
      ex(429, '', { headers: [{ name: 'x-rate-limit-retry-after-seconds', value: '9' }] }),
      none,
      'fail',
      'a 429',
      'status429',
    ],
    [
      'a 400 in the Spring shape',
      ex(400, '{"timestamp":"x","status":400,"error":"Bad Request","path":"/v1/"}'),
      none,
      'pass',
      'any other answer of the API',
      'rateLimit',
    ],
    [
      'none left this minute',
      ex(200, ACCOUNT_BODY, { headers: [{ name: 'x-rate-limit-remaining', value: '0' }] }),
      none,
      'warn',
      'any other answer of the API',
      'rateLimit',
    ],
    [
      'a 429 task',
      ex(200, task('TOO_MANY_REQUESTS', '429 TOO_MANY_REQUESTS')),
      none,
      'fail',
      'a task failed with 429',
      'status429',
    ],
    [
      'CORS withheld the answer',
      failed('cors'),
      none,
      'unknown',
      'the browser withheld the answer',
      'cors',
    ],
    [
      'curl (7)',
      failed('unreachable', 'curl: (7) Failed to connect'),
      none,
      'skipped',
      'no answer came back',
      'toolNoAnswer',
    ],
  ],
};

describe.each(Object.entries(ROWS))('%s', (id, rows) => {
  test.each(rows)('%s', (_, exchange, context, status, rule, claim) => {
    const judged = judgeAnswerItems(exchange, { isKnownOperation, ...context })[id as AnswerItemId];
    expect({ status: judged.item.status, rule: judged.rule, claim: judged.claim }).toEqual({
      status,
      rule,
      claim,
    });
  });
});

describe('the item modules', () => {
  test('every rule names a claim of the table', () => {
    for (const [id, rules] of Object.entries(ITEM_RULES)) {
      for (const rule of rules)
        expect(Object.keys(CLAIMS), `${id}: ${rule.name}`).toContain(rule.claim);
    }
  });

  test("no two rules of an item share a name, so a table's rule is the one meant", () => {
    for (const rules of Object.values(ITEM_RULES)) {
      const names = rules.map((r) => r.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  test('every rule of every item gives an item for some exchange of the claims corpus', () => {
    const seen = new Set<string>();
    for (const [exchange, context] of corpus()) {
      const judged = judgeAnswerItems(exchange, { isKnownOperation: catalogKnows, ...context });
      for (const [id, { rule }] of Object.entries(judged)) seen.add(`${id}: ${rule}`);
    }
    const unreached = Object.entries(ITEM_RULES)
      .flatMap(([id, rules]) => rules.map((r) => `${id}: ${r.name}`))
      .filter((name) => !seen.has(name));
    expect(unreached).toEqual([]);
  });
});
