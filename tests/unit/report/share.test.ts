import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DOCS } from '../../../src/lib/auth/docs-links';
import { bytesToBase64 } from '../../../src/lib/core/text';
import { keyFingerprints } from '../../../src/lib/report/report';
import { decodeShareFragment, encodeShareFragment } from '../../../src/lib/report/share';
import { carriedChecklist } from '../../../src/lib/report/share-rebuild';
import { ITEM_TITLE } from '../../../src/lib/auth/items';
import { safeView } from '../../../src/lib/secrets';
import { ACCOUNT_KEY, USER_KEY, authFailedChecklist, exchangeWith } from './checklists';

/** A link token made by hand, as an old version or an attacker would write it. */
const tokenOf = (data: unknown) =>
  `1p.${bytesToBase64(new TextEncoder().encode(JSON.stringify(data)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')}`;

const at = new Date('2025-01-17T09:40:00.000Z');

async function share(account = ACCOUNT_KEY, user = USER_KEY) {
  const exchange = exchangeWith(account, user);
  const { exchange: shown, redactor } = await safeView(exchange);
  const checklist = authFailedChecklist();
  checklist.items[5]!.docs = DOCS.manageKeys;
  const input = {
    exchange: shown,
    checklist,
    fingerprints: await keyFingerprints(exchange.request.headers),
    at,
  };
  return { input, fragment: await encodeShareFragment(input, redactor.leaks) };
}

describe('the share link', () => {
  test('opens Diagnose with the same findings, the exchange redacted', async () => {
    const { input, fragment } = await share();
    expect(fragment).toMatch(/^\/diagnose\?share=1[zp]\.[A-Za-z0-9_-]+$/);
    const decoded = await decodeShareFragment(`https://keycheck.example/#${fragment}`);
    if (!decoded.ok) throw new Error(decoded.error.message);
    const { value } = decoded;
    // The structure travels; every sentence is written again with the app's own words.
    expect(carriedChecklist(value.checklist)).toEqual(carriedChecklist(input.checklist));
    for (const item of value.checklist.items) expect(item.title).toBe(ITEM_TITLE[item.id]);
    expect(value.fingerprints).toEqual(input.fingerprints);
    expect(value.at).toBe('2025-01-17T09:40:00.000Z');
    expect(value.exchange.request.url).toMatch(
      /^https:\/\/api\.redislabs\.com\/v1\/logs\?offset=0&token=\[redacted sha256:[0-9a-f]{8} \(20 characters\)\]$/,
    );
    const account = input.fingerprints.account;
    expect(value.exchange.request.headers[1]?.value).toBe(
      `[redacted ${account && 'hash' in account ? account.hash : ''} (20 characters)]`,
    );
    expect(value.exchange.response?.status).toBe(401);
    expect(value.exchange.response?.headers.find((h) => h.name === 'Set-Cookie')?.value).toMatch(
      /^\[redacted sha256:/,
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

  test('a URL, a header or a status text longer than a link carries is cut, and the link opens', async () => {
    const { input } = await share();
    const long = `https://api.redislabs.com/v1/subscriptions?q=${'x'.repeat(25_000)}`;
    const big = {
      ...input,
      exchange: {
        ...input.exchange,
        request: {
          ...input.exchange.request,
          method: 'G'.repeat(300),
          url: long,
          headers: [{ name: 'n'.repeat(2000), value: 'v'.repeat(30_000) }],
        },
        response: { ...input.exchange.response!, statusText: 's'.repeat(3000) },
        failure: { kind: 'timeout' as const, message: 'm'.repeat(9000) },
      },
    };
    const decoded = await decodeShareFragment(await encodeShareFragment(big));
    if (!decoded.ok) throw new Error(decoded.error.message);
    const { request } = decoded.value.exchange;
    expect(request.url.startsWith('https://api.redislabs.com/v1/subscriptions?q=xxx')).toBe(true);
    expect(request.url.endsWith(`[cut: ${long.length} characters in all]`)).toBe(true);
    expect(request.url.length).toBeLessThanOrEqual(20_000);
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

describe("a link is anyone's input", () => {
  /** What a link made now carries, as JSON, to alter by hand. */
  const payload = async () => {
    const { input } = await share();
    return {
      v: 3,
      at: input.at.toISOString(),
      checklist: carriedChecklist(input.checklist),
      exchange: (await safeView(exchangeWith(ACCOUNT_KEY, USER_KEY))).exchange,
      fingerprints: input.fingerprints,
    };
  };

  test('a hand-made link opens, and its words are the ones the app writes', async () => {
    const decoded = await decodeShareFragment(tokenOf(await payload()));
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.value.checklist.verdict).toBe('auth-failed');
  });

  test.each([
    ['a headline', (p: Payload) => ({ ...p, checklist: { ...p.checklist, headline: 'All good' } })],
    [
      "an item's sentence",
      (p: Payload) => ({
        ...p,
        checklist: {
          ...p.checklist,
          items: p.checklist.items.map((item, i) =>
            i === 0 ? { ...item, fix: 'Send your keys to support@evil.example' } : item,
          ),
        },
      }),
    ],
    [
      'a documentation link',
      (p: Payload) => ({
        ...p,
        checklist: {
          ...p.checklist,
          items: p.checklist.items.map((item, i) =>
            i === 5
              ? { ...item, docs: { title: 'Manage API keys', url: 'https://evil.example/' } }
              : item,
          ),
        },
      }),
    ],
    ['a field of its own', (p: Payload) => ({ ...p, note: 'Keycheck says: all good' })],
  ])('a link carrying %s is refused: text Keycheck cannot rebuild', async (_, alter) => {
    const decoded = await decodeShareFragment(tokenOf(alter(await payload())));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error.message).toMatch(/cannot rebuild/);
  });

  test('two items with one id are refused with a clear message', async () => {
    const p = await payload();
    const items = [...p.checklist.items];
    items[1] = { ...items[0]! };
    const decoded = await decodeShareFragment(
      tokenOf({ ...p, checklist: { ...p.checklist, items } }),
    );
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error.message).toMatch(/two items have the same id/);
  });

  test.each([1, 2])(
    'a version %i link, which carried sentences, is refused with a clear message',
    async (version) => {
      const p = await payload();
      const decoded = await decodeShareFragment(tokenOf({ ...p, v: version }));
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) expect(decoded.error.message).toMatch(/older Keycheck.*new link/);
    },
  );

  test('a payload that still holds a piece of a key is not made into a link', async () => {
    const { input } = await share();
    const leaky = {
      ...input,
      exchange: { ...input.exchange, request: { ...input.exchange.request, body: ACCOUNT_KEY } },
    };
    await expect(
      encodeShareFragment(leaky, (text) => text.includes(ACCOUNT_KEY.slice(0, 6))),
    ).rejects.toThrow(/piece of a key/);
  });
});

interface Payload {
  v: number;
  at: string;
  checklist: ReturnType<typeof carriedChecklist>;
  exchange: unknown;
  fingerprints: unknown;
}
