/**
 * Issue 18, items 1 and 3: who answered comes first. Tables of exchange -> origin -> verdict ->
 * `reached-api` status -> the claim the item cites.
 */
import { describe, expect, test } from 'vitest';
import { diagnose } from '../../../src/lib/auth/diagnose';
import { say } from '../../../src/lib/auth/claims';
import type { ClaimId } from '../../../src/lib/auth/claims';
import { whoAnswered } from '../../../src/lib/auth/who-answered';
import type { OriginKind } from '../../../src/lib/auth/who-answered';
import type { ItemStatus, Verdict } from '../../../src/lib/core/checklist';
import type { Exchange, Header } from '../../../src/lib/core/exchange';
import {
  ACCOUNT_BODY,
  NGINX_401,
  SPRING_404,
  isKnownOperation,
  item,
  request,
  response,
} from './helpers';

function pasted(
  status: number | null,
  body: string,
  headers: Header[] = [],
  url?: string,
): Exchange {
  return {
    source: 'pasted',
    request: request(url ? { url } : {}),
    response: response(status, body, headers),
  };
}

const CF = [{ name: 'server', value: 'cloudflare' }];
const nginxPage = (code: number, words: string) =>
  `<html>\r\n<head><title>${code} ${words}</title></head>\r\n<body>\r\n<center><h1>${code} ${words}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>`;
const SIGN_IN =
  '<!DOCTYPE html><html><head><title>Sign in to continue</title></head><body><form action="/login"><input name="username"></form></body></html>';
const BLOCKED =
  "<!DOCTYPE html><html><head><title>Access Denied</title></head><body>This site is blocked by your organization's policy.</body></html>";
const CF_HTML =
  '<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body><div class="cf-wrapper">Cloudflare Ray ID: 8a1b2c3d4e5f6a7b</div></body></html>';
const GATEWAY =
  '<!DOCTYPE html><html><head><title>Gateway Timeout</title></head><body>The gateway did not receive a timely response.</body></html>';

interface Row {
  name: string;
  exchange: Exchange;
  origin: OriginKind;
  verdict: Verdict;
  reached: ItemStatus;
  claim?: ClaimId;
}

