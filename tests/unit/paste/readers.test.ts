import { describe, expect, test } from 'vitest';
import { headerValue } from '../../../src/lib/core/exchange';
import { parseRequestPaste, pastedExchange } from '../../../src/lib/paste/paste';
import type { PastedRequest, RequestPaste } from '../../../src/lib/paste/result';
import { expandedVariables, fillVariables } from '../../../src/lib/paste/variables';
import { fixture } from './fixtures';

function read(text: string): RequestPaste {
  const result = parseRequestPaste(text);
  if (!result.ok)
    throw new Error(`${result.error.message} at ${result.error.line}:${result.error.column}`);
  return result.value;
}

function only(text: string): PastedRequest {
  const { candidates } = read(text);
  expect(candidates).toHaveLength(1);
  return candidates[0] as PastedRequest;
}

const names = (c: PastedRequest) => expandedVariables(c).map((v) => v.name);
const secrets = (c: PastedRequest) => c.sensitive.map((s) => [s.source, s.value]);

describe('each format is recognised and named', () => {
  test.each([
    ['python-requests.py', 'python'],
    ['python-httpx.py', 'python'],
    ['node-axios.js.txt', 'javascript'],
    ['fetch.ts.txt', 'javascript'],
    ['node-https.js.txt', 'javascript'],
    ['powershell-irm.ps1', 'powershell'],
    ['powershell5-curl.ps1', 'powershell'],
    ['httpie.sh', 'httpie'],
    ['wget.sh', 'wget'],
    ['terraform-error.txt', 'go-client'],
    ['tf-log-debug.txt', 'terraform-log'],
    ['redisinsight.txt', 'redisinsight'],
    ['postman.json.txt', 'postman'],
    ['insomnia.json.txt', 'insomnia'],
    ['curl-with-output.txt', 'curl'],
    ['http-with-answer.http', 'http'],
    ['smart-quotes.txt', 'curl'],
  ])('%s is read as %s', (name, format) => {
    expect(read(fixture(name)).format).toBe(format);
  });
});

describe('Python', () => {
  test('requests: f-string URL, params, a header dict assigned first, os.environ asked for', () => {
    const c = only(fixture('python-requests.py'));
    expect(c.request).toEqual({
      method: 'GET',
      url: 'https://api.redislabs.com/v1/subscriptions?offset=0&limit=100',
      headers: [
        { name: 'accept', value: 'application/json' },
        { name: 'x-api-key', value: 'A1b2C3d4E5f6G7h8' },
        { name: 'x-api-secret-key', value: 'os.environ["REDISCLOUD_SECRET_KEY"]' },
      ],
    });
    expect(names(c)).toEqual(['REDISCLOUD_SECRET_KEY']);
    // The account key was assigned to a name first: lib/secrets is told.
    expect(secrets(c)).toEqual([['assignment', 'A1b2C3d4E5f6G7h8']]);
    // Typing the value fills it where the environment did.
    expect(
      headerValue(fillVariables(c, { REDISCLOUD_SECRET_KEY: 'typed' }).headers, 'x-api-secret-key'),
    ).toBe('typed');
  });

  test('httpx: a client with base_url and headers, then client.post with json=', () => {
    const c = only(fixture('python-httpx.py'));
    expect(c.request.method).toBe('POST');
    expect(c.request.url).toBe('https://api.redislabs.com/v1/subscriptions');
    expect(JSON.parse(c.request.body ?? '')).toEqual({
      name: 'cache-eu',
      dryRun: false,
      cloudProviders: [{ provider: 'AWS', regions: [{ region: 'eu-west-1' }] }],
    });
    expect(headerValue(c.request.headers, 'content-type')).toBe('application/json');
    expect(names(c)).toEqual(['REDISCLOUD_ACCESS_KEY', 'REDISCLOUD_SECRET_KEY']);
  });

  test('code without a call says what it looks like and where', () => {
    const result = parseRequestPaste('# helper\n\nimport requests\nprint("hello")\n');
    expect(result).toEqual({
      ok: false,
      error: {
        message: expect.stringMatching(/^This looks like Python code, but no requests or httpx/),
        line: 3,
        column: 1,
      },
    });
  });
});

