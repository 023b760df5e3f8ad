/**
 * Issue 18: every shape the issue names, through `inspectPaste` as Diagnose runs it (the paste
 * readers, the checklist, the report), where today's readers can carry the shape.
 */
import { describe, expect, test } from 'vitest';
import type { PasteInspection } from '../../../src/lib/inspect/paste';
import { inspectBoxes } from './helpers';
import type { ItemStatus, Verdict } from '../../../src/lib/core/checklist';

const ACCOUNT = 'A1b2C3d4E5f6G7h8I9j0acct';
const USER = 'U9t8S7r6Q5p4O3n2M1l0user';
const CURL = `curl -s https://api.redislabs.com/v1/subscriptions -H "x-api-key: ${ACCOUNT}" -H "x-api-secret-key: ${USER}"`;
const CURL_POST = `curl -X POST https://api.redislabs.com/v1/subscriptions -H "x-api-key: ${ACCOUNT}" -H "x-api-secret-key: ${USER}" -d '{"name":"a"}'`;

const inspect = inspectBoxes;

const statusOf = (i: PasteInspection, id: string): ItemStatus | undefined =>
  i.checklist.items.find((x) => x.id === id)?.status;

const CONDITIONS = ['keys-valid', 'same-account', 'source-ip', 'api-enabled', 'role-permits'];

interface Row {
  name: string;
  request?: string;
  response: string;
  verdict: Verdict;
  reached: ItemStatus;
  /** Whether the conditions may pass (only when the API produced the answer). */
  passes: boolean;
}

const rows: Row[] = [
  {
    name: "Cloudflare's error code: 1010",
    response:
      'HTTP/2 403\r\nserver: cloudflare\r\ncontent-type: text/plain\r\n\r\nerror code: 1010',
    verdict: 'intercepted',
    reached: 'fail',
    passes: false,
  },
  {
    name: "Cloudflare's error code: 1020",
    response: 'HTTP/2 403\r\nserver: cloudflare\r\n\r\nerror code: 1020',
    verdict: 'intercepted',
    reached: 'fail',
    passes: false,
  },
  {
    name: "Cloudflare's HTML with cf-ray",
    response:
      'HTTP/2 403\r\ncontent-type: text/html\r\ncf-ray: 8a1b2c3d4e5f6a7b-AMS\r\n\r\n<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body>Cloudflare Ray ID: 8a1b2c3d4e5f6a7b</body></html>',
    verdict: 'intercepted',
    reached: 'fail',
    passes: false,
  },
  {
    name: "a proxy's 200 sign-in page",
    response:
      'HTTP/1.1 200 OK\r\ncontent-type: text/html\r\n\r\n<!DOCTYPE html><html><head><title>Sign in</title></head><body><form action="/login"></form></body></html>',
    verdict: 'intercepted',
    reached: 'fail',
    passes: false,
  },
  {
    name: 'a 407 from a proxy',
    response:
      'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\n\r\n',
    verdict: 'intercepted',
    reached: 'fail',
    passes: false,
  },
  {
    name: "nginx's 400 page",
    response:
      'HTTP/1.1 400 Bad Request\r\nServer: nginx\r\nContent-Type: text/html\r\n\r\n<html>\r\n<head><title>400 Request Header Or Cookie Too Large</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>',
    verdict: 'unknown',
    reached: 'fail',
    passes: false,
  },
  {
    name: "nginx's 502 page",
    response:
      'HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\n\r\n<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>',
    verdict: 'server-error',
    reached: 'fail',
    passes: false,
  },
  {
    name: "nginx's 504 page",
    response:
      'HTTP/1.1 504 Gateway Time-out\r\nServer: nginx\r\n\r\n<html><head><title>504 Gateway Time-out</title></head><body><center>nginx</center></body></html>',
    verdict: 'server-error',
    reached: 'fail',
    passes: false,
  },
  {
    name: "the API's nginx 401 page",
    response:
      'HTTP/1.1 401 Unauthorized\r\n\r\n<html><head><title>401 Authorization Required</title></head><body><center><h1>401 Authorization Required</h1></center><hr><center>nginx</center></body></html>',
    verdict: 'auth-failed',
    reached: 'pass',
    passes: false,
  },
  {
    name: 'the Spring-style 400',
    response:
      'HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n\r\n{"timestamp":"2025-01-17T09:34:25.803+00:00","status":400,"error":"Bad Request","path":"/v1/subscriptions"}',
    verdict: 'request-error',
    reached: 'pass',
    passes: true,
  },
  {
    name: 'a failed task in the JSON task body',
    response:
      'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{"taskId":"e0b3","commandType":"subscriptionCreateRequest","status":"processing-error","response":{"error":{"type":"SUBSCRIPTION_NOT_ACTIVE","status":"403 FORBIDDEN","description":"Subscription is not active"}}}',
    verdict: 'request-error',
    reached: 'pass',
    passes: true,
  },
  {
    name: 'a 200 status alone',
    response: 'HTTP/1.1 200 OK',
    verdict: 'unknown',
    reached: 'unknown',
    passes: false,
  },
  {
    name: 'curl (6) in the Response box',
    response: 'curl: (6) Could not resolve host: api.redislabs.com',
    verdict: 'unreachable',
    reached: 'fail',
    passes: false,
  },
  {
    name: 'curl (60) in the Response box',
    response: 'curl: (60) SSL certificate problem: unable to get local issuer certificate',
    verdict: 'intercepted',
    reached: 'fail',
    passes: false,
  },
  {
    name: "a browser console's CORS line",
    response:
      "Access to fetch at 'https://api.redislabs.com/v1/subscriptions' from origin 'http://localhost:5173' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    verdict: 'unreachable',
    reached: 'fail',
    passes: false,
  },
  {
    name: "Terraform's Missing Redis Cloud API Secret Key",
    response: '│ Error: Missing Redis Cloud API Secret Key',
    verdict: 'not-sent',
    reached: 'fail',
    passes: false,
  },
  {
    name: 'a 403 on a create operation',
    request: CURL_POST,
    response: 'HTTP/1.1 403 Forbidden\r\n\r\n',
    verdict: 'forbidden',
    reached: 'unknown',
    passes: false,
  },
];

