import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DOCS } from '../../../src/lib/auth/docs-links';
import { bytesToBase64 } from '../../../src/lib/core/text';
import { keyFingerprints } from '../../../src/lib/report/report';
import { decodeShareFragment, encodeShareFragment } from '../../../src/lib/report/share';
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
    expect(value.checklist).toEqual(input.checklist);
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
  const v2 = async () => {
    const { fragment } = await share();
    const decoded = await decodeShareFragment(fragment);
    if (!decoded.ok) throw new Error(decoded.error.message);
    return decoded.value;
  };

  test("documentation links come from the app's table, never from the link", async () => {
    const value = await v2();
    expect(value.checklist.items[5]?.docs).toEqual(DOCS.manageKeys);
    const hostile = {
      v: 2,
      at: value.at,
      checklist: {
        ...value.checklist,
        items: value.checklist.items.map((item) => ({ ...item, docs: undefined })),
      },
      exchange: value.exchange,
      fingerprints: value.fingerprints,
    };
    (hostile.checklist.items[5] as { docs?: unknown }).docs = {
      title: 'Manage API keys',
      url: 'https://evil.example/login',
    };
    const decoded = await decodeShareFragment(tokenOf(hostile));
    expect(decoded.ok).toBe(false);
  });

  test('two items with one id are refused with a clear message', async () => {
    const value = await v2();
    const items = value.checklist.items.map(({ docs: _docs, ...item }) => item);
    items[1] = { ...items[0]! };
    const decoded = await decodeShareFragment(
      tokenOf({ ...value, v: 2, checklist: { ...value.checklist, items } }),
    );
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error.message).toMatch(/two items have the same id/);
  });

  test("a version 1 link still opens; its docs link is kept only when it is the app's own", async () => {
    const value = await v2();
    const items = value.checklist.items.map(({ docs: _docs, ...item }) => item);
    const v1 = {
      v: 1,
      at: value.at,
      checklist: {
        ...value.checklist,
        items: items.map((item, i) =>
          i === 5
            ? { ...item, docs: DOCS.enableApi }
            : i === 6
              ? { ...item, docs: { title: 'x', url: 'https://evil.example/' } }
              : item,
        ),
      },
      exchange: value.exchange,
      fingerprints: { account: null, user: null },
    };
    const decoded = await decodeShareFragment(tokenOf(v1));
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.value.checklist.items[5]?.docs).toEqual(DOCS.enableApi);
    expect(decoded.value.checklist.items[6]?.docs).toBeUndefined();
  });
});