describe('JavaScript', () => {
  test('axios.create with baseURL and headers, instance.get with params, process.env asked for', () => {
    const c = only(fixture('node-axios.js.txt'));
    expect(c.request.method).toBe('GET');
    expect(c.request.url).toBe(
      'https://api.redislabs.com/v1/subscriptions/${subscriptionId}/databases?offset=0&limit=50',
    );
    expect(headerValue(c.request.headers, 'x-api-key')).toBe('process.env.REDISCLOUD_ACCESS_KEY');
    expect(names(c).sort()).toEqual([
      'REDISCLOUD_ACCESS_KEY',
      'REDISCLOUD_SECRET_KEY',
      'subscriptionId',
    ]);
  });

  test('fetch in TypeScript, with a key in a constant', () => {
    const c = only(fixture('fetch.ts.txt'));
    expect(c.request).toEqual({
      method: 'GET',
      url: 'https://api.redislabs.com/v1/',
      headers: [
        { name: 'accept', value: 'application/json' },
        { name: 'x-api-key', value: 'Z9y8X7w6V5u4T3s2' },
        { name: 'x-api-secret-key', value: 'process.env.REDISCLOUD_SECRET_KEY' },
      ],
    });
    expect(secrets(c)).toEqual([['assignment', 'Z9y8X7w6V5u4T3s2']]);
  });

  test("Node's https.request options", () => {
    const c = only(fixture('node-https.js.txt'));
    expect(c.request.url).toBe('https://api.redislabs.com:443/v1/subscriptions');
    expect(names(c)).toEqual(['REDIS_ACCOUNT_KEY', 'REDIS_USER_KEY']);
  });
});

describe('PowerShell', () => {
  test('prompts, $env: assigned in the paste, a hashtable variable, backticks; the error echo is not a request', () => {
    const c = only(fixture('powershell-irm.ps1'));
    expect(c.request).toEqual({
      method: 'GET',
      url: 'https://api.redislabs.com/v1/subscriptions?offset=0',
      headers: [
        { name: 'x-api-key', value: 'Acc0unTkEy9876543' },
        { name: 'x-api-secret-key', value: '$env:REDISCLOUD_SECRET_KEY' },
        { name: 'accept', value: 'application/json' },
      ],
    });
    expect(names(c)).toEqual(['env:REDISCLOUD_SECRET_KEY']);
    expect(secrets(c)).toContainEqual(['assignment', 'Acc0unTkEy9876543']);
  });

  test('curl in Windows PowerShell 5 is Invoke-WebRequest; a hashtable piped to ConvertTo-Json', () => {
    const c = only(fixture('powershell5-curl.ps1'));
    expect(c.request.method).toBe('POST');
    expect(JSON.parse(c.request.body ?? '')).toEqual({ name: 'mydb', datasetSizeInGb: 1 });
    expect(headerValue(c.request.headers, 'content-type')).toBe('application/json');
    expect(headerValue(c.request.headers, 'x-api-secret-key')).toBe('Q1w2E3r4T5y6U7i8');
  });

  test('curl.exe is curl', () => {
    const { format } = read('curl.exe -H "x-api-key: $env:K" https://api.redislabs.com/v1/');
    expect(format).toBe('curl');
  });
});

test('HTTPie: method, headers (a shell variable kept), query items', () => {
  const c = only(fixture('httpie.sh'));
  expect(c.request).toEqual({
    method: 'GET',
    url: 'https://api.redislabs.com/v1/subscriptions?offset=0&limit=10',
    headers: [
      { name: 'accept', value: 'application/json' },
      { name: 'x-api-key', value: '$REDISCLOUD_ACCESS_KEY' },
      { name: 'x-api-secret-key', value: 'Q1w2E3r4T5y6U7i8' },
    ],
  });
  expect(names(c)).toEqual(['REDISCLOUD_ACCESS_KEY']);
});

