import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { diagnose } from '../../../src/lib/auth/diagnose';
import { buildReport, keyFingerprints } from '../../../src/lib/report/report';
import { decodeShareFragment, encodeShareFragment } from '../../../src/lib/report/share';
import { ACCOUNT_KEY, USER_KEY, authFailedChecklist, exchangeWith } from './checklists';

const at = new Date('2025-01-17T09:40:00.000Z');

async function share(account = ACCOUNT_KEY, user = USER_KEY) {
  const exchange = exchangeWith(account, user);
  const input = {
    exchange,
    checklist: authFailedChecklist(),
    fingerprints: await keyFingerprints(exchange.request.headers),
    at,
  };
  return { input, fragment: await encodeShareFragment(input) };
}

describe('the share link', () => {
  test('opens Diagnose with the same findings, the exchange redacted', async () => {
    const { input, fragment } = await share();
    expect(fragment).toMatch(/^\/diagnose\?share=1[zp]\.[A-Za-z0-9_-]+$/);
    const decoded = await decodeShareFragment(`https://keycheck.example/#${fragment}`);
    if (!decoded.ok) throw new Error(decoded.error.message);
    const { value } = decoded;
    expect(value.checklist).toEqual(input.checklist);
    expect(value.fingerprints).toEqual(input.fingerprints);
    expect(value.at).toBe('2025-01-17T09:40:00.000Z');
    expect(value.exchange.request.url).toBe(
      'https://api.redislabs.com/v1/logs?offset=0&token=REDACTED',
    );
    expect(value.exchange.request.headers[1]?.value).toBe(
      `[redacted ${input.fingerprints.account?.hash} (20 characters)]`,
    );
    expect(value.exchange.response?.status).toBe(401);
    expect(value.exchange.response?.headers.find((h) => h.name === 'Set-Cookie')?.value).toBe(
      '[redacted]',
    );
    expect(value.exchange.response?.body).toContain('401 Authorization Required');
    expect(JSON.stringify(value)).not.toMatch(/A1b2C3d4|S1t2U3v4/);
  });

  test('is compact: a whole checklist fits in a link that pastes anywhere', async () => {
    const { fragment } = await share();
    expect(fragment.length).toBeLessThan(2000);
  });

  test('the fragment alone, with #, or the token alone all open it', async () => {
    const { fragment } = await share();
    for (const form of [fragment, `#${fragment}`, fragment.split('=')[1] ?? '']) {
      expect((await decodeShareFragment(form)).ok).toBe(true);
    }
  });

  test.each([
    ['', /not a Keycheck report link/],
    ['#/diagnose?share=', /not a Keycheck report link/],
    ['#/diagnose?share=1z.', /not a Keycheck report link/],
    ['#/diagnose?share=1z.AAAA', /damaged/],
    ['#/diagnose?share=1p.e30', /not a report this version/],
    ['#/diagnose?share=1p.bm90IGpzb24', /damaged/],
    ['#/diagnose?share=1p.A', /damaged/],
  ])('a bad link %j gets a clear error', async (input, message) => {
    const decoded = await decodeShareFragment(input);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error.message).toMatch(message);
  });

  test('a cut or altered link never throws', async () => {
    const { fragment } = await share();
    await fc.assert(
      fc.asyncProperty(fc.nat(fragment.length), fc.string({ maxLength: 3 }), async (cut, noise) => {
        const result = await decodeShareFragment(fragment.slice(0, cut) + noise);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

/** Every 8-character run of `key`. */
const runs = (key: string) => Array.from({ length: key.length - 7 }, (_, i) => key.slice(i, i + 8));

test('for any keys, neither the report nor the share link holds any 8 characters of one', async () => {
  const key = fc.string({ unit: 'grapheme-ascii', minLength: 8, maxLength: 80 });
  await fc.assert(
    fc.asyncProperty(key, key, async (account, user) => {
      const exchange = exchangeWith(account, user);
      const checklist = diagnose(exchange, {});
      const fingerprints = await keyFingerprints(exchange.request.headers);
      const report = buildReport({ exchange, checklist, fingerprints, at });
      const fragment = await encodeShareFragment({ exchange, checklist, fingerprints, at });
      for (const run of [...runs(account), ...runs(user)]) {
        expect(report).not.toContain(run);
        expect(fragment).not.toContain(run);
      }
      const decoded = await decodeShareFragment(fragment);
      if (decoded.ok) {
        const text = JSON.stringify(decoded.value);
        for (const run of [...runs(account), ...runs(user)]) expect(text).not.toContain(run);
      }
    }),
    { numRuns: 300 },
  );
});