const rows: Row[] = [
  {
    name: 'the API account body',
    exchange: pasted(200, ACCOUNT_BODY),
    origin: 'api',
    verdict: 'ok',
    reached: 'pass',
  },
  {
    name: "the API's nginx 401",
    exchange: pasted(401, NGINX_401),
    origin: 'api',
    verdict: 'auth-failed',
    reached: 'pass',
  },
  {
    name: 'the Spring 404 on a known operation',
    exchange: pasted(
      404,
      SPRING_404,
      [],
      'https://api.redislabs.com/v1/subscriptions/114019/private-link',
    ),
    origin: 'api',
    verdict: 'request-error',
    reached: 'pass',
  },
  {
    name: "Cloudflare's error code: 1010 with server: cloudflare",
    exchange: pasted(403, 'error code: 1010', CF),
    origin: 'edge',
    verdict: 'intercepted',
    reached: 'fail',
    claim: 'edge',
  },
  {
    name: "Cloudflare's error code: 1020",
    exchange: pasted(403, 'error code: 1020'),
    origin: 'edge',
    verdict: 'intercepted',
    reached: 'fail',
    claim: 'edge',
  },
  {
    // The API itself sits behind Cloudflare: the header alone does not show the edge answered.
    name: 'server: cloudflare with an empty 403',
    exchange: pasted(403, '', CF),
    origin: 'untold',
    verdict: 'forbidden',
    reached: 'unknown',
    claim: 'apiShapes',
  },
  {
    name: "Cloudflare's Attention Required page",
    exchange: pasted(403, CF_HTML),
    origin: 'edge',
    verdict: 'intercepted',
    reached: 'fail',
    claim: 'edge',
  },
  {
    name: 'a 200 sign-in page',
    exchange: pasted(200, SIGN_IN),
    origin: 'proxy',
    verdict: 'intercepted',
    reached: 'fail',
    claim: 'proxy',
  },
  {
    name: 'a 403 blocked-by-policy page',
    exchange: pasted(403, BLOCKED),
    origin: 'proxy',
    verdict: 'intercepted',
    reached: 'fail',
    claim: 'proxy',
  },
  {
    name: 'a 407',
    exchange: pasted(407, ''),
    origin: 'proxy',
    verdict: 'intercepted',
    reached: 'fail',
    claim: 'proxy',
  },
  {
    name: "a gateway's own 504 page",
    exchange: pasted(504, GATEWAY),
    origin: 'proxy',
    verdict: 'intercepted',
    reached: 'fail',
    claim: 'proxy',
  },
  {
    name: "nginx's 400 Request Header Or Cookie Too Large",
    exchange: pasted(400, nginxPage(400, 'Request Header Or Cookie Too Large')),
    origin: 'web-server',
    verdict: 'unknown',
    reached: 'fail',
    claim: 'webServer',
  },
  {
    name: "nginx's 400 Bad Request",
    exchange: pasted(400, nginxPage(400, 'Bad Request')),
    origin: 'web-server',
    verdict: 'unknown',
    reached: 'fail',
    claim: 'webServer',
  },
  {
    name: "nginx's 502",
    exchange: pasted(502, nginxPage(502, 'Bad Gateway')),
    origin: 'web-server',
    verdict: 'server-error',
    reached: 'fail',
    claim: 'webServer',
  },
  {
    name: "nginx's 504",
    exchange: pasted(504, nginxPage(504, 'Gateway Time-out')),
    origin: 'web-server',
    verdict: 'server-error',
    reached: 'fail',
    claim: 'webServer',
  },
  {
    name: 'a 200 with a text body',
    exchange: pasted(200, 'OK'),
    origin: 'untold',
    verdict: 'unknown',
    reached: 'unknown',
    claim: 'apiShapes',
  },
  {
    name: 'a 200 with an empty body',
    exchange: pasted(200, ''),
    origin: 'untold',
    verdict: 'unknown',
    reached: 'unknown',
    claim: 'apiShapes',
  },
  {
    name: 'a 401 status alone',
    exchange: pasted(401, ''),
    origin: 'untold',
    verdict: 'auth-failed',
    reached: 'unknown',
    claim: 'apiShapes',
  },
  {
    name: 'a 429 with the rate-limit header',
    exchange: pasted(429, '', [{ name: 'x-rate-limit-retry-after-seconds', value: '12' }]),
    origin: 'api',
    verdict: 'rate-limited',
    reached: 'pass',
  },
];