test('HTTPie: JSON fields make a POST; -a is basic auth and secret', () => {
  const c = only(
    `http -a admin:s3cretPass https://api.redislabs.com/v1/subscriptions name=db size:=1`,
  );
  expect(c.request.method).toBe('POST');
  expect(JSON.parse(c.request.body ?? '')).toEqual({ name: 'db', size: 1 });
  expect(secrets(c)).toEqual([['config', 'admin:s3cretPass']]);
});

test('wget: --header in both forms, --method, a variable kept', () => {
  const c = only(fixture('wget.sh'));
  expect(c.request).toEqual({
    method: 'GET',
    url: 'https://api.redislabs.com/v1/',
    headers: [
      { name: 'accept', value: 'application/json' },
      { name: 'x-api-key', value: '$REDISCLOUD_ACCESS_KEY' },
      { name: 'x-api-secret-key', value: 'Q1w2E3r4T5y6U7i8' },
    ],
  });
  expect(only(`wget --post-data='a=1' https://x.test/`).request.method).toBe('POST');
});

describe('the Go client and Terraform never show the keys', () => {
  test("Terraform's framed error: the operation, the status and the nginx body", () => {
    const c = only(fixture('terraform-error.txt'));
    expect(c.request).toEqual({
      method: 'GET',
      url: 'https://api.redislabs.com/v1/subscriptions',
      headers: [],
    });
    expect(c.response?.status).toBe(401);
    expect(c.response?.body).toMatch(
      /^<html>\n<head><title>401 Authorization Required.*<\/html>$/s,
    );
    expect(c.keysNotShown).toMatch(/never prints the key headers/);
  });

  test('a TF_LOG dump: the request block and the response block after it', () => {
    const c = only(fixture('tf-log-debug.txt'));
    expect(c.request.url).toBe('https://api.redislabs.com/v1/subscriptions');
    expect(headerValue(c.request.headers, 'user-agent')).toMatch(/^terraform-provider-rediscloud/);
    expect(c.response?.status).toBe(401);
    expect(c.response?.body).toMatch(/<center>nginx<\/center>/);
    expect(c.keysNotShown).toBeTruthy();
  });

  test("RedisInsight's exception with its cause", () => {
    const c = only(fixture('redisinsight.txt'));
    expect(c.response?.status).toBe(401);
    expect(c.response?.body).toMatch(/^<html>\r\n<head><title>401/);
    expect(c.keysNotShown).toBeTruthy();
  });
});

describe('collections', () => {
  test('Postman: folders, collection auth, disabled headers left out, {{vars}} filled or asked for', () => {
    const { candidates } = read(fixture('postman.json.txt'));
    expect(candidates.map((c) => c.label)).toEqual([
      'GET /v1/',
      'POST /v1/subscriptions/2001/databases',
    ]);
    const [get, post] = candidates as [PastedRequest, PastedRequest];
    expect(get.request.url).toBe('https://api.redislabs.com/v1/');
    expect(get.request.headers.map((h) => h.name)).toEqual([
      'accept',
      'x-api-key',
      'x-api-secret-key',
      'x-api-key',
    ]);
    expect(names(get)).toEqual(['accountKey', 'secretKey']);
    expect(JSON.parse(post.request.body ?? '').name).toBe('cache');
  });

  test('Insomnia: the environment fills the base URL and the account key, which is secret', () => {
    const c = only(fixture('insomnia.json.txt'));
    expect(c.request.url).toBe('https://api.redislabs.com/v1/subscriptions');
    expect(headerValue(c.request.headers, 'x-api-key')).toBe('A1b2C3d4E5f6G7h8');
    expect(names(c)).toEqual(['user_key']);
    expect(secrets(c)).toEqual([['environment', 'A1b2C3d4E5f6G7h8']]);
  });

  test('an Insomnia YAML export (version 5) is named, with what to paste instead, at its type line', () => {
    const yaml = [
      '# Exported from Insomnia',
      'type: collection.insomnia.rest/5.0',
      'name: Redis Cloud',
      'collection:',
      '  - url: https://api.redislabs.com/v1/subscriptions',
      '    method: GET',
      '    headers:',
      '      - name: x-api-key',
      '        value: A1b2C3d4E5f6G7h8',
    ].join('\n');
    const result = parseRequestPaste(yaml);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/^This is an Insomnia export in its YAML format/);
    expect(result.error.message).toContain('Copy as Curl');
    expect(result.error.message).not.toContain('A1b2C3d4');
    expect([result.error.line, result.error.column]).toEqual([2, 1]);
  });
});

