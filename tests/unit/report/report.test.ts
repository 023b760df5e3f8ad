import { describe, expect, test } from 'vitest';
import { diagnose } from '../../../src/lib/auth/diagnose';
import { fingerprint } from '../../../src/lib/secrets/fingerprint';
import { parseRequestPaste, pastedExchange } from '../../../src/lib/paste/paste';
import { redactUrl } from '../../../src/lib/report/redact-url';
import { buildReport, keyFingerprints } from '../../../src/lib/report/report';
import { scrubSecrets } from '../../../src/lib/report/scrub';
import { fixture } from '../paste/fixtures';
import { ACCOUNT_KEY, USER_KEY, authFailedChecklist, exchangeWith } from './checklists';

const at = new Date('2025-01-17T09:40:00.000Z');

describe('the report of a 401', async () => {
  const exchange = exchangeWith(ACCOUNT_KEY, USER_KEY);
  const report = buildReport({
    exchange,
    checklist: authFailedChecklist(),
    fingerprints: await keyFingerprints(exchange.request.headers),
    at,
  });
  const account = await fingerprint(ACCOUNT_KEY);

  test('says when, what was sent and what came back', () => {
    expect(report).toContain('2025-01-17T09:40:00.000Z');
    expect(report).toContain('`GET https://api.redislabs.com/v1/logs?offset=0&token=REDACTED`');
    expect(report).toContain('**Response:** 401 Unauthorized, 202 ms');
    expect(report).toContain('`server`: `nginx`');
    expect(report).toContain('`content-type`: `text/html`');
    expect(report).toContain('`x-rate-limit-remaining`: `398`');
    expect(report).not.toMatch(/set-cookie|date/i);
  });

  test('gives the verdict, the primary cause and every item with its status', () => {
    expect(report).toContain('**Verdict:** Authentication failed (`auth-failed`)');
    expect(report).toContain('**Primary cause:** Title of keys-valid (`keys-valid`)');
    expect(report).toContain(
      '6. **SUSPECT #1** Title of keys-valid (`keys-valid`): Summary of keys-valid.',
    );
    expect(report).toContain(
      '11. **PASS** Title of rate-limit (`rate-limit`): Summary of rate-limit.',
    );
    expect(report.match(/^\d+\. \*\*/gm)).toHaveLength(11);
  });

  test('names the keys by fingerprint and length only', () => {
    expect(report).toContain(`Account key (\`x-api-key\`): \`${account.hash}\`, 20 characters`);
    expect(report).not.toContain(ACCOUNT_KEY.slice(0, 8));
    expect(report).not.toContain(USER_KEY.slice(4, 12));
  });
});

test('without a response, or with no status, the report says so', async () => {
  const base = exchangeWith(ACCOUNT_KEY, USER_KEY);
  const input = {
    checklist: authFailedChecklist(),
    fingerprints: { account: null, user: null },
    at,
  };
  const noResponse = { ...base };
  delete noResponse.response;
  expect(buildReport({ ...input, exchange: noResponse })).toContain('none given');
  expect(
    buildReport({
      ...input,
      exchange: { ...noResponse, failure: { kind: 'cors', message: 'Blocked.' } },
    }),
  ).toContain('none (cors): Blocked.');
  const bodyOnly = {
    ...base,
    response: { status: null, statusText: '', headers: [], body: 'x', size: 1 },
  };
  expect(buildReport({ ...input, exchange: bodyOnly })).toContain('status unknown');
  expect(buildReport({ ...input, exchange: noResponse })).toContain(
    'User key (`x-api-secret-key`): not sent',
  );
});

test('a Chromium HAR, diagnosed by the checklist engine, makes a report without its keys', async () => {
  const paste = parseRequestPaste(fixture('chromium.har'));
  if (!paste.ok || !paste.value.candidates[0]) throw new Error('HAR not read');
  const exchange = pastedExchange(paste.value.candidates[0], null);
  const checklist = diagnose(exchange, {});
  const report = buildReport({
    exchange,
    checklist,
    fingerprints: await keyFingerprints(exchange.request.headers),
    at,
  });
  expect(report).toContain('**Response:** 401');
  expect(report).toContain('(`auth-failed`)');
  expect(report).toContain((await fingerprint('A1b2C3d4E5f6G7h8I9j0')).hash);
  for (const item of checklist.items) expect(report).toContain(`(\`${item.id}\`)`);
  expect(report).not.toMatch(/A1b2C3d4|S1t2U3v4/);
});

test('secret-looking query values and URL passwords are redacted; the rest is kept', () => {
  expect(redactUrl('https://api.redislabs.com/v1/logs?offset=10&limit=100')).toBe(
    'https://api.redislabs.com/v1/logs?offset=10&limit=100',
  );
  expect(redactUrl('https://h/v1/?api_key=abc&x=1')).toBe('https://h/v1/?api_key=REDACTED&x=1');
  expect(redactUrl('https://h/v1/?q=Zk39aLq02mXw81Pq')).toBe('https://h/v1/?q=REDACTED');
  expect(redactUrl('https://me:pa55@h/v1/')).toBe('https://me:REDACTED@h/v1/');
  expect(redactUrl('https://$HOST/logs')).toBe('https://$HOST/logs');
});

describe('scrubbing', () => {
  test('removes every run of 8 characters of a secret, however it got in', () => {
    expect(scrubSecrets('key=xxA1b2C3d4E5yy', ['A1b2C3d4E5f6'])).toBe('key=xx[redacted]yy');
    expect(scrubSecrets('A1b2C3d', ['A1b2C3d4E5f6'])).toBe('A1b2C3d');
  });

  test('a secret containing the marker cannot leave a run behind', () => {
    const secret = 'x[redacted]x';
    const out = scrubSecrets(`a ${secret} b [redacted]`, [secret]);
    for (let i = 0; i + 8 <= secret.length; i++) expect(out).not.toContain(secret.slice(i, i + 8));
  });
});