describe('who answered', () => {
  test.each(rows)('$name', ({ exchange, origin, verdict, reached, claim }) => {
    expect(whoAnswered(exchange, true).kind).toBe(origin);
    const checklist = diagnose(exchange, { isKnownOperation });
    expect(checklist.verdict).toBe(verdict);
    const reachedItem = item(checklist, 'reached-api');
    expect(reachedItem.status).toBe(reached);
    if (claim) expect(reachedItem.explanation).toContain(say(claim));
    if (origin !== 'api') {
      for (const i of checklist.items.filter((x) => x.group !== 'request')) {
        expect(i.status, i.id).not.toBe('pass');
      }
    }
  });

  test('the API behind Cloudflare: its own body wins over server: cloudflare', () => {
    const checklist = diagnose(pasted(401, NGINX_401, CF), { isKnownOperation });
    expect(checklist.verdict).toBe('auth-failed');
    expect(item(checklist, 'reached-api').status).toBe('pass');
  });

  test('an edge or a proxy: the headline says what to do and that the keys were never judged', () => {
    const edge = diagnose(pasted(403, 'error code: 1010', CF), { isKnownOperation });
    expect(edge.primaryCause).toBe('reached-api');
    expect(edge.headline).toMatch(/^Send the request with another User-Agent header/);
    expect(edge.headline).toContain('the keys were never judged');
    expect(item(edge, 'source-ip').status).toBe('unknown');
    expect(item(edge, 'role-permits').status).toBe('unknown');
    const proxy = diagnose(pasted(200, SIGN_IN), { isKnownOperation });
    expect(proxy.headline).toMatch(/^Bypass the proxy or gateway/);
    expect(proxy.headline).toContain('the keys were never judged');
    expect(proxy.verdict).not.toBe('ok');
  });

  test("nginx's own 400 page passes nothing and says what to fix", () => {
    const c = diagnose(pasted(400, nginxPage(400, 'Request Header Or Cookie Too Large')));
    expect(c.headline).toMatch(/^Send fewer or shorter headers and cookies/);
    for (const id of ['keys-valid', 'same-account', 'source-ip', 'api-enabled'] as const) {
      expect(item(c, id).status).toBe('unknown');
    }
  });

  test('a 200 on a path that is no operation is not ok', () => {
    const c = diagnose(pasted(200, '{"a":1}', [], 'https://api.redislabs.com/v1/nothing-here'), {
      isKnownOperation,
    });
    expect(c.verdict).toBe('wrong-target');
    expect(c.primaryCause).toBe('endpoint');
  });

  test('a sandbox answer is the API simulation by construction', () => {
    const c = diagnose(
      {
        source: 'sandbox',
        request: request({ url: 'https://sandbox.keycheck.invalid/v1/' }),
        response: response(403, ''),
      },
      { isKnownOperation },
    );
    expect(item(c, 'reached-api').status).toBe('pass');
  });
});

test('error code 1010 names the User-Agent the edge refuses when the request shows it', () => {
  const c = diagnose({
    source: 'pasted',
    request: request({
      headers: [
        { name: 'User-Agent', value: 'Python-urllib/3.11' },
        { name: 'x-api-key', value: 'A1b2C3d4E5f6G7h8I9j0acct' },
        { name: 'x-api-secret-key', value: 'U9t8S7r6Q5p4O3n2M1l0user' },
      ],
    }),
    response: response(403, 'error code: 1010', CF),
  });
  expect(c.verdict).toBe('intercepted');
  expect(c.headline).toContain('refuses this one (Python-urllib/3.11)');
  expect(item(c, 'reached-api').explanation).toContain(say('edgeUserAgent'));
});

test("a redirect's own HTML page is a redirect (the URL first), not a proxy", () => {
  const c = diagnose(
    pasted(
      301,
      '<html><head><title>301 Moved Permanently</title></head><body>Moved</body></html>',
      [{ name: 'Location', value: 'https://api.redislabs.com/v1/' }],
    ),
    { isKnownOperation },
  );
  expect(c.verdict).toBe('wrong-target');
  expect(c.primaryCause).toBe('endpoint');
});

test("a bare 403 to Python's default User-Agent points at the edge first", () => {
  const c = diagnose({
    source: 'pasted',
    request: request({
      headers: [
        { name: 'User-Agent', value: 'Python-urllib/3.12' },
        { name: 'x-api-key', value: 'A1b2C3d4E5f6G7h8I9j0acct' },
        { name: 'x-api-secret-key', value: 'U9t8S7r6Q5p4O3n2M1l0user' },
      ],
    }),
    response: response(403, ''),
  });
  expect(c.verdict).toBe('forbidden');
  expect(c.primaryCause).toBe('reached-api');
  expect(c.headline).toMatch(/^Send the request with another User-Agent header/);
  expect(item(c, 'reached-api').explanation).toContain(say('edgeUserAgent'));
  for (const id of ['keys-valid', 'same-account', 'api-enabled'] as const) {
    expect(item(c, id).status).not.toBe('pass');
  }
});