describe('curl, fully', () => {
  test('curl with one argument is curl, not a raw request with method "curl"', () => {
    const c = only('curl https://api.redislabs.com/v1/');
    expect(c.request).toEqual({ method: 'GET', url: 'https://api.redislabs.com/v1/', headers: [] });
  });

  test('several URLs: a candidate each, with the same headers', () => {
    const { candidates } = read(
      `curl -H 'x-api-key: k' https://api.redislabs.com/v1/ https://api.redislabs.com/v1/subscriptions`,
    );
    expect(candidates.map((c) => c.request.url)).toEqual([
      'https://api.redislabs.com/v1/',
      'https://api.redislabs.com/v1/subscriptions',
    ]);
    expect(candidates.every((c) => headerValue(c.request.headers, 'x-api-key') === 'k')).toBe(true);
  });

  test('--url, -r, -T, and files the paste does not show', () => {
    const c = only(`curl --url https://x.test/up -r 0-99 -T data.bin -H @headers.txt`);
    expect(c.request.method).toBe('PUT');
    expect(headerValue(c.request.headers, 'range')).toBe('bytes=0-99');
    expect(c.notes.map((n) => n.message).join(' ')).toMatch(
      /uploaded from a file.*Headers are read from a file/s,
    );
  });

  test('the value of an unknown option is secret and is not taken for the URL', () => {
    const c = only(
      `curl --aws-sigv4 'aws:amz:eu:execute-api' --oauth2-bearer T0kEnValue99 https://api.redislabs.com/v1/`,
    );
    expect(c.request.url).toBe('https://api.redislabs.com/v1/');
    expect(c.unknownOptions).toEqual(['--aws-sigv4', '--oauth2-bearer']);
    expect(secrets(c)).toEqual([
      ['unknown-option', 'aws:amz:eu:execute-api'],
      ['unknown-option', 'T0kEnValue99'],
    ]);
  });

  test('-u, user information and exported values are secret', () => {
    const c = only(
      `export ACCOUNT_KEY=A1b2C3d4E5f6G7h8\ncurl -u bob:hunter22 'https://ops:pw123456@api.redislabs.com/v1/' -H "x-api-key: $ACCOUNT_KEY"`,
    );
    expect(secrets(c)).toEqual([
      ['config', 'bob:hunter22'],
      ['userinfo', 'ops:pw123456'],
      ['userinfo', 'pw123456'],
      ['assignment', 'A1b2C3d4E5f6G7h8'],
    ]);
  });

  test('a curl command with its own -i output: split, the output is the response, a note says so', () => {
    const c = only(fixture('curl-with-output.txt'));
    expect(c.request.url).toBe('https://api.redislabs.com/v1/subscriptions');
    expect(c.request.headers).toHaveLength(3);
    expect(c.response?.status).toBe(401);
    expect(c.notes.map((n) => n.message)).toContainEqual(
      expect.stringMatching(/held the curl command and what it printed/),
    );
    // The Response box still wins when both are pasted.
    expect(
      pastedExchange(c, {
        format: 'status-only',
        response: { status: 403, statusText: '', headers: [], body: '', size: 0 },
        notes: [],
      }).response?.status,
    ).toBe(403);
  });

  test('a curl command with its -v output', () => {
    const c = only(
      `curl -v https://api.redislabs.com/v1/ -H 'x-api-key: k'\n*   Trying 1.2.3.4:443...\n* Connected to api.redislabs.com (1.2.3.4) port 443\n> GET /v1/ HTTP/2\n> Host: api.redislabs.com\n>\n< HTTP/2 401\n< server: nginx\n<\n<html>401</html>\n`,
    );
    expect(c.request.url).toBe('https://api.redislabs.com/v1/');
    expect(c.response?.status).toBe(401);
  });

  test('a raw request followed by its answer', () => {
    const c = only(fixture('http-with-answer.http'));
    expect(c.request.body).toBeUndefined();
    expect(c.response?.status).toBe(403);
    expect(c.notes.map((n) => n.message)).toContainEqual(
      expect.stringMatching(/held the request and its answer/),
    );
  });

  test('smart quotes: split as the shell would, a note with line and column, every piece secret', () => {
    const c = only(fixture('smart-quotes.txt'));
    // The shell passed `“https://...”` with the quote characters: no scheme curl knows.
    expect(c.request.url).toBe('http://“https://api.redislabs.com/v1/subscriptions”');
    // `-H “x-api-key:` is a header named `“x-api-key` with no value: curl removes it.
    expect(headerValue(c.request.headers, 'x-api-key')).toBeUndefined();
    const note = c.notes.find((n) => /Smart quotes/.test(n.message));
    expect(note).toMatchObject({ line: 3, column: 16 });
    expect(note?.message).not.toMatch(/A1b2C3/);
    expect(c.sensitive.filter((s) => s.source === 'smart-quotes').map((s) => s.value)).toEqual(
      expect.arrayContaining(['A1b2C3d4E5f6G7h8”', 'A1b2C3d4E5f6G7h8', 'Q1w2E3r4T5y6U7i8']),
    );
    for (const n of c.notes) expect(n.message).not.toMatch(/A1b2C3|Q1w2E3/);
    expect(c.label).not.toMatch(/A1b2C3|Q1w2E3/);
  });
});

