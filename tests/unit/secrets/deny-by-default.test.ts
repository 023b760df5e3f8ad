/**
 * Deny by default (lib/secrets/key-shape.ts): a key-shaped token in a paste is a secret wherever
 * it stands, and what the API's own documents, bodies and names hold stays readable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createRedactor, findSecrets, scrubber } from '../../../src/lib/secrets';
import { keyShapedTokens, looksLikeKey } from '../../../src/lib/secrets/key-shape';
import { isSecretName } from '../../../src/lib/secrets/names';
import { DEMO_KEYS } from '../../../src/lib/sandbox/demo-data';

const KEY = 'q7Rt2mXw9LpZ4vBn8KcY3sJd';
const LOWER_KEY = 'a4tyxu4fxyiklfbqx7c8rgb7qupgvucujusrt8ja4vhoag';

describe('what has the shape of a key', () => {
  test.each([KEY, LOWER_KEY, 'Sup3r-Secret-Passw0rd-2024x', ...Object.values(DEMO_KEYS)])(
    '%s is a key',
    (token) => {
      expect(looksLikeKey(token)).toBe(true);
    },
  );

  test.each([
    'processing-completed',
    'processing-in-progress',
    'x-rate-limit-retry-after-seconds',
    'X-Rate-Limit-Retry-After-Seconds',
    'allowedSourceIpsAndMore',
    'getSubscriptionDatabaseByID_1',
    'terraform-provider-rediscloud_v0',
    'TLS_AES_128_GCM_SHA256',
    'DATABASE_CLIENT_SSL_CERTIFICATE_MORE_THAN_1_ACTIVE',
    'snapshot-every-12-hours',
    'northamerica-northeast1',
    'cost-report-12345-abcdef',
    'beautiful-ultralight-board-76526',
    '550e8400-e29b-41d4-a716-446655440000',
    '12345678901234567890123',
    'vpc-0bf863584c46321e4',
    'subnet-0125be68a4625884ad',
    '8a1b2c3d4e5f6789-AMS',
    'rediscloud_subscription_peering',
    'USER_WITHOUT_OWNER_PERMISSION_TO_CHANGE',
    'capi-api-key-name-for-production',
  ])('%s stays readable', (token) => {
    expect(looksLikeKey(token)).toBe(false);
  });
});

describe('keys with no name, or written where a name belongs', () => {
  const positions: Record<string, string> = {
    'a form field': `curl -d "k=${KEY}" https://api.redislabs.com/v1/`,
    'a User-Agent': `User-Agent: my-tool/${KEY}`,
    'a path segment': `GET https://api.redislabs.com/v1/subscriptions/${KEY}`,
    'os.getenv': `key = os.getenv("${KEY}")`,
    'process.env': `headers: { 'x-api-key': process.env.${KEY} }`,
    '$env:': `$env:${KEY}`,
    'a Postman variable': `{{${KEY}}}`,
    'a shell default': `\${RC_KEY:-${KEY}}`,
    'a command substitution': `$(echo ${KEY})`,
    'a PowerShell table': `Name  Value\n----  -----\nkey   ${KEY}`,
    'a Markdown table': `| header | value |\n| --- | --- |\n| account | ${KEY} |`,
    'a YAML block scalar': `account: |\n  ${KEY}\n`,
    'Terraform default': `variable "rc" {\n  default = "${KEY}"\n}`,
    'ConvertTo-SecureString': `ConvertTo-SecureString "${KEY}" -AsPlainText`,
  };
  test.each(Object.entries(positions))('%s', async (_, text) => {
    const secrets = findSecrets({ paste: text });
    expect(secrets).toContain(KEY);
    const redactor = await createRedactor(secrets);
    expect(redactor.text(text)).not.toContain(KEY.slice(4, 10));
  });
});

describe('decode before collecting', () => {
  const percentEach = [...KEY].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('');
  const unicodeEach = [...KEY].map((c) => `\\u00${c.charCodeAt(0).toString(16)}`).join('');
  const half = KEY.length / 2;
  const encodings: Record<string, string> = {
    'percent-encoded byte by byte': `curl "https://api.redislabs.com/v1/?x=${percentEach}"`,
    '\\u-escaped JSON': `{"x-api-key": "${unicodeEach}"}`,
    'split by ANSI colour codes': `x-api-key: ${KEY.slice(0, 3)}\u001b[31m${KEY.slice(3, 7)}\u001b[0m${KEY.slice(7)}`,
    'split by a written colour code': `token ${KEY.slice(0, 4)}\\x1b[1m${KEY.slice(4)}`,
    'a shell line continuation': `curl -H "x-api-key: ${KEY.slice(0, half)}\\\n${KEY.slice(half)}" https://api.redislabs.com/v1/`,
    'Python strings joined': `KEY = "${KEY.slice(0, 5)}" \\\n    "${KEY.slice(5)}"`,
    'JavaScript concatenation': `const k = '${KEY.slice(0, 4)}' + '${KEY.slice(4)}';`,
    'JSON inside a JSON string': JSON.stringify({ text: JSON.stringify({ apiKey: KEY }) }),
    'zero-width spaces inside': `note ${KEY.slice(0, 5)}\u200b${KEY.slice(5, 11)}\u200b${KEY.slice(11)}`,
    // Every format character (Unicode Cf) and default-ignorable one shows nothing: one class.
    ...Object.fromEntries(
      [
        0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
        0x180e, 0x034f, 0xfe00, 0xfe0f, 0x2061, 0x2062, 0x2063, 0x2064, 0x061c, 0xe0041,
      ].map((code) => [
        `U+${code.toString(16).toUpperCase()} inside`,
        `note ${KEY.slice(0, 5)}${String.fromCodePoint(code)}${KEY.slice(5, 11)}${String.fromCodePoint(code)}${KEY.slice(11)}`,
      ]),
    ),
    'a percent-encoded U+200E inside a URL path': `curl https://api.redislabs.com/v1/${KEY.slice(0, 5)}%E2%80%8E${KEY.slice(5, 11)}%e2%80%8e${KEY.slice(11)}`,
    'quotes glued in a shell': `curl -H 'x-api-key: '"${KEY.slice(0, 5)}"'${KEY.slice(5)}' https://api.redislabs.com/v1/`,
    'base64 with no name': `x-trace: ${btoa(`acct:${KEY}`)}`,
    'HTML-escaped JSON': `&lt;pre&gt;{&quot;apiKey&quot;: &quot;${KEY}&quot;}&lt;/pre&gt;`,
    'a curl --trace-ascii dump wrapped at 64 characters': [
      '=> Send header, 120 bytes (0x78)',
      '0000: GET /v1/ HTTP/1.1',
      '0013: Host: api.redislabs.com',
      `002c: x-api-secret-key: ${'0'.repeat(64 - 18 - half)}${KEY.slice(0, half)}`,
      `006c: ${KEY.slice(half)}`,
    ].join('\n'),
  };
  test.each(Object.entries(encodings))('%s: found, and removed as written', async (_, text) => {
    expect(findSecrets({ paste: text }).some((secret) => secret.includes(KEY))).toBe(true);
    const shown = (await createRedactor(findSecrets({ paste: text }))).text(text);
    // The text as shown, and what it spells once decoded, hold no run of the key.
    const spelled = shown
      .replace(/[\p{Cf}\p{Default_Ignorable_Code_Point}]|%e2%80%8e/giu, '')
      .split('\u001b')
      .join('')
      .replace(/\[[0-9;]*m|\\x1b/g, '')
      .replace(/\\\n|["' +]/g, '');
    for (let i = 0; i + 6 <= KEY.length; i++) {
      expect(shown.toLowerCase()).not.toContain(KEY.slice(i, i + 6).toLowerCase());
      expect(spelled.toLowerCase()).not.toContain(KEY.slice(i, i + 6).toLowerCase());
    }
    expect(scrubber([KEY]).leaks(text)).toBe(true);
  });
});

describe("no false positives in the API's own words", () => {
  const generated = [
    'src/lib/sandbox/generated/operations.ts',
    'src/lib/api/generated/catalog.ts',
    'src/lib/auth/claims.ts',
  ];
  test.each(generated)('%s holds no key-shaped token', (file) => {
    expect(keyShapedTokens(readFileSync(file, 'utf8'))).toEqual([]);
  });

  const openapi = '/work/shared/redis-cloud-api/openapi.json';
  test.skipIf(!existsSync(openapi))(
    "the API document's examples: only the values of secret fields are keys",
    () => {
      const doc: unknown = JSON.parse(readFileSync(openapi, 'utf8'));
      const stack: Array<[string, unknown]> = [['', doc]];
      const flagged: string[] = [];
      while (stack.length > 0) {
        const [name, value] = stack.pop()!;
        if (typeof value === 'string') {
          if (!isSecretName(name)) flagged.push(...keyShapedTokens(value));
        } else if (value !== null && typeof value === 'object') {
          // An example sits under its property's name: carry the name down to it.
          for (const [k, v] of Object.entries(value)) {
            stack.push([k === 'example' || k === 'default' || k === 'enum' ? name : k, v]);
          }
        }
      }
      expect(flagged).toEqual([]);
    },
  );

  test('the demo keys of the sandbox are found wherever they stand', () => {
    const text = Object.values(DEMO_KEYS).join(' and ');
    expect(findSecrets({ paste: text })).toEqual(expect.arrayContaining(Object.values(DEMO_KEYS)));
  });
});

test('a PowerShell hashtable one entry per line: each key alone, not glued to the next name', () => {
  const A = 'Ak3f9Qz7LmN2pR8sT4vW6xY1bC5dE0gH';
  const U = 'Us7Kp2Lm9Qr4Tv6Wx8Yz1Ab3Cd5Ef7Gh9Ij0Kl';
  const text = `$headers = @{\n    "x-api-key"        = "${A}"\n    "x-api-secret-key" = "${U}"\n}`;
  expect(findSecrets({ paste: text }).sort()).toEqual([A, U].sort());
});
