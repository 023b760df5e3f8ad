/**
 * Exchanges across every kind of answer, request shape and profile context the checklist knows:
 * statuses, bodies from the API and from elsewhere, tools' no-answer words, failures, and
 * requests with and without keys. The claims scan reads every sentence diagnose writes for them,
 * and the rule-coverage test checks that every rule of every item gives at least one of them.
 */
import { FAILURE_KINDS } from '../../../src/lib/core/exchange';
import type { Exchange, FailureKind, Header } from '../../../src/lib/core/exchange';
import type { DiagnoseContext } from '../../../src/lib/core/checklist';
import { ACCOUNT_BODY, NGINX_401, SPRING_404, accountBody, keyHeaders } from './helpers';

function pasted(
  method: string,
  url: string,
  headers: Header[],
  status: number | null,
  body = '',
  responseHeaders: Header[] = [],
): Exchange {
  return {
    source: 'pasted',
    request: { method, url, headers },
    response: { status, statusText: '', headers: responseHeaders, body, size: body.length },
  };
}

const API = 'https://api.redislabs.com';
const TASK = JSON.stringify({
  taskId: 't-1',
  status: 'processing-error',
  response: {
    error: { type: 'SUBSCRIPTION_NOT_ACTIVE', status: '403 FORBIDDEN', description: 'x' },
  },
});

export function corpus(): Array<[Exchange, DiagnoseContext]> {
  const out: Array<[Exchange, DiagnoseContext]> = [];
  const contexts: DiagnoseContext[] = [
    {},
    { learned: { accountId: 1001, at: '2025-01-10T10:00:00Z' } },
    { learned: { allowedSourceIps: ['10.0.0.0/8'], httpSourceIp: '8.8.8.8' } },
    { declaredAllowList: ['10.0.0.0/24'], viaRelay: true },
    { learned: { allowedSourceIps: ['0.0.0.0/0'] } },
    { keyRole: 'Member' },
    { keyRole: 'Viewer' },
    { learned: { accountId: 2002 } },
    { smartQuotes: true },
  ];
  const statuses = [200, 201, 301, 400, 401, 403, 404, 405, 408, 409, 412, 422, 429, 500, 503];
  const bodies = [
    '',
    NGINX_401,
    SPRING_404,
    ACCOUNT_BODY,
    accountBody(['10.0.0.0/24'], '10.0.0.7'),
    TASK,
    // Issue 18: answers from elsewhere, and failed tasks as other tools print them.
    'error code: 1010',
    '<!DOCTYPE html><html><head><title>Sign in</title></head><body>proxy</body></html>',
    '<html><head><title>400 Request Header Or Cookie Too Large</title></head><body><center>nginx</center></body></html>',
    '<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>',
    'Error: 400 BAD_REQUEST - PAYMENT_INFO_NOT_PROVIDED: Payment info is not provided',
    'Error: 403 FORBIDDEN - USER_INSUFFICIENT_ROLE: x',
    'Task 5f3c: processing-error',
    '{"taskId":"5f3c1a2e-8b7d-4e6f-9a0b-1c2d3e4f5a6b","commandType":"createDatabaseRequest","status":"received"}',
    'Error: 429 TOO_MANY_REQUESTS - TOO_MANY_REQUESTS: too many changes at once',
  ];
  const requests: Array<[string, string, Header[]]> = [
    ['GET', `${API}/v1/`, keyHeaders()],
    ['POST', `${API}/v1/subscriptions`, keyHeaders()],
    ['GET', `${API}/v1/tasks/abc`, keyHeaders()],
    ['GET', `${API}/v1/logs`, keyHeaders()],
    ['GET', `${API}/subscriptions`, keyHeaders()],
    ['GET', `${API}/v1/subscription`, keyHeaders()],
    ['GET', 'http://api.redislabs.com/v1/', keyHeaders()],
    ['GET', 'https://app.redislabs.com/v1/', keyHeaders()],
    [
      'GET',
      'https://cluster.example.com:9443/v1/bdbs',
      [{ name: 'Authorization', value: 'Basic x' }],
    ],
    ['GET', 'https://$HOST/subscriptions', keyHeaders()],
    ['GET', `${API}/v1/`, [{ name: 'User-Agent', value: 'Python-urllib/3.12' }, ...keyHeaders()]],
    ['GET', `${API}/v1/`, []],
    ['GET', `${API}/v1/`, [{ name: 'x-api-key', value: 'abcdefgh1' }]],
    ['GET', `${API}/v1/`, keyHeaders('abcdefgh1 ', '$SECRET_KEY')],
    ['OPTIONS', `${API}/v1/`, [{ name: 'access-control-request-method', value: 'GET' }]],
  ];
  for (const [method, url, headers] of requests) {
    for (const status of statuses) {
      for (const body of bodies) {
        const context = contexts[(status + body.length + url.length) % contexts.length] ?? {};
        out.push([pasted(method, url, headers, status, body), context]);
      }
    }
    out.push([pasted(method, url, headers, null, 'oops'), {}]);
    for (const words of [
      'curl: (6) Could not resolve host: api.redislabs.com',
      'curl: (7) Failed to connect to api.redislabs.com port 443',
      'curl: (28) Operation timed out',
      'curl: (60) SSL certificate problem: unable to get local issuer certificate',
      "Access to fetch at 'x' from origin 'y' has been blocked by CORS policy",
      'Error: Missing Redis Cloud API Secret Key',
      'Invalid character in header content',
      'panic: runtime error: invalid memory address or nil pointer dereference',
    ]) {
      out.push([pasted(method, url, headers, null, words), {}]);
    }
    out.push([pasted(method, url, headers, 403, ''), { forbiddenMeaning: () => 'not-active' }]);
    out.push([pasted(method, url, keyHeaders('***', '***'), 401, ''), {}]);
    out.push([{ source: 'pasted', request: { method, url, headers } }, {}]);
    for (const kind of FAILURE_KINDS as readonly FailureKind[]) {
      out.push([
        { source: 'network', request: { method, url, headers }, failure: { kind, message: '' } },
        {},
      ]);
    }
  }
  out.push([
    {
      source: 'pasted',
      request: { method: 'GET', url: `${API}/v1/`, headers: keyHeaders() },
      failure: {
        kind: 'tls',
        message: 'curl: (60) SSL certificate problem: unable to get local issuer certificate',
      },
    },
    {},
  ]);
  out.push([
    {
      source: 'pasted',
      request: { method: 'GET', url: `${API}/v1/`, headers: keyHeaders() },
      failure: { kind: 'unreachable', message: 'curl: (56) CONNECT tunnel failed, response 407' },
    },
    {},
  ]);
  out.push([
    pasted('GET', `${API}/v1/`, keyHeaders(), 429, '', [
      { name: 'x-rate-limit-retry-after-seconds', value: '9' },
    ]),
    {},
  ]);
  return out;
}
