/**
 * Who answered, for answers that are not the API's or only look like it, as customers paste
 * them (an outside red team's classes): pages that start with an XML prolog or at <head>,
 * Cloudflare by its code, proxies that refuse the tunnel, a redirect to a sign-in page, a local
 * mock server, JSON that is none of the operations' bodies, a gateway's own 5xx page. Through
 * `inspectPaste`, as Diagnose runs it. Nothing here may pass a condition.
 */
import { describe, expect, test } from 'vitest';
import type { PasteInspection } from '../../../src/lib/inspect/paste';
import { inspectBoxes } from './helpers';
import type { ItemStatus, Verdict } from '../../../src/lib/core/checklist';

const ACCOUNT = 'A1b2C3d4E5f6G7h8I9j0acct';
const USER = 'U9t8S7r6Q5p4O3n2M1l0user';
const curl = (url: string, extra = '') =>
  `curl -i ${extra}"${url}" -H "x-api-key: ${ACCOUNT}" -H "x-api-secret-key: ${USER}"`;
const API = 'https://api.redislabs.com/v1';
const ACCOUNT_BODY = '{"account":{"id":1001,"name":"Redis","key":{"name":"k","accountId":1001}}}';

const inspect = inspectBoxes;

const item = (i: PasteInspection, id: string) => i.checklist.items.find((x) => x.id === id);
const CONDITIONS = ['keys-valid', 'same-account', 'source-ip', 'api-enabled', 'role-permits'];

interface Row {
  name: string;
  request?: string;
  response: string;
  verdict: Verdict;
  reached: ItemStatus;
  /** Words the headline starts with or holds. */
  headline?: RegExp;
}

const rows: Row[] = [
  {
    name: "Squid's 403 page, which starts with an XML prolog",
    response:
      'HTTP/1.1 403 Forbidden\nServer: squid\nX-Squid-Error: ERR_ACCESS_DENIED 0\n\n<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html><head><title>ERROR: The requested URL could not be retrieved</title></head><body>Access Denied.</body></html>',
    verdict: 'intercepted',
    reached: 'fail',
    headline: /^Bypass the proxy/,
  },
  {
    name: "a captive portal's 200 that starts at <head>",
    response:
      'HTTP/1.1 200 OK\nContent-Type: text/html\n\n<head><meta http-equiv="refresh" content="0; url=http://wifi.hotel.example/login"></head>',
    verdict: 'intercepted',
    reached: 'fail',
  },
  {
    name: "Cloudflare's 1015: slow down, not another User-Agent",
    response: 'HTTP/2 429\nserver: cloudflare\ncontent-type: text/plain\n\nerror code: 1015',
    verdict: 'intercepted',
    reached: 'fail',
    headline: /^Wait a minute, then send fewer requests/,
  },
  {
    name: "Cloudflare's 522 page: try again later",
    response:
      'HTTP/2 522\nserver: cloudflare\ncf-ray: 8c1a2b3c4d5e6f73-SIN\ncontent-type: text/html\n\n<!DOCTYPE html>\n<html lang="en-US"><head><title>api.redislabs.com | 522: Connection timed out</title></head>\n<body><div id="cf-error-details"><h1>Connection timed out</h1><span>Error code 522</span></div></body></html>',
    verdict: 'intercepted',
    reached: 'fail',
    headline: /^Try again in a few minutes: the edge .*error 522/,
  },
  {
    name: "a gateway's own 502 page: try again, not 'bypass the proxy' first",
    response:
      'HTTP/1.1 502 Bad Gateway\nServer: awselb/2.0\nContent-Type: text/html\n\n<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n</body>\n</html>',
    verdict: 'intercepted',
    reached: 'fail',
    headline: /^Try again in a few minutes: a gateway's own 502 page answered/,
  },
  {
    name: 'curl (56): the proxy refused the tunnel with 407',
    response: 'curl: (56) CONNECT tunnel failed, response 407',
    verdict: 'intercepted',
    reached: 'fail',
    headline: /proxy/,
  },
  {
    name: "requests' ProxyError",
    response:
      "requests.exceptions.ProxyError: HTTPSConnectionPool(host='api.redislabs.com', port=443): Max retries exceeded with url: /v1/ (Caused by ProxyError('Unable to connect to proxy', OSError('Tunnel connection failed: 407 Proxy Authentication Required')))",
    verdict: 'intercepted',
    reached: 'fail',
  },
  {
    name: 'a 302 from the API host to a sign-in page elsewhere',
    response:
      'HTTP/1.1 302 Found\nLocation: https://gateway.zscloud.net/auth?origurl=https%3A%2F%2Fapi.redislabs.com%2Fv1%2F\n\n',
    verdict: 'intercepted',
    reached: 'fail',
  },
  {
    name: 'a 200 from the Swagger UI page: the path is no operation',
    request: curl(`${API}/swagger-ui.html`),
    response:
      'HTTP/1.1 200 OK\nContent-Type: text/html\n\n<!DOCTYPE html><html><head><title>Swagger UI</title></head><body><div id="swagger-ui"></div></body></html>',
    verdict: 'wrong-target',
    reached: 'warn',
  },
  {
    name: "JSON from the API host that is none of the operations' bodies",
    request: curl(`${API}/`),
    response:
      'HTTP/1.1 200 OK\nContent-Type: application/json\n\n{"error":"Access blocked by corporate policy","category":"Uncategorized","support":"it-help@corp.example"}',
    verdict: 'unknown',
    reached: 'unknown',
  },
  {
    name: 'a local mock server on localhost answering with an account body',
    request: curl('http://localhost:3000/v1/'),
    response: `HTTP/1.1 200 OK\nX-Powered-By: Express\nContent-Type: application/json\n\n${ACCOUNT_BODY}`,
    verdict: 'wrong-target',
    reached: 'warn',
  },
];