describe('the issue 18 shapes through inspectPaste', () => {
  test.each(rows)('$name', async ({ request, response, verdict, reached, passes }) => {
    const inspected = await inspect(request ?? CURL, response);
    expect(inspected.checklist.verdict).toBe(verdict);
    expect(statusOf(inspected, 'reached-api')).toBe(reached);
    if (!passes) {
      for (const id of CONDITIONS) expect(statusOf(inspected, id), id).not.toBe('pass');
    }
    expect(inspected.checklist.headline).not.toMatch(/status line/);
    expect(inspected.report).not.toContain(ACCOUNT.slice(0, 6));
    expect(inspected.report).not.toContain(USER.slice(0, 6));
  });

  test("the Go client's task line from a Terraform box: keys pass, never ok", async () => {
    const box = [
      '╷',
      '│ Error: 500 INTERNAL_SERVER_ERROR - GENERAL_ERROR: Something went wrong',
      '│ ',
      '│   with rediscloud_subscription.example,',
      '╵',
    ].join('\n');
    const inspected = await inspect(box, '');
    expect(inspected.checklist.verdict).toBe('server-error');
    expect(statusOf(inspected, 'keys-valid')).toBe('pass');
    expect(inspected.checklist.headline).not.toMatch(/Nothing to fix/);
  });

  test('a 403 on a create operation leads with the resource that is not active', async () => {
    const inspected = await inspect(CURL_POST, 'HTTP/1.1 403 Forbidden\r\n\r\n');
    expect(inspected.checklist.headline).toMatch(/^Check that what this POST/);
  });

  test('the status the verdict read from a body is the one the report shows', async () => {
    const inspected = await inspect(
      CURL,
      '<html><head><title>401 Authorization Required</title></head><body><center>nginx</center></body></html>',
    );
    expect(inspected.checklist.verdict).toBe('auth-failed');
    expect(inspected.report).toContain('401 (stated by the body');
    expect(inspected.report).not.toContain('status not known');
  });

  test('a CI log mask: the keys are not in the paste, and no placeholder is named', async () => {
    const inspected = await inspect(
      'curl https://api.redislabs.com/v1/ -H "x-api-key: ***" -H "x-api-secret-key: ***"',
      'HTTP/1.1 401 Unauthorized\r\n\r\n',
    );
    expect(statusOf(inspected, 'key-values')).toBe('unknown');
    expect(inspected.report).toContain('not in the paste (the CI log masked it)');
    expect(inspected.report).not.toContain('[redacted]');
    expect(inspected.checklist.headline).not.toMatch(/placeholder/);
  });

  test("GitLab's [MASKED]: a mask as *** is, never two keys with the same value", async () => {
    const inspected = await inspect(
      'curl https://api.redislabs.com/v1/subscriptions -H "x-api-key: [MASKED]" -H "x-api-secret-key: [MASKED]"',
      'HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\n\r\n{"timestamp":"2025-01-17T09:34:25.803+00:00","status":403,"error":"Forbidden","path":"/v1/subscriptions"}',
    );
    expect(statusOf(inspected, 'key-values')).toBe('unknown');
    expect(inspected.checklist.primaryCause).not.toBe('key-values');
    expect(inspected.checklist.headline).not.toMatch(/same value/);
    expect(inspected.report).toContain('not in the paste (the CI log masked it)');
  });
});
