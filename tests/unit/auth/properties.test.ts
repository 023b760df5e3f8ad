import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  FAILURE_KINDS,
  type Exchange,
  type FailureKind,
  type Header,
} from '../../../src/lib/core/exchange';
import { codePointLabel } from '../../../src/lib/core/code-points';
import { ITEM_IDS } from '../../../src/lib/core/checklist';
import { diagnose } from '../../../src/lib/auth/diagnose';
import { preflight } from '../../../src/lib/auth/preflight';
import { ACCOUNT_BODY, NGINX_401, SPRING_404, allText, isKnownOperation, item } from './helpers';

const anyText = fc.string({ unit: 'binary', maxLength: 60 });
const headerName = fc.oneof(
  fc.constantFrom(
    'x-api-key',
    'X-Api-Secret-Key',
    'x-api-secret',
    'api-key',
    'x-auth-token',
    'Authorization',
  ),
  anyText,
);
const header: fc.Arbitrary<Header> = fc.record({ name: headerName, value: anyText });
const url = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  anyText,
  fc.constantFrom('https://$HOST/v1/', 'https:///v1/', 'http://[::1', 'https://api.redislabs.com'),
);
const method = fc.oneof(fc.constantFrom('GET', 'post', 'DELETE', ''), anyText);

describe('properties', () => {
  test('preflight never throws and always returns the four request items', () => {
    fc.assert(
      fc.property(
        method,
        url,
        fc.array(header, { maxLength: 6 }),
        fc.boolean(),
        (m, u, headers, withCatalog) => {
          const items = preflight(
            { method: m, url: u, headers },
            withCatalog ? { isKnownOperation } : {},
          );
          expect(items.map((i) => i.id)).toEqual([
            'account-key-header',
            'secret-key-header',
            'key-values',
            'endpoint',
          ]);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('diagnose never throws and always returns the eleven items in order', () => {
    const status = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 999 }));
    const body = fc.oneof(
      anyText,
      fc.constantFrom(ACCOUNT_BODY, NGINX_401, SPRING_404, '{"account":1}'),
    );
    const kind = fc.constantFrom<FailureKind>(...FAILURE_KINDS);
    fc.assert(
      fc.property(
        method,
        url,
        fc.array(header, { maxLength: 5 }),
        fc.oneof(fc.record({ status, body, headers: fc.array(header, { maxLength: 3 }) }), kind),
        fc.constantFrom('network', 'sandbox', 'pasted') as fc.Arbitrary<Exchange['source']>,
        fc.record(
          {
            learned: fc.record(
              {
                allowedSourceIps: fc.array(anyText, { maxLength: 3 }),
                httpSourceIp: anyText,
                accountId: fc.integer(),
              },
              { requiredKeys: [] },
            ),
            declaredAllowList: fc.array(fc.oneof(anyText, fc.constant('10.0.0.0/8')), {
              maxLength: 3,
            }),
            viaRelay: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
        (m, u, headers, outcome, source, context) => {
          const exchange: Exchange =
            typeof outcome === 'string'
              ? {
                  source,
                  request: { method: m, url: u, headers },
                  failure: { kind: outcome, message: '' },
                }
              : {
                  source,
                  request: { method: m, url: u, headers },
                  response: { ...outcome, statusText: '', size: outcome.body.length },
                };
          const checklist = diagnose(exchange, context);
          expect(checklist.items.map((i) => i.id)).toEqual([...ITEM_IDS]);
          expect(checklist.headline).not.toBe('');
        },
      ),
      { numRuns: 500 },
    );
  });

  test('any character outside printable ASCII fails key-values and is named by code point', () => {
    const printable = fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
      maxLength: 30,
    });
    const outside = fc
      .oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x10ffff }))
      .filter((c) => c < 0xd800 || c > 0xdfff);
    fc.assert(
      fc.property(printable, outside, printable, fc.boolean(), (before, code, after, user) => {
        const value = `${before}${String.fromCodePoint(code)}${after}`;
        const other = 'clean-other-key-value';
        const headers = [
          { name: 'x-api-key', value: user ? other : value },
          { name: 'x-api-secret-key', value: user ? value : other },
        ];
        const values = item(
          preflight({ method: 'GET', url: 'https://api.redislabs.com/v1/', headers }),
          'key-values',
        );
        expect(values.status).toBe('fail');
        const label = codePointLabel(code);
        expect(values.findings?.some((f) => f.message.includes(label))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  test('no text of any checklist holds a key value or a long piece of one', () => {
    const key = fc.stringMatching(/^[A-Za-z0-9]{16,40}$/);
    const decorate = fc.constantFrom(
      (k: string) => k,
      (k: string) => `"${k}"`,
      (k: string) => `Bearer ${k}`,
      (k: string) => `${k}\n`,
      (k: string) => ` ${k}\u200b `,
      (k: string) => `x-api-key: ${k}`,
    );
    const answer = fc.constantFrom<[number | null, string]>(
      [200, ACCOUNT_BODY],
      [201, ''],
      [400, ''],
      [401, NGINX_401],
      [401, '{"error":"x"}'],
      [403, ''],
      [404, SPRING_404],
      [409, ''],
      [412, ''],
      [422, ''],
      [429, ''],
      [500, ''],
      [503, ''],
      [null, 'text'],
    );
    fc.assert(
      fc.property(
        key,
        key,
        decorate,
        decorate,
        answer,
        fc.boolean(),
        (a, u, da, du, [status, body], inUrl) => {
          const exchange: Exchange = {
            source: 'pasted',
            request: {
              method: 'GET',
              url: `https://api.redislabs.com/v1/${inUrl ? `?k=${a}` : ''}`,
              headers: [
                { name: 'x-api-key', value: da(a) },
                { name: 'x-api-secret', value: du(u) },
                { name: 'x-api-secret-key', value: du(u) },
              ],
            },
            response: { status, statusText: '', headers: [], body, size: body.length },
          };
          const text = allText(diagnose(exchange, { isKnownOperation }));
          for (const secret of [a, u]) {
            for (let i = 0; i + 8 <= secret.length; i += 1) {
              expect(text).not.toContain(secret.slice(i, i + 8));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
