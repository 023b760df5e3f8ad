import { describe, expect, test } from 'vitest';
import { diagnose } from '../../../src/lib/auth/diagnose';
import { ITEM_IDS } from '../../../src/lib/core/checklist';
import { parseRequestPaste, pastedExchange } from '../../../src/lib/paste/paste';
import { buildReport, keyFingerprints } from '../../../src/lib/report/report';
import { fingerprint, safeView } from '../../../src/lib/secrets';
import { fixture } from '../paste/fixtures';
import { ACCOUNT_KEY, USER_KEY, authFailedChecklist, exchangeWith } from './checklists';

const at = new Date('2025-01-17T09:40:00.000Z');

async function reportOf(
  exchange = exchangeWith(ACCOUNT_KEY, USER_KEY),
  checklist = authFailedChecklist(),
) {
  const { exchange: shown, redactor } = await safeView(exchange);
  return buildReport(
    {
      exchange: shown,
      checklist,
      fingerprints: await keyFingerprints(exchange.request.headers),
      at,
    },
    redactor.text,
  );
}

describe('the report of a 401', async () => {
  const report = await reportOf();
  const account = await fingerprint(ACCOUNT_KEY);

  test('leads with the verdict and the action, then the steps', () => {
    const lines = report.split('\n');
    expect(lines[2]).toBe(
      '**Authentication failed.** Authentication failed (401): most likely one of the keys is wrong.',
    );
    expect(report).toMatch(/### What to do\n\n1\. /);
  });

  test('says what was sent and what came back, with the headers that matter', () => {
    expect(report).toContain('2025-01-17T09:40:00.000Z');
    expect(report).toContain(
      '`GET https://api.redislabs.com/v1/logs?offset=0&token=[redacted sha256:',
    );
    expect(report).toContain('Answer: `401 Unauthorized`, 202 ms');
    expect(report).toContain('`server: nginx`');
    expect(report).toContain('`x-rate-limit-remaining: 398`');
    expect(report).not.toMatch(/set-cookie|date:/i);
  });

  test('lists every item with its status in words, and no internal id', () => {
    expect(report).toContain(
      '- **Suspect, most likely #1**: Title of keys-valid. Summary of keys-valid.',
    );
    expect(report).toContain('- **Pass**: Title of rate-limit. Summary of rate-limit.');
    expect(report).not.toContain('auth-failed');
    for (const id of ITEM_IDS) expect(report).not.toContain(`(\`${id}\`)`);
  });

  test('names the keys by fingerprint and length only', () => {
    expect(report).toContain(`Account key (\`x-api-key\`): \`${account.hash}\`, 20 characters`);
    for (const key of [ACCOUNT_KEY, USER_KEY]) {
      for (let i = 0; i + 6 <= key.length; i++) {
        expect(report.toLowerCase()).not.toContain(key.slice(i, i + 6).toLowerCase());
      }
    }
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
  ).toContain('Answer: none. Blocked.');
  const bodyOnly = {
    ...base,
    response: { status: null, statusText: '', headers: [], body: 'x', size: 1 },
  };
  expect(buildReport({ ...input, exchange: bodyOnly })).toContain('status not known');
  expect(buildReport({ ...input, exchange: noResponse })).toContain(
    'User key (`x-api-secret-key`): not sent',
  );
  expect(
    buildReport({
      ...input,
      exchange: noResponse,
      fingerprints: { account: { variable: '$KEY' }, user: null },
    }),
  ).toContain("not in the paste (the customer's shell filled it in from `$KEY`)");
});

test('a Chromium HAR, diagnosed by the checklist engine, makes a report without its keys', async () => {
  const paste = parseRequestPaste(fixture('chromium.har'));
  if (!paste.ok || !paste.value.candidates[0]) throw new Error('HAR not read');
  const exchange = pastedExchange(paste.value.candidates[0], null);
  const report = await reportOf(exchange, diagnose(exchange, {}));
  expect(report).toContain('Answer: `401');
  expect(report).toContain((await fingerprint('A1b2C3d4E5f6G7h8I9j0')).hash);
  expect(report.toLowerCase()).not.toMatch(/a1b2c3|s1t2u3/);
});

describe('pasted text cannot become Markdown or HTML', () => {
  const hostile =
    '[Manage API keys](https://evil.example/login) <img src=x onerror=alert(1)> **bold**';
  test('in a sentence of the checklist', async () => {
    const checklist = authFailedChecklist();
    checklist.headline = `Header ${hostile} is misspelled`;
    const report = buildReport({
      exchange: exchangeWith(ACCOUNT_KEY, USER_KEY),
      checklist,
      fingerprints: { account: null, user: null },
      at,
    });
    expect(report).not.toContain('](https://evil');
    expect(report).not.toMatch(/(?<!\\)<img/);
    expect(report).toContain('\\[Manage API keys\\]');
    expect(report).not.toContain('https://evil.example');
  });

  test('in a code span, a backtick cannot close the span', async () => {
    const exchange = exchangeWith(ACCOUNT_KEY, USER_KEY);
    exchange.request.url = 'https://api.redislabs.com/v1/`<b>x</b>`';
    const report = buildReport({
      exchange,
      checklist: authFailedChecklist(),
      fingerprints: { account: null, user: null },
      at,
    });
    expect(report).toContain('`` GET https://api.redislabs.com/v1/`<b>x</b>` ``');
  });
});
