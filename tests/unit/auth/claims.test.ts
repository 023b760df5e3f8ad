/**
 * Issue 10, item 6: every statement the checklist makes about how the API behaves comes from the
 * claims table, and unknown ones hedge. The scan runs diagnose() over many exchanges, removes
 * every sentence taken from the table, and fails on any sentence left that still states how the
 * API behaves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isKnownOperation } from '../../../src/lib/api/catalog';
import type { Exchange, FailureKind, Header } from '../../../src/lib/core/exchange';
import { FAILURE_KINDS } from '../../../src/lib/core/exchange';
import type { DiagnoseContext } from '../../../src/lib/core/checklist';
import { CLAIMS, hedges, say } from '../../../src/lib/auth/claims';
import type { Claim, ClaimId } from '../../../src/lib/auth/claims';
import { diagnose } from '../../../src/lib/auth/diagnose';
import { ACCOUNT_BODY, NGINX_401, SPRING_404, accountBody, allText, keyHeaders } from './helpers';

/** A sentence that states how the API (or an answer of it) behaves. */
const API_BEHAVIOUR = [
  /\bthe API (?:likely |never |only |always |also )?(?:answers|answer|returns|sends|checks|counts|reads|accepts|allows|authenticates|judges|gives|refuses|is served|does not|rejects|ignores)\b/i,
  /\b(?:a|the|any|every) (?:401|403|404|429|2xx|5xx)\b[^.]*\b(?:means|shows|says|comes|is answered|does not show)\b/i,
  /\bis (?:not )?published\b/i,
  /\bthe API document\b/i,
  /\bAPI access is (?:off|on)\b/i,
];

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

function corpus(): Array<[Exchange, DiagnoseContext]> {
  const out: Array<[Exchange, DiagnoseContext]> = [];
  const contexts: DiagnoseContext[] = [
    {},
    { learned: { accountId: 1001, at: '2025-01-10T10:00:00Z' } },
    { learned: { allowedSourceIps: ['10.0.0.0/8'], httpSourceIp: '8.8.8.8' } },
    { declaredAllowList: ['10.0.0.0/24'], viaRelay: true },
    { learned: { allowedSourceIps: ['0.0.0.0/0'] } },
    { keyRole: 'Member' },
    { keyRole: 'Viewer' },
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
    pasted('GET', `${API}/v1/`, keyHeaders(), 429, '', [
      { name: 'x-rate-limit-retry-after-seconds', value: '9' },
    ]),
    {},
  ]);
  return out;
}

const CLAIM_TEXTS = Object.keys(CLAIMS).map((id) => say(id as ClaimId));

/** The sentences left once every claim's sentence is taken out of the text. */
function uncitedSentences(text: string): string[] {
  let rest = text;
  for (const claim of CLAIM_TEXTS) rest = rest.split(claim).join(' ');
  return rest
    .split(/(?<=[.!?])\s+|\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && API_BEHAVIOUR.some((re) => re.test(s)));
}

/** FACTS.md as committed beside the API document, by section title (before any parenthesis). */
function factsSections(): Map<string, string> {
  const text = readFileSync(
    new URL('../../../scripts/redis-cloud-api/FACTS.md', import.meta.url),
    'utf8',
  );
  const sections = new Map<string, string>();
  for (const part of text.split(/^## /m).slice(1)) {
    const title = (part.split('\n')[0] ?? '').replace(/\s*[(:].*$/, '').trim();
    sections.set(title, fold(part));
  }
  return sections;
}

const fold = (text: string) => text.replace(/\s+/g, ' ');

/** Known claims whose FACTS.md words sit in the "Unknown" section (or that name it). */
function knownOnUnknown(claims: Record<string, Claim>): string[] {
  const unknownSection = factsSections().get('Unknown') ?? '';
  if (unknownSection.length < 100) throw new Error('FACTS.md has no Unknown section');
  return Object.entries(claims)
    .filter(([, claim]) => claim.known)
    .filter(([, c]) => c.section === 'Unknown' || unknownSection.includes(fold(c.facts)))
    .map(([id]) => id);
}

describe('the claims table', () => {
  test("every claim's words are in FACTS.md, in the section it names", () => {
    const sections = factsSections();
    const missing = Object.entries(CLAIMS)
      .filter(([, claim]) => !(sections.get(claim.section) ?? '').includes(fold(claim.facts)))
      .map(([id]) => id);
    expect(missing).toEqual([]);
  });

  test('no claim marked known rests on what FACTS.md lists as unknown', () => {
    expect(knownOnUnknown(CLAIMS)).toEqual([]);
  });

  test('the FACTS.md check fails on a known claim that FACTS.md lists as unknown', () => {
    const planted: Record<string, Claim> = {
      ...CLAIMS,
      ipAlways403: {
        known: true,
        section: 'When a request authenticates',
        facts: 'Whether a blocked source IP always gives 403',
        text: 'A blocked source IP always gets 403.',
      },
    };
    expect(knownOnUnknown(planted)).toEqual(['ipAlways403']);
  });

  test('every unknown claim hedges, every known one is plain and names its FACTS.md section', () => {
    for (const [id, claim] of Object.entries(CLAIMS)) {
      if (!claim.known) expect(hedges(claim.text), id).toBe(true);
      if (!claim.known) expect(claim.section, id).toBe('Unknown');
      expect(claim.text.trim().endsWith('.'), id).toBe(true);
    }
  });

  test('the scan catches a claim that is not in the table', () => {
    expect(uncitedSentences('A 403 means the keys were valid.')).toHaveLength(1);
    expect(uncitedSentences('The API answers 403 to a disabled account.')).toHaveLength(1);
    expect(uncitedSentences(`${say('status403')} The answer was 403.`)).toHaveLength(0);
  });

  test('no explanation states how the API behaves unless the table says it', () => {
    const found = new Map<string, string>();
    for (const [exchange, context] of corpus()) {
      const checklist = diagnose(exchange, { isKnownOperation, ...context });
      for (const sentence of uncitedSentences(allText(checklist))) {
        if (!found.has(sentence))
          found.set(
            sentence,
            `${exchange.request.method} ${exchange.request.url} ${exchange.response?.status ?? '-'}`,
          );
      }
    }
    expect([...found.entries()]).toEqual([]);
  });
});

// Only the team's workspace holds the shared facts; elsewhere the committed copy is the source.
const SHARED_FACTS = new URL('../../../../shared/redis-cloud-api/FACTS.md', import.meta.url);
test.skipIf(!existsSync(SHARED_FACTS))(
  "the committed FACTS.md is the workspace's shared one",
  () => {
    expect(
      readFileSync(new URL('../../../scripts/redis-cloud-api/FACTS.md', import.meta.url), 'utf8'),
    ).toBe(readFileSync(SHARED_FACTS, 'utf8'));
  },
);