describe("answers that are not the API's, by class", () => {
  test.each(rows)('$name', async ({ request, response, verdict, reached, headline }) => {
    const i = await inspect(request ?? curl(`${API}/subscriptions`), response);
    expect(i.checklist.verdict).toBe(verdict);
    expect(item(i, 'reached-api')?.status).toBe(reached);
    for (const id of CONDITIONS) expect(item(i, id)?.status, id).not.toBe('pass');
    if (headline) expect(i.checklist.headline).toMatch(headline);
  });
});

describe('the other side of each rule', () => {
  test("Keycheck's relay on its own port is the relay: the API's answer through it passes", async () => {
    const i = await inspect(
      curl('http://127.0.0.1:8787/v1/'),
      `HTTP/1.1 200 OK\nContent-Type: application/json\n\n${ACCOUNT_BODY}`,
    );
    expect(i.checklist.verdict).toBe('ok');
    expect(item(i, 'keys-valid')?.status).toBe('pass');
  });

  test('a redirect to the API itself stays a redirect: the URL is the cause', async () => {
    const i = await inspect(
      curl('http://api.redislabs.com/v1/'),
      'HTTP/1.1 301 Moved Permanently\nLocation: https://api.redislabs.com/v1/\n\n',
    );
    expect(i.checklist.verdict).toBe('wrong-target');
  });

  test("an account body from the API host is the API's", async () => {
    const i = await inspect(
      curl(`${API}/`),
      `HTTP/1.1 200 OK\nContent-Type: application/json\n\n${ACCOUNT_BODY}`,
    );
    expect(i.checklist.verdict).toBe('ok');
  });

  test("an empty 404 is one the API gives: the endpoint keeps the API's reading", async () => {
    const i = await inspect(curl(`${API}/tasks/abc`), 'HTTP/1.1 404 Not Found\n\n');
    expect(item(i, 'endpoint')?.explanation).toContain('few seconds');
  });
});

describe('what the answer shows, said as it is', () => {
  test("an ingress's text 404 does not say the account has no such resource", async () => {
    const i = await inspect(
      curl(`${API}/subscriptions/114019`),
      'HTTP/1.1 404 Not Found\nContent-Type: text/plain\n\ndefault backend - 404',
    );
    expect(i.checklist.verdict).toBe('unknown');
    expect(item(i, 'endpoint')?.status).toBe('unknown');
    expect(JSON.stringify(i.checklist)).not.toContain('not found in this account');
  });

  test('a connection refused at a proxy address names that address, not the API', async () => {
    const i = await inspect(
      curl(`${API}/`),
      "AxiosError: connect ECONNREFUSED 10.0.12.5:3128\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1595:16) {\n  code: 'ECONNREFUSED'\n}",
    );
    expect(i.checklist.verdict).toBe('unreachable');
    expect(item(i, 'reached-api')?.summary).toContain('10.0.12.5:3128');
    expect(item(i, 'reached-api')?.summary).toContain('proxy');
  });

  test('an empty 204 asks for an answer that has a body, not for its body', async () => {
    const i = await inspect(curl(`${API}/`), 'HTTP/2 204\n\n');
    expect(i.checklist.verdict).toBe('unknown');
    expect(item(i, 'reached-api')?.fix).toMatch(/^Send GET https:\/\/api\.redislabs\.com\/v1\//);
  });

  test("PowerShell 7's text rendering of the nginx 401 page is the API's", async () => {
    const i = await inspect(
      `Invoke-RestMethod -Uri ${API}/ -Headers @{ "x-api-key" = "${ACCOUNT}"; "x-api-secret-key" = "${USER}" }`,
      'Invoke-RestMethod: \n401 Authorization Required\n\n401 Authorization Required\nnginx',
    );
    expect(i.checklist.verdict).toBe('auth-failed');
    expect(item(i, 'reached-api')?.status).toBe('pass');
  });
});

describe('a write the API accepted as a task', () => {
  test('a 202 with a task that has not ended: follow the task, the role not shown yet', async () => {
    const i = await inspect(
      curl(`${API}/subscriptions/2145678/databases`, '-X POST -d \'{"name":"orders"}\' '),
      'HTTP/1.1 202 Accepted\nContent-Type: application/json\n\n{"taskId":"5f3c1a2e-8b7d-4e6f-9a0b-1c2d3e4f5a6b","commandType":"createDatabaseRequest","status":"received"}',
    );
    expect(i.checklist.verdict).toBe('ok');
    expect(item(i, 'keys-valid')?.status).toBe('pass');
    expect(item(i, 'role-permits')?.status).toBe('unknown');
    expect(i.checklist.headline).toMatch(
      /^Follow the task to its end \(GET \/v1\/tasks\/5f3c1a2e-8b7d-4e6f-9a0b-1c2d3e4f5a6b\)/,
    );
    expect(i.checklist.headline).not.toMatch(/every condition held/);
  });
});

test('an empty 404 on an operation says what it would mean if the API sent it, not that it did', async () => {
  const i = await inspect(
    curl(`${API}/subscriptions/114019/private-link`),
    'HTTP/1.1 404 Not Found\n\n',
  );
  expect(i.checklist.verdict).toBe('unknown');
  expect(item(i, 'endpoint')?.summary).toMatch(/if the API sent this empty 404/);
});
