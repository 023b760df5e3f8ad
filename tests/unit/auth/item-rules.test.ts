/**
 * Issue 18, item 2: each item by its own rules. One table per item: exchange -> status -> the
 * claim its explanation cites (or, for a rule that rests on no claim about the API, none).
 */
import { describe, expect, test } from 'vitest';
import { diagnose } from '../../../src/lib/auth/diagnose';
import { say } from '../../../src/lib/auth/claims';
import type { ClaimId } from '../../../src/lib/auth/claims';
import type { DiagnoseContext, ItemId, ItemStatus } from '../../../src/lib/core/checklist';
import type { Exchange, Header } from '../../../src/lib/core/exchange';
import {
  ACCOUNT_BODY,
  NGINX_401,
  SPRING_404,
  accountBody,
  isKnownOperation,
  item,
  request,
  response,
} from './helpers';

const API = 'https://api.redislabs.com';
const SPRING_400 = JSON.stringify({
  timestamp: '2025-01-17T09:34:25.803+00:00',
  status: 400,
  error: 'Bad Request',
  path: '/v1/subscriptions',
});
const failedTask = (type: string, status: string) =>
  JSON.stringify({
    taskId: 't-1',
    status: 'processing-error',
    response: { error: { type, status, description: 'x' } },
  });

function ex(
  status: number | null,
  body = '',
  opts: { method?: string; path?: string; headers?: Header[] } = {},
): Exchange {
  return {
    source: 'pasted',
    request: request({ method: opts.method ?? 'GET', url: `${API}${opts.path ?? '/v1/'}` }),
    response: response(status, body, opts.headers ?? []),
  };
}

interface Row {
  name: string;
  exchange: Exchange;
  context?: DiagnoseContext;
  status: ItemStatus;
  claim: ClaimId | null;
}

const TABLES: Record<
  Exclude<ItemId, 'account-key-header' | 'secret-key-header' | 'key-values' | 'endpoint'>,
  Row[]
