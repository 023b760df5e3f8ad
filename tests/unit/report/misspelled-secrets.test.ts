import { describe, expect, test } from 'vitest';
import type { Exchange } from '../../../src/lib/core/exchange';
import { redactExchange } from '../../../src/lib/api/redact-exchange';
import { isSecretHeader, redactRequest } from '../../../src/lib/auth/redact';
import { toCurl } from '../../../src/lib/paste/export';
import { buildReport, keyFingerprints } from '../../../src/lib/report/report';
import { decodeShareFragment, encodeShareFragment } from '../../../src/lib/report/share';
import { authFailedChecklist } from './checklists';

const KEY = 'Mk4pQ9zR2tW7vY1bN6cX3dF8';
const NAMES = [
  'x-access-key',
  'x-account-key',
  'x-user-key',
  'x-api-user-key',
  'x-api-secretkey',
  'x-api-keys',
  'access-key',
];

function runsOf(secret: string): string[] {
  const runs: string[] = [];
  for (let i = 0; i + 8 <= secret.length; i++) runs.push(secret.slice(i, i + 8));
  return runs;
}
const holdsNoPiece = (text: string) => {
  for (const run of runsOf(KEY)) expect(text).not.toContain(run);
};

function exchangeUnder(name: string): Exchange {
  return {
    source: 'pasted',
    request: {
      method: 'GET',
      url: 'https://api.redislabs.com/v1/subscriptions',
      headers: [
        { name: 'accept', value: 'application/json' },
        { name, value: KEY },
      ],
    },
    response: { status: 401, statusText: 'Unauthorized', headers: [], body: '', size: 0 },
  };
}

describe.each(NAMES)('a key sent under the misspelled name %s', (name) => {
  test('counts as a secret header', () => {
    expect(isSecretHeader(name)).toBe(true);
    expect(isSecretHeader(name.toUpperCase())).toBe(true);
  });

  test('is redacted by redactRequest and redactExchange', async () => {
    const exchange = exchangeUnder(name);
    holdsNoPiece(JSON.stringify(await redactRequest(exchange.request)));
    holdsNoPiece(JSON.stringify(await redactExchange(exchange)));
  });

  test('is in neither the share link (decoded) nor the report', async () => {
    const exchange = exchangeUnder(name);
    const input = {
      exchange,
      checklist: authFailedChecklist(),
      fingerprints: await keyFingerprints(exchange.request.headers),
      at: new Date('2025-01-17T09:40:00.000Z'),
    };
    const fragment = await encodeShareFragment(input);
    holdsNoPiece(fragment);
    const decoded = await decodeShareFragment(fragment);
    if (!decoded.ok) throw new Error(decoded.error.message);
    holdsNoPiece(JSON.stringify(decoded.value));
    holdsNoPiece(buildReport(input));
  });

  test('is a variable in Copy as cURL without keys', () => {
    holdsNoPiece(toCurl(exchangeUnder(name).request, { includeSecrets: false }));
  });
});

test('unrelated headers stay visible', () => {
  for (const name of ['accept', 'content-type', 'user-agent', 'x-request-id']) {
    expect(isSecretHeader(name)).toBe(false);
  }
});
