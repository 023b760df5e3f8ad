import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { SentRequest } from '../../../src/lib/core/exchange';
import {
  toCurl,
  toFetch,
  toHttpie,
  toPowerShell,
  toPython,
  type ExportOptions,
} from '../../../src/lib/paste/export';
import { parseHttpie } from '../../../src/lib/paste/httpie';
import { parseRequestPaste } from '../../../src/lib/paste/paste';
import { parseJavaScript } from '../../../src/lib/paste/javascript';
import { parsePowerShell } from '../../../src/lib/paste/powershell';
import { parsePython } from '../../../src/lib/paste/python';
import type { ParseResult, PastedRequest } from '../../../src/lib/paste/result';
import { fillVariables } from '../../../src/lib/paste/variables';

const ACCOUNT = 'A1b2C3d4E5f6G7h8I9j0';
const USER = 'S1t2U3v4W5x6Y7z8A9b0';

const requests: SentRequest[] = [
  {
    method: 'GET',
    url: 'https://api.redislabs.com/v1/subscriptions?offset=0&limit=10',
    headers: [
      { name: 'accept', value: 'application/json' },
      { name: 'x-api-key', value: ACCOUNT },
      { name: 'x-api-secret-key', value: USER },
    ],
  },
  {
    method: 'POST',
    url: 'https://api.redislabs.com/v1/subscriptions/2001/databases',
    headers: [
      { name: 'x-api-key', value: ACCOUNT },
      { name: 'x-api-secret-key', value: USER },
      { name: 'Content-Type', value: 'application/json' },
    ],
    body: `{"name":"it's a \\"db\\"","price":"$5 \`x\` {y}","path":"C:\\\\tmp"}`,
  },
];

type Reader = (text: string) => ParseResult<PastedRequest | PastedRequest[]>;
const exporters: Record<
  string,
  [(r: SentRequest, o: ExportOptions) => string, Reader, Record<string, string>]
> = {
  PowerShell: [
    toPowerShell,
    parsePowerShell,
    { 'env:REDISCLOUD_ACCESS_KEY': ACCOUNT, 'env:REDISCLOUD_SECRET_KEY': USER },
  ],
  Python: [toPython, parsePython, { REDISCLOUD_ACCESS_KEY: ACCOUNT, REDISCLOUD_SECRET_KEY: USER }],
  fetch: [
    toFetch,
    parseJavaScript,
    { REDIS_CLOUD_ACCOUNT_KEY: ACCOUNT, REDIS_CLOUD_USER_KEY: USER },
  ],
  HTTPie: [toHttpie, parseHttpie, { REDIS_CLOUD_ACCOUNT_KEY: ACCOUNT, REDIS_CLOUD_USER_KEY: USER }],
};

function readBack(read: Reader, text: string): PastedRequest {
  const result = read(text);
  if (!result.ok)
    throw new Error(`${result.error.message} at ${result.error.line}:${result.error.column}`);
  const value = result.value;
  const one = Array.isArray(value) ? value : [value];
  expect(one).toHaveLength(1);
  return one[0] as PastedRequest;
}

/** What the reader adds on its own for a body (HTTPie's default JSON headers) is left out. */
const comparable = (r: SentRequest) => ({ ...r, method: r.method.toUpperCase() });

describe.each(Object.entries(exporters))(
  'Copy as %s, read back by its own reader',
  (_name, [write, read, env]) => {
    test.each(requests.map((r) => [r.method, r] as const))(
      '%s with the keys included: the same request',
      (_m, request) => {
        const back = readBack(read, write(request, { includeSecrets: true }));
        expect(comparable(back.request)).toEqual(comparable(request));
      },
    );

    test.each(requests.map((r) => [r.method, r] as const))(
      '%s without the keys: environment variables that fill in to the same request',
      (_m, request) => {
        const text = write(request, { includeSecrets: false });
        expect(text).not.toContain(ACCOUNT.slice(0, 6));
        expect(text).not.toContain(USER.slice(0, 6));
        const back = readBack(read, text);
        expect(back.variables.map((v) => v.name).sort()).toEqual(Object.keys(env).sort());
        expect(comparable(fillVariables(back, env))).toEqual(comparable(request));
      },
    );
  },
);

test('every Copy as format: any printable header value and body survive the round trip through the registry', () => {
  const printable = fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    maxLength: 40,
  });
  // HTTP drops the whitespace between a header's colon and its value: a value cannot start
  // with a space on the wire, so no tool can write one.
  const headerValue = printable.filter((v) => !v.startsWith(' '));
  const writers = { toCurl, toFetch, toHttpie, toPowerShell, toPython };
  fc.assert(
    fc.property(headerValue, printable, (value, body) => {
      const request: SentRequest = {
        method: 'PUT',
        url: 'https://api.redislabs.com/v1/x',
        headers: [{ name: 'x-note', value }],
        body,
      };
      for (const [name, write] of Object.entries(writers)) {
        const result = parseRequestPaste(write(request, { includeSecrets: true }));
        if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
        const back = result.value.candidates[0]?.request;
        expect(back?.method, name).toBe('PUT');
        expect(back?.url, name).toBe(request.url);
        expect(back?.headers.find((h) => h.name === 'x-note')?.value, name).toBe(value);
        // An empty body is no body: no tool sends one.
        if (body !== '') expect(back?.body, name).toBe(body);
      }
    }),
    { numRuns: 1000 },
  );
});

test('a header value holding ^" is read back as written, not as cmd.exe escapes', () => {
  const request: SentRequest = {
    method: 'PUT',
    url: 'https://api.redislabs.com/v1/x',
    headers: [{ name: 'x-note', value: '^"' }],
  };
  const result = parseRequestPaste(toCurl(request, { includeSecrets: true }));
  if (!result.ok) throw new Error(result.error.message);
  expect(result.value.candidates[0]?.request.headers.find((h) => h.name === 'x-note')?.value).toBe(
    '^"',
  );
});