> = {
  'reached-api': [
    { name: 'the API account body', exchange: ex(200, ACCOUNT_BODY), status: 'pass', claim: null },
    { name: 'the nginx 401', exchange: ex(401, NGINX_401), status: 'pass', claim: 'status401' },
    {
      name: 'Cloudflare 1010',
      exchange: ex(403, 'error code: 1010'),
      status: 'fail',
      claim: 'edge',
    },
    { name: 'a 407', exchange: ex(407, ''), status: 'fail', claim: 'proxy' },
    {
      name: "nginx's 502",
      exchange: ex(
        502,
        '<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>',
      ),
      status: 'fail',
      claim: 'webServer',
    },
    { name: 'a bare 200', exchange: ex(200, ''), status: 'unknown', claim: 'apiShapes' },
    {
      name: 'a failed task',
      exchange: ex(200, failedTask('GENERAL_ERROR', '500 INTERNAL_SERVER_ERROR')),
      status: 'pass',
      claim: 'failedTask',
    },
  ],
  'keys-valid': [
    {
      name: '2xx from the API',
      exchange: ex(200, ACCOUNT_BODY),
      status: 'pass',
      claim: 'successMeansAuthenticated',
    },
    {
      name: 'the nginx 401',
      exchange: ex(401, NGINX_401),
      status: 'suspect',
      claim: 'sameAnswerFor401',
    },
    { name: 'a 403', exchange: ex(403, ''), status: 'unknown', claim: 'orderOfChecks' },
    {
      name: 'a failed task',
      exchange: ex(200, failedTask('PAYMENT_INFO_NOT_PROVIDED', '400 BAD_REQUEST')),
      status: 'pass',
      claim: 'failedTaskAuthenticated',
    },
    { name: 'an edge page', exchange: ex(403, 'error code: 1020'), status: 'unknown', claim: null },
    { name: 'a bare 200', exchange: ex(200, 'OK'), status: 'unknown', claim: null },
  ],
  'same-account': [
    { name: 'the nginx 401', exchange: ex(401, NGINX_401), status: 'suspect', claim: 'status401' },
    { name: 'a 403', exchange: ex(403, ''), status: 'unknown', claim: 'orderOfChecks' },
    {
      name: 'a failed task',
      exchange: ex(200, failedTask('GENERAL_ERROR', '500 INTERNAL_SERVER_ERROR')),
      status: 'pass',
      claim: 'failedTaskAuthenticated',
    },
  ],
  'source-ip': [
    {
      name: '2xx, no list known',
      exchange: ex(200, '{"subscriptions":[]}', { path: '/v1/subscriptions' }),
      status: 'pass',
      claim: 'defaultOpen',
    },
    {
      name: '2xx, address inside the list',
      exchange: ex(200, accountBody(['10.0.0.0/24'], '10.0.0.7')),
      status: 'pass',
      claim: 'successMeansAuthenticated',
    },
    { name: 'a 403, list unknown', exchange: ex(403, ''), status: 'suspect', claim: 'status403' },
    {
      name: 'a 403 on a create operation',
      exchange: ex(403, '', { method: 'POST', path: '/v1/subscriptions' }),
      context: { forbiddenMeaning: () => 'not-active' },
      status: 'suspect',
      claim: 'status403NotActive',
    },
    { name: 'a 401', exchange: ex(401, NGINX_401), status: 'unknown', claim: 'ip403NotAlways' },
  ],
  'api-enabled': [
    {
      name: '2xx from the API',
      exchange: ex(200, ACCOUNT_BODY),
      status: 'pass',
      claim: 'apiOffByDefault',
    },
    {
      name: 'the nginx 401',
      exchange: ex(401, NGINX_401),
      status: 'suspect',
      claim: 'disabledApi401',
    },
    { name: 'a 403', exchange: ex(403, ''), status: 'unknown', claim: 'disabledApi401' },
  ],
  'role-permits': [
    { name: 'a 401', exchange: ex(401, NGINX_401), status: 'skipped', claim: null },
    {
      name: 'a 403 on a write',
      exchange: ex(403, '', { method: 'DELETE', path: '/v1/subscriptions/1' }),
      status: 'suspect',
      claim: 'roles',
    },
    {
      name: 'a Member key, 403',
      exchange: ex(403, ''),
      context: { keyRole: 'Member' },
      status: 'suspect',
      claim: 'memberStatus',
    },
    {
      name: 'USER_INSUFFICIENT_ROLE task',
      exchange: ex(200, failedTask('USER_INSUFFICIENT_ROLE', '403 FORBIDDEN')),
      status: 'fail',
      claim: 'permissionTypes',
    },
    {
      name: 'ACL_ROLE_* task is not the key',
      exchange: ex(200, failedTask('ACL_ROLE_NOT_FOUND', '404 NOT_FOUND')),
      status: 'pass',
      claim: 'permissionTypes',
    },
  ],
  'rate-limit': [
    {
      name: 'a 429 from the API',
      exchange: ex(429, '', {
        headers: [{ name: 'x-rate-limit-retry-after-seconds', value: '9' }],
      }),
      status: 'fail',
      claim: 'status429',
    },
    { name: 'a bare 429', exchange: ex(429, ''), status: 'fail', claim: 'rateLimit' },
    {
      name: 'a 400 in the Spring shape',
      exchange: ex(400, SPRING_400, { path: '/v1/subscriptions' }),
      status: 'pass',
      claim: 'rateLimit',
    },
    {
      name: 'none left this minute',
      exchange: ex(200, ACCOUNT_BODY, {
        headers: [{ name: 'x-rate-limit-remaining', value: '0' }],
      }),
      status: 'warn',
      claim: 'rateLimit',
    },
    {
      name: 'a 429 task',
      exchange: ex(200, failedTask('TOO_MANY_REQUESTS', '429 TOO_MANY_REQUESTS')),
      status: 'fail',
      claim: 'status429',
    },
    {
      name: 'a bare 401 (not shown to be the API)',
      exchange: ex(401, ''),
      status: 'unknown',
      claim: 'rateLimit',
    },
  ],
};

describe.each(Object.entries(TABLES))('%s', (id, rows) => {
  test.each(rows)('$name', ({ exchange, context, status, claim }) => {
    const found = item(diagnose(exchange, { isKnownOperation, ...context }), id as ItemId);
    expect(found.status).toBe(status);
    if (claim) expect(found.explanation).toContain(say(claim));
  });
});

test('a 404 in the Spring shape on a known operation: the keys likely hold, the endpoint warns', () => {
  const c = diagnose(ex(404, SPRING_404, { path: '/v1/subscriptions/114019/private-link' }), {
    isKnownOperation,
  });
  expect(item(c, 'keys-valid').status).toBe('unknown');
  expect(item(c, 'keys-valid').explanation).toContain(say('refusedAfterAuth'));
  expect(item(c, 'endpoint').status).toBe('warn');
});
