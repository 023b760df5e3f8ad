import fc from 'fast-check';
import { parse as shellParse } from 'shell-quote';
import { describe, expect, test } from 'vitest';
import type { SentRequest } from '../../../src/lib/core/exchange';
import { parseCurlCommand } from '../../../src/lib/paste/curl-command';
import { toCurl, toFetch, toHttpie, toPowerShell, toPython } from '../../../src/lib/paste/export';

const request: SentRequest = {
  method: 'GET',
  url: 'https://api.redislabs.com/v1/subscriptions?offset=0',
  headers: [
    { name: 'accept', value: 'application/json' },
    { name: 'x-api-key', value: 'A1b2C3d4E5f6G7h8I9j0' },
    { name: 'x-api-secret-key', value: 'S1t2U3v4W5x6Y7z8A9b0' },
  ],
};

describe('Copy as cURL', () => {
  test('by default the keys are shell variables the user’s shell expands', () => {
    expect(toCurl(request, { includeSecrets: false })).toBe(
      [
        "curl -i 'https://api.redislabs.com/v1/subscriptions?offset=0' \\",
        "  -H 'accept: application/json' \\",
        '  -H "x-api-key: $REDIS_CLOUD_ACCOUNT_KEY" \\',
        '  -H "x-api-secret-key: $REDIS_CLOUD_USER_KEY"',
      ].join('\n'),
    );
  });

  test('a shell with those variables set sends the real keys', () => {
    const env = { REDIS_CLOUD_ACCOUNT_KEY: 'acc', REDIS_CLOUD_USER_KEY: 'usr' };
    const argv = shellParse(toCurl(request, { includeSecrets: false }).replace(/\\\n/g, ''), env);
    expect(argv).toContain('x-api-key: acc');
    expect(argv).toContain('x-api-secret-key: usr');
  });

  test('real values only when asked, single-quoted', () => {
    const text = toCurl(request, { includeSecrets: true });
    expect(text).toContain("-H 'x-api-key: A1b2C3d4E5f6G7h8I9j0'");
    expect(toCurl(request, { includeSecrets: false })).not.toContain('A1b2C3d4');
  });

  test('a misspelled key header gets the key’s variable; a secret query value is hidden', () => {
    const text = toCurl(
      {
        method: 'POST',
        url: 'https://api.redislabs.com/v1/x?token=abc',
        headers: [
          { name: 'x-api-key', value: 'A1b2C3d4' },
          { name: 'x-api-secret', value: 'A1b2C3d4' },
          { name: 'Authorization', value: 'Bearer zzz' },
        ],
        body: '{"name":"db"}',
      },
      { includeSecrets: false },
    );
    expect(text).toContain('-H "x-api-secret: $REDIS_CLOUD_ACCOUNT_KEY"');
    expect(text).toContain('-H "Authorization: $AUTHORIZATION"');
    expect(text).toContain("'https://api.redislabs.com/v1/x?token=[redacted]'");
    expect(text).toContain(`--data-raw '{"name":"db"}'`);
    expect(text).not.toContain('-X');
  });

  const awkward = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
  test('values with quotes, spaces, $ and newlines round-trip through shell-word parsers', () => {
    const fixed = [`it's "quoted" $HOME \`x\` \\ back\nnew line`, "'", '$', '\n', "'\\''", 'a b '];
    // curl drops blanks after the colon, so a header value cannot start with one.
    const headerValue = fc.oneof(
      fc.constantFrom(...fixed),
      awkward.filter((v) => /^[^ \t]/.test(v)),
    );
    fc.assert(
      fc.property(headerValue, awkward, (value, body) => {
        const sent: SentRequest = {
          method: 'PUT',
          url: `https://api.redislabs.com/v1/${encodeURIComponent(value)}`,
          headers: [{ name: 'x-api-key', value }],
          body,
        };
        const text = toCurl(sent, { includeSecrets: true });
        const mine = parseCurlCommand(text);
        // curl adds its form content type to a body sent without one; the rest is as sent.
        expect(mine.ok && mine.value.request).toEqual({
          ...sent,
          headers: [
            ...sent.headers,
            { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
          ],
        });
        if (mine.ok)
          expect(mine.value.variables.filter((v) => v.handling === 'expanded-by-shell')).toEqual(
            [],
          );
        const argv = shellParse(text.replace(/ \\\n {2}/g, ' '));
        expect(argv).toContain(`x-api-key: ${value}`);
        expect(argv).toContain(body);
      }),
      { numRuns: 2000 },
    );
  });

  test('an empty header value is sent as "name;", not dropped', () => {
    const text = toCurl(
      { method: 'GET', url: 'https://x.test/', headers: [{ name: 'x-empty', value: '' }] },
      { includeSecrets: true },
    );
    expect(text).toContain("-H 'x-empty;'");
    const read = parseCurlCommand(text);
    expect(read.ok && read.value.request.headers).toEqual([{ name: 'x-empty', value: '' }]);
  });
});

test('Copy as fetch: keys from the environment by default, valid JavaScript', () => {
  const text = toFetch(
    { ...request, method: 'POST', body: '{"a":"</script>"}' },
    { includeSecrets: false },
  );
  expect(text).toContain('"x-api-key": process.env.REDIS_CLOUD_ACCOUNT_KEY,');
  expect(text).toContain('"x-api-secret-key": process.env.REDIS_CLOUD_USER_KEY,');
  expect(text).toContain('body: "{\\"a\\":\\"</script>\\"}",');
  expect(text).not.toContain('A1b2C3d4');
  // It parses as the body of an async function.
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
    ...args: string[]
  ) => unknown;
  expect(() => new AsyncFunction('process', text)).not.toThrow();
});