describe('a HAR with a CORS preflight', () => {
  const entry = (
    method: string,
    status: number,
    headers: { name: string; value: string }[],
    error?: string,
  ) => ({
    startedDateTime: '2026-11-30T10:00:00.000Z',
    time: 40,
    request: { method, url: 'https://api.redislabs.com/v1/subscriptions', headers },
    response: {
      status,
      statusText: '',
      headers: [],
      content: { text: '' },
      ...(error ? { _error: error } : {}),
    },
  });
  const har = (entries: unknown[]) => JSON.stringify({ log: { version: '1.2', entries } });

  test('the real request is the candidate, with a cors failure; the preflight is not judged', () => {
    const { candidates } = read(
      har([
        entry('OPTIONS', 401, [
          { name: 'access-control-request-method', value: 'GET' },
          { name: 'access-control-request-headers', value: 'x-api-key,x-api-secret-key' },
        ]),
        entry('GET', 0, [{ name: 'x-api-key', value: 'k' }], 'net::ERR_FAILED'),
      ]),
    );
    expect(candidates).toHaveLength(1);
    const [c] = candidates as [PastedRequest];
    expect(c.request.method).toBe('GET');
    expect(c.failure).toMatchObject({
      kind: 'cors',
      message: expect.stringMatching(/preflight \(OPTIONS\) got 401/),
    });
    expect(c.notes.map((n) => n.message).join(' ')).toMatch(/never carries the keys/);
  });

  test('a preflight alone is kept, with a note that it carries no keys', () => {
    const { candidates } = read(
      har([entry('OPTIONS', 204, [{ name: 'Access-Control-Request-Method', value: 'GET' }])]),
    );
    expect(candidates[0]?.notes.map((n) => n.message).join(' ')).toMatch(/CORS preflight/);
  });
});

