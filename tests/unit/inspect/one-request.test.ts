/**
 * One request whose own reader reads the whole paste is not cut up as a ticket: the lines the
 * split cannot place (variables set above the call, a headers object, a here-document body, a
 * raw request's body) belong to the request, and what follows it is its answer only when it
 * shows one. Found by an outside red team: the split read `headers` as missing, `${SUB}` as a
 * variable never expanded, and a request's body as its answer.
 */
import { expect, test } from 'vitest';
import { diagnosePaste } from '../../../src/lib/inspect/diagnose-paste';

const A = 'Ak3f9Qz7LmN2pR8sT4vW6xY1bC5dE0gH';
const U = 'Us7Kp2Lm9Qr4Tv6Wx8Yz1Ab3Cd5Ef7Gh9Ij0Kl';
const API = 'https://api.redislabs.com/v1';

async function read(paste: string, response = 'HTTP/1.1 401 Unauthorized') {
  const out = await diagnosePaste({ request: paste, response, at: '2026-12-04T10:00:00Z' });
  const request = out.request.ok ? out.request.value.candidates[0]?.request : undefined;
  const status = (id: string) => out.inspection?.checklist.items.find((i) => i.id === id)?.status;
  return { out, request, status };
}

const keyValue = (headers: { name: string; value: string }[] | undefined, name: string) =>
  headers?.find((h) => h.name.toLowerCase() === name)?.value;

test('a headers object built above fetch: both keys are read, nothing is missing', async () => {
  const { out, request, status } = await read(
    [
      'const headers = new Headers();',
      `headers.append("x-api-key", "${A}");`,
      `headers.append("x-api-secret-key", "${U}");`,
      `const res = await fetch("${API}/subscriptions/2145678/databases", { method: "POST", headers, body: JSON.stringify({ name: "orders" }) });`,
    ].join('\n'),
  );
  expect(out.ticket).toBeNull();
  expect(keyValue(request?.headers, 'x-api-key')).toBe(A);
  expect(keyValue(request?.headers, 'x-api-secret-key')).toBe(U);
  expect(status('account-key-header')).toBe('pass');
  expect(status('secret-key-header')).toBe('pass');
});

test('a variable set above the call is filled into the URL, not called never expanded', async () => {
  const { request, status } = await read(
    [
      '$sub = 2145678',
      'Invoke-RestMethod `',
      `  -Uri "${API}/subscriptions/$sub/databases" \``,
      `  -Headers @{ 'x-api-key' = '${A}'; 'x-api-secret-key' = '${U}' } \``,
      '  -Method Get',
    ].join('\n'),
  );
  expect(request?.url).toBe(`${API}/subscriptions/2145678/databases`);
  expect(status('endpoint')).toBe('pass');
});

test("a here-document body is the request's body, not its answer", async () => {
  const { out, request } = await read(
    `curl -X POST ${API}/subscriptions/2145678/databases -H "x-api-key: ${A}" -H "x-api-secret-key: ${U}" -H "Content-Type: application/json" -d @- <<EOF\n{"name":"orders"}\nEOF`,
    '',
  );
  expect(request?.body).toBe('{"name":"orders"}');
  expect(out.inspection?.checklist.verdict).toBe('unknown');
  expect(out.inspection?.checklist.headline).toMatch(/^Paste the answer too/);
});

test("a raw request's body is its body, not an answer with no status", async () => {
  const { out, request } = await read(
    `POST /v1/subscriptions/2145678/databases HTTP/1.1\nHost: api.redislabs.com\nContent-Type: application/json\nx-api-key: ${A}\nx-api-secret-key: ${U}\n\n{"name":"orders"}`,
    '',
  );
  expect(request?.body).toBe('{"name":"orders"}');
  expect(out.inspection?.checklist.headline).toMatch(/^Paste the answer too/);
});

test('prose around one request still makes a ticket', async () => {
  const { out } = await read(
    `Hi team, this fails for us:\n\ncurl -i ${API}/ -H "x-api-key: ${A}" -H "x-api-secret-key: ${U}"\nHTTP/1.1 401 Unauthorized\n\nThanks, Dana`,
    '',
  );
  expect(out.ticket).not.toBeNull();
  expect(out.inspection?.checklist.verdict).toBe('auth-failed');
});

test('curl -H @file: the key headers are not shown, not missing', async () => {
  const { status } = await read(`curl -H @headers.txt ${API}/subscriptions`);
  expect(status('account-key-header')).toBe('unknown');
  expect(status('secret-key-header')).toBe('unknown');
});

test("a Terraform error whose operation the table does not name: the body's path and the error's verb", async () => {
  const box = (body: string) =>
    `│ Error: failed to create database: 403 - ${body}\n│\n│   with rediscloud_subscription_database.db,`;
  const spring = JSON.stringify({
    timestamp: '2025-01-17T09:34:25.803+00:00',
    status: 403,
    error: 'Forbidden',
    path: '/v1/subscriptions/123456/databases',
  });
  const { request, out } = await read(box(spring), '');
  expect(request?.method).toBe('POST');
  expect(request?.url).toBe(`${API}/subscriptions/123456/databases`);
  expect(out.inspection?.checklist.verdict).toBe('forbidden');
  // No path in the body: no request is assumed, and the endpoint is not judged.
  const bare = await read(box('{"error":"x"}'), '');
  expect(bare.request?.url).toBe('');
  expect(bare.status('endpoint')).toBe('unknown');
});

test('values the paste exports before the command are the ones the shell sent', async () => {
  const { out, status } = await read(
    `export REDISCLOUD_ACCESS_KEY=${A}\nexport REDISCLOUD_SECRET_KEY="${U} "\ncurl -s ${API}/ -H "x-api-key: $REDISCLOUD_ACCESS_KEY" -H "x-api-secret-key: $REDISCLOUD_SECRET_KEY"`,
  );
  // The trailing space inside the exported value is what was sent, and it is the cause.
  expect(status('key-values')).toBe('fail');
  expect(out.inspection?.checklist.headline).toMatch(
    /^Copy the user key again: it ends with a space/,
  );
  const report = out.inspection?.report ?? '';
  for (const key of [A, U]) expect(report).not.toContain(key.slice(4, 14));
});

test('an exported host fills the URL, and is no secret', async () => {
  const { out, request, status } = await read(
    'export HOST=api.redislabs.com/v1\ncurl -s "https://$HOST/subscriptions" -H "x-api-key: $ACCOUNT_KEY" -H "x-api-secret-key: $SECRET_KEY"',
  );
  expect(status('endpoint')).toBe('pass');
  expect(out.inspection?.report).toContain('`GET https://api.redislabs.com/v1/subscriptions`');
  expect(request?.url).toBe('https://$HOST/subscriptions');
});
