import { describe, expect, test } from 'vitest';
import type { Exchange } from '../../../src/lib/core/exchange';
import { base64Utf8 } from '../../../src/lib/core/text';
import { findSecrets, isSecretName, safeView, scrub, scrubber } from '../../../src/lib/secrets';

const ACCOUNT = 'A1b2C3d4E5f6G7h8J9k0L1m2N3p4Q5r6S7t8U9v0wX';
const USER = 'Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa98765z';

describe('isSecretName', () => {
  test.each(
    [
      'x-api-key',
      'X-API-SECRET-KEY',
      'x_api_key',
      'x-api-kye',
      'accountKey',
      'userKey',
      'secretKey',
      'apiSecret',
      'api_secret',
      'RedisCloudApiKey',
      'REDISCLOUD_SECRET_KEY',
      'REDISCLOUD_ACCESS_KEY',
      'X-Secret',
      'Authorization',
      'Cookie',
      'set-cookie',
      'session',
      'x-auth-token',
      'accessToken',
      'password',
      'k',
    ].filter((n) => n !== 'k'),
  )('%s is a credential name', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  test.each([
    'keyName',
    'accountId',
    'content-type',
    'user-agent',
    'author',
    'allowedSourceIps',
    'path',
  ])('%s is not', (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});

describe('findSecrets in pastes', () => {
  const cases: [string, string][] = [
    [
      'URL user information',
      `curl -i https://${ACCOUNT}:${USER}@api.redislabs.com/v1/subscriptions`,
    ],
    ['--oauth2-bearer', `curl --oauth2-bearer ${ACCOUNT} https://api.redislabs.com/v1/`],
    ['--proxy-header', `curl --proxy-header "x-api-key: ${ACCOUNT}" https://api.redislabs.com/v1/`],
    ['JSON body', `curl -d '{"accountKey":"${ACCOUNT}","secretKey":"${USER}"}' https://x/v1/`],
    [
      '--data-urlencode',
      `curl --data-urlencode k=1 --data-urlencode apiKey=${ACCOUNT} https://x/v1/`,
    ],
    [
      'odd header names',
      `curl -H "accountKey: ${ACCOUNT}" -H "RedisCloudApiKey: ${USER}" https://x/`,
    ],
    ['cookie', `curl -b "session=${ACCOUNT}" https://x/`],
    ['smart quotes', `curl -H \u201cx-api-key: ${ACCOUNT}\u201d https://api.redislabs.com/v1/`],
    ['export', `export REDISCLOUD_SECRET_KEY=${ACCOUNT}\ncurl https://x/`],
    ['PowerShell', `$env:REDISCLOUD_ACCESS_KEY = "${ACCOUNT}"`],
    ['Python dict', `headers = {"x-api-key": "${ACCOUNT}", 'x-api-secret-key': '${USER}'}`],
    ['Basic auth', `curl -H "Authorization: Basic ${base64Utf8(`me:${ACCOUNT}`)}" https://x/`],
    ['curl -u', `curl -u me:${ACCOUNT} https://x/`],
    ['query parameter', `curl "https://x/v1/?api_key=${ACCOUNT}&a=1"`],
  ];
  test.each(cases)('%s', (_, paste) => {
    const secrets = findSecrets({ paste });
    expect(scrub(paste, secrets)).not.toContain(ACCOUNT.slice(10, 16));
  });

  test('a variable reference is not a secret, and the scheme word stays', () => {
    const secrets = findSecrets({
      paste: `curl -H "x-api-key: $ACCOUNT_KEY" -H "Authorization: Bearer ${ACCOUNT}"`,
    });
    expect(secrets).toContain(ACCOUNT);
    expect(secrets.some((s) => s.includes('ACCOUNT_KEY'))).toBe(false);
    expect(secrets).not.toContain('Bearer');
  });

  test.each([
    [
      'Terraform',
      'provider "rediscloud" {\n  api_key = var.rediscloud_api_key\n  secret_key = var.rediscloud_secret_key\n}',
    ],
    [
      'Python constants',
      'httpx.Client(headers={"x-api-key": API_KEY, "x-api-secret-key": SECRET_KEY})',
    ],
    [
      'an attribute',
      'requests.get(url, headers={"x-api-key": self.api_key, "x-api-secret-key": config.secret_key})',
    ],
    [
      'camel case',
      "fetch(url, { headers: { 'x-api-key': accountKey, 'x-api-secret-key': secretKey } })",
    ],
    ['an export of a reference', 'export REDISCLOUD_SECRET_KEY=SECRET_KEY'],
  ])(
    'a variable named where a key would stand (%s) is a name, not a secret: the app keeps its words',
    (_, paste) => {
      const secrets = findSecrets({ paste });
      expect(secrets).toEqual([]);
      const words =
        'Set the user key (x-api-secret-key, SECRET_KEY) for https://api.redislabs.com/v1/';
      expect(scrub(words, [...secrets, ACCOUNT])).toBe(words);
    },
  );

  test('a key-shaped value is a secret even where it looks like a name', () => {
    const key = 'Q7XK_P2LM_9VB4_NC8Z_D3FH';
    expect(findSecrets({ paste: `x-api-key: ${key}` })).toContain(key);
    expect(findSecrets({ paste: `api_key = var.${ACCOUNT}` }).join(' ')).toContain(ACCOUNT);
  });

  test.each([
    ['WWW-Authenticate', 'WWW-Authenticate: Basic realm="Redis Enterprise Software"'],
    ['Proxy-Authenticate', 'Proxy-Authenticate: Negotiate realm="Corporate Software Proxy"'],
  ])('a %s challenge is not a secret', (name, line) => {
    expect(isSecretName(name)).toBe(false);
    expect(scrub(line, findSecrets({ paste: line }))).toBe(line);
    expect(findSecrets({ paste: `${line}, token="${ACCOUNT}"` })).toContain(ACCOUNT);
  });

  test.each([
    [
      'a quoted URL',
      `curl -H "x-api-secret-key: ${USER}" "https://api.redislabs.com/v1/subscriptions"`,
    ],
    ['an option', `curl -H "x-api-secret-key: ${USER}" "-i" https://api.redislabs.com/v1/`],
    ['a shell word', `curl -H 'x-api-secret-key: ${USER}' 'https://api.redislabs.com/v1/'`],
    ['a word in a shell', `curl -d "apiSecret=${USER}" "name=db" https://api.redislabs.com/v1/`],
  ])('a quoted key followed by %s is that key alone, so the words after it stay', (_, paste) => {
    const secrets = findSecrets({ paste });
    expect(secrets).toContain(USER);
    expect(secrets.some((s) => s.length > USER.length && s.includes(USER))).toBe(false);
    expect(scrub(paste, secrets)).toContain('api.redislabs.com');
  });

  test("Python's side-by-side strings still join into one key", () => {
    const paste = `headers = {"x-api-key": ("${ACCOUNT.slice(0, 9)}" "${ACCOUNT.slice(9)}")}`;
    expect(findSecrets({ paste })).toContain(ACCOUNT);
  });

  test("a Postman pair's name is a name: the value is the secret, the header stays readable", () => {
    const header = [
      { key: 'x-api-key', value: ACCOUNT, type: 'text' },
      { value: USER, key: 'X-Api-Secret-Key' },
      { key: 'accept', value: 'application/json' },
    ];
    const collection = JSON.stringify({ item: [{ request: { header } }] }, null, 2);
    for (const secrets of [
      findSecrets({ paste: collection }),
      findSecrets({ paste: JSON.stringify({ header }) }),
      findSecrets({
        request: { method: 'POST', url: 'https://x/v1/', headers: [], body: collection },
      }),
    ]) {
      expect(secrets).toContain(ACCOUNT);
      expect(secrets).toContain(USER);
      expect(secrets.map((v) => v.toLowerCase())).not.toContain('x-api-key');
      expect(secrets.map((v) => v.toLowerCase())).not.toContain('x-api-secret-key');
      expect(secrets).not.toContain('application/json');
    }
    // A key written as a value of `key` is still a secret: only a credential's name is a name,
    // and a value with a digit is never taken for one, even when it ends like a name.
    expect(findSecrets({ paste: `{"key": "${ACCOUNT}"}` })).toContain(ACCOUNT);
    expect(findSecrets({ paste: '{"key": "a8Fq2LmXapiKey"}' })).toContain('a8Fq2LmXapiKey');
    expect(findSecrets({ paste: JSON.stringify({ key: 'Zq7userToken' }) })).toContain(
      'Zq7userToken',
    );
  });
});

describe('scrub', () => {
  const secrets = [ACCOUNT];
  test.each([
    ['the whole key', `echo ${ACCOUNT}`],
    ['a 6-character run', `saw ${ACCOUNT.slice(20, 26)} here`],
    ['a 7-character prefix', `key starts ${ACCOUNT.slice(0, 7)}`],
    ['lower case', ACCOUNT.toLowerCase()],
    ['base64', base64Utf8(ACCOUNT)],
    ['base64 inside Basic', base64Utf8(`user:${ACCOUNT}`)],
    ['URL-encoded', encodeURIComponent(`a b${ACCOUNT}`)],
  ])('removes %s', (_, text) => {
    const out = scrub(text, secrets);
    expect(scrubber(secrets).leaks(out)).toBe(false);
    expect(out).toContain('[redacted]');
  });

  test('leaves other text alone', () => {
    expect(scrub('The account key is wrong (HTTP 401).', secrets)).toBe(
      'The account key is wrong (HTTP 401).',
    );
  });

  test('a secret holding the marker still leaves no run', () => {
    const odd = 'ab[redacted]cd';
    const out = scrub(`x ${odd} y`, [odd]);
    expect(scrubber([odd]).leaks(out)).toBe(false);
  });
});

describe('safeView', () => {
  test('key headers hold fingerprints; an echo of the key in the answer is gone', async () => {
    const exchange: Exchange = {
      source: 'pasted',
      request: {
        method: 'GET',
        url: 'https://api.redislabs.com/v1/',
        headers: [
          { name: 'x-api-key', value: ACCOUNT },
          { name: 'X-Api-Secret-Key', value: USER },
        ],
      },
      response: {
        status: 401,
        statusText: `bad key ${USER.slice(0, 7)}`,
        headers: [{ name: 'x-echo', value: USER.toLowerCase() }],
        body: `{"error":"${USER}"}`,
        size: 10,
      },
    };
    const { exchange: safe, redactor } = await safeView(exchange);
    expect(safe.request.headers[0]?.value).toMatch(
      /^\[redacted sha256:[0-9a-f]{8} \(42 characters\)\]$/,
    );
    const text = JSON.stringify(safe);
    expect(redactor.leaks(text)).toBe(false);
    expect(text).not.toContain(USER.slice(0, 6));
    expect(safe.response?.body).toContain('[redacted sha256:');
  });
});
