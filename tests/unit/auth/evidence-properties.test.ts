/**
 * Issue 18, "Done when": for generated exchanges whose answer does not have the API's shape, no
 * condition is ever `pass`, whatever the status, headers, host or keys.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { diagnose } from '../../../src/lib/auth/diagnose';
import { whoAnswered } from '../../../src/lib/auth/who-answered';
import type { Exchange, Header } from '../../../src/lib/core/exchange';
import { isKnownOperation, keyHeaders } from './helpers';

/** Bodies no API answer has: pages, plain text, codes, JSON that is none of its shapes. */
const foreignBody = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    'error code: 1010',
    'error code: 1020',
    'OK',
    'Unauthorized',
    'Forbidden',
    '<html><body><h1>Sign in</h1></body></html>',
    '<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head></html>',
    '<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>',
    '<html><head><title>400 Bad Request</title></head><body><center>nginx</center></body></html>',
    '{"message":"Forbidden"}',
    '{"error":"blocked"}',
    'null',
    '[]',
  ),
  fc.string({ maxLength: 80 }).filter((s) => !/[{[]/.test(s)),
);
const status = fc.oneof(
  fc.constantFrom(
    200,
    201,
    202,
    204,
    400,
    401,
    403,
    404,
    407,
    409,
    412,
    422,
    429,
    500,
    502,
    503,
    504,
  ),
  fc.integer({ min: 100, max: 599 }),
  fc.constant(null),
);
const responseHeaders: fc.Arbitrary<Header[]> = fc.array(
  fc.record({
    name: fc.constantFrom('server', 'content-type', 'cf-ray', 'via', 'x-request-id'),
    value: fc.constantFrom('cloudflare', 'nginx', 'text/html', 'application/json', 'abc'),
  }),
  { maxLength: 3 },
);
const url = fc.constantFrom(
  'https://api.redislabs.com/v1/',
  'https://api.redislabs.com/v1/subscriptions',
  'https://api.redislabs.com/v1/logs',
  'https://$HOST/v1/subscriptions',
  'https://proxy.corp.example/v1/',
);
const method = fc.constantFrom('GET', 'POST', 'DELETE', 'PUT');
const source = fc.constantFrom<Exchange['source']>('pasted', 'network');

const exchange: fc.Arbitrary<Exchange> = fc
  .record({ status, body: foreignBody, headers: responseHeaders, url, method, source })
  .map(({ status: s, body, headers, url: u, method: m, source: src }) => ({
    source: src,
    request: { method: m, url: u, headers: keyHeaders() },
    response: { status: s, statusText: '', headers, body, size: body.length },
  }));

describe('evidence of origin', () => {
  test('property: an answer without the API shape never makes a condition pass', () => {
    fc.assert(
      fc.property(exchange, (ex) => {
        // The generator aims at foreign shapes; the property is about those only.
        fc.pre(whoAnswered(ex, true).kind !== 'api');
        const checklist = diagnose(ex, { isKnownOperation });
        for (const item of checklist.items) {
          if (item.group === 'request') continue;
          expect(item.status, `${item.id}: ${item.summary}`).not.toBe('pass');
        }
        expect(checklist.verdict).not.toBe('ok');
      }),
      { numRuns: 600 },
    );
  });
});