test('curl -K with the config lines pasted inline reads them as options', () => {
  const c = only(
    `curl -s -K - <<'EOF'\nurl = "https://api.redislabs.com/v1/subscriptions"\nheader = "x-api-key: A1b2C3d4E5f6G7h8"\nheader = "x-api-secret-key: Q1w2E3r4T5y6U7i8"\n-i\nEOF`,
  );
  expect(c.request).toEqual({
    method: 'GET',
    url: 'https://api.redislabs.com/v1/subscriptions',
    headers: [
      { name: 'x-api-key', value: 'A1b2C3d4E5f6G7h8' },
      { name: 'x-api-secret-key', value: 'Q1w2E3r4T5y6U7i8' },
    ],
  });
  expect(c.notes.map((n) => n.message).join(' ')).toMatch(/config lines in the paste/);
  const file = only('curl -K ~/.redis.curlrc https://api.redislabs.com/v1/');
  expect(file.notes.map((n) => n.message).join(' ')).toMatch(
    /config file \(-K\), which is not in the paste/,
  );
});

test('smart quotes inside straight quotes are text the customer meant: no note, nothing split', () => {
  const c = only(`curl -H 'x-note: say “hi”' https://api.redislabs.com/v1/`);
  expect(headerValue(c.request.headers, 'x-note')).toBe('say “hi”');
  expect(c.notes.some((n) => /Smart quotes/.test(n.message))).toBe(false);
  expect(c.sensitive).toEqual([]);
});

test("the Go client's failed task: the API answered 200, the task's own error is the body", () => {
  const c = only(
    '│ Error: 403 FORBIDDEN - SUBSCRIPTION_NOT_ACTIVE: Cannot create database, subscription is not active\n',
  );
  expect(c.response?.status).toBe(200);
  expect(c.response?.body).toMatch(/^403 FORBIDDEN - SUBSCRIPTION_NOT_ACTIVE: /);
  expect(c.keysNotShown).toBeTruthy();
});

describe("Postman's generated code, as customers paste it", () => {
  test.each([
    ['codegen-powershell.ps1', 'powershell'],
    ['codegen-fetch.js.txt', 'javascript'],
    ['codegen-axios.js.txt', 'javascript'],
    ['codegen-requests.py', 'python'],
  ])('%s: the same GET with its headers and no body', (name, format) => {
    const paste = read(fixture(name));
    expect(paste.format).toBe(format);
    const c = paste.candidates[0] as PastedRequest;
    expect(c.request.method).toBe('GET');
    expect(c.request.url).toBe('https://api.redislabs.com/v1/subscriptions');
    expect(c.request.body).toBeUndefined();
    expect(headerValue(c.request.headers, 'accept')).toBe('application/json');
    expect(headerValue(c.request.headers, 'x-api-key')).toBe('A1b2C3d4E5f6G7h8');
    expect(headerValue(c.request.headers, 'content-type')).toBeUndefined();
  });
});

test("Python's http.client, as Postman generates it: connection host, method, path, body, headers", () => {
  const c = only(fixture('codegen-http-client.py'));
  expect(c.request).toEqual({
    method: 'POST',
    url: 'https://api.redislabs.com/v1/subscriptions/2001/databases',
    headers: [
      { name: 'Content-Type', value: 'application/json' },
      { name: 'x-api-key', value: 'A1b2C3d4E5f6G7h8' },
      { name: 'x-api-secret-key', value: 'Q1w2E3r4T5y6U7i8' },
    ],
    body: '{"name":"cache","datasetSizeInGb":1}',
  });
});