test('Copy as fetch keeps duplicate headers as pairs', () => {
  const text = toFetch(
    {
      method: 'GET',
      url: 'https://x.test/',
      headers: [
        { name: 'X-Api-Key', value: 'a' },
        { name: 'x-api-key', value: 'b' },
      ],
    },
    { includeSecrets: true },
  );
  expect(text).toContain('["X-Api-Key", "a"],');
  expect(text).toContain('["x-api-key", "b"],');
});

test('Copy as HTTPie: name:value items, keys as variables, backslashes doubled', () => {
  const text = toHttpie(
    { ...request, headers: [...request.headers, { name: 'x-note', value: 'a\\:b' }] },
    { includeSecrets: false },
  );
  expect(text).toContain('"x-api-key:$REDIS_CLOUD_ACCOUNT_KEY"');
  expect(text).toContain("'x-note:a\\\\:b'");
  expect(
    text.startsWith("http --print=hb GET 'https://api.redislabs.com/v1/subscriptions?offset=0'"),
  ).toBe(true);
});

describe('Copy as, every format, without keys', () => {
  const withBody: SentRequest = {
    method: 'POST',
    url: 'https://api.redislabs.com/v1/subscriptions/Qx7rT2mLp9Vb4Nc8Zd3Fh6Jk',
    headers: [
      { name: 'x-api-key', value: 'A1b2C3d4E5f6G7h8I9j0' },
      { name: 'x-api-secret-key', value: 'S1t2U3v4W5x6Y7z8A9b0' },
      { name: 'User-Agent', value: 'bot/Hq4Wm8Tz2Lp6Xc9Vb3Nr7Ks5' },
    ],
    body: JSON.stringify({
      name: 'db',
      accessSecretKey: 'hunter2hunter2',
      consolePassword: 'pw-0987654321',
    }),
  };
  test.each([toCurl, toFetch, toHttpie, toPowerShell, toPython])(
    '%o writes the cleaned body, URL and headers',
    (copy) => {
      const text = copy(withBody, { includeSecrets: false });
      for (const secret of ['hunter2', 'pw-0987', 'Qx7rT2', 'Hq4Wm8', 'A1b2C3', 'S1t2U3']) {
        expect(text).not.toContain(secret);
      }
      expect(text).toMatch(/name\\?":\\?"db/);
      // With keys chosen explicitly, everything is as it was.
      expect(copy(withBody, { includeSecrets: true })).toContain('hunter2hunter2');
    },
  );
});
