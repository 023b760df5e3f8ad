import { describe, expect, test } from 'vitest';
import type { Exchange } from '../../../src/lib/core/exchange';
import { toCurl } from '../../../src/lib/paste/export';
import { buildReport, keyFingerprints } from '../../../src/lib/report/report';
import { decodeShareFragment, encodeShareFragment } from '../../../src/lib/report/share';
import { isSecretName, safeView } from '../../../src/lib/secrets';
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
  'accountKey',
  'RedisCloudApiKey',
  'X-Secret',
];

const holdsNoPiece = (text: string) => {
  for (let i = 0; i + 6 <= KEY.length; i++) {
    expect(text.toLowerCase()).not.toContain(KEY.slice(i, i + 6).toLowerCase());
  }
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

describe.each(NAMES)('a key sent under the name %s', (name) => {
  test('counts as secret in any case', () => {
    expect(isSecretName(name)).toBe(true);
    expect(isSecretName(name.toUpperCase())).toBe(true);
  });

  test('is in neither the safe view, the share link (decoded) nor the report', async () => {
    const exchange = exchangeUnder(name);
    const { exchange: shown, redactor } = await safeView(exchange);
    holdsNoPiece(JSON.stringify(shown));
    const input = {
      exchange: shown,
      checklist: authFailedChecklist(),
      fingerprints: await keyFingerprints(exchange.request.headers),
      at: new Date('2025-01-17T09:40:00.000Z'),
    };
    const fragment = await encodeShareFragment(input, redactor.leaks);
    holdsNoPiece(fragment);
    const decoded = await decodeShareFragment(fragment);
    if (!decoded.ok) throw new Error(decoded.error.message);
    holdsNoPiece(JSON.stringify(decoded.value));
    holdsNoPiece(buildReport(input, redactor.text));
  });

  test('is a variable in Copy as cURL without keys', () => {
    holdsNoPiece(toCurl(exchangeUnder(name).request, { includeSecrets: false }));
  });
});

test('unrelated headers stay visible', () => {
  for (const name of ['accept', 'content-type', 'user-agent', 'x-request-id', 'keyName']) {
    expect(isSecretName(name)).toBe(false);
  }
});
