import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseRequestPaste } from '../../../src/lib/paste/paste';
import { parseJavaScript } from '../../../src/lib/paste/javascript';
import { parsePowerShell } from '../../../src/lib/paste/powershell';
import { parsePython } from '../../../src/lib/paste/python';
import { REQUEST_READERS } from '../../../src/lib/paste/readers';
import type { ParseResult } from '../../../src/lib/paste/result';
import { expectWellPlaced, fixture } from './fixtures';

/** Pieces of every language's syntax, so the fuzzer reaches deep paths of each reader. */
const pieces = fc.constantFrom(
  ...[
    'requests.get(',
    'httpx.Client(',
    'client.post(',
    's = requests.Session()',
    'headers=',
    'params=',
    'json=',
    'data=',
    'auth=(',
    'os.environ[',
    'os.getenv(',
    'f"',
    "f'",
    '"""',
    "'''",
    '{',
    '}',
    '{{',
    '}}',
    '[',
    ']',
    '(',
    ')',
    ',',
    ':',
    '=',
    '==',
    ':=',
    '+',
    '**',
    '...',
    '#',
    '//',
    '/*',
    '*/',
    '`',
    '${',
    '$',
    '$env:',
    '@{',
    '@(',
    '$(',
    ';',
    '|',
    '\n',
    '\r\n',
    ' ',
    '`\n',
    '\\\n',
    '"',
    "'",
    '\\',
    'fetch(',
    'axios.get(',
    'axios({',
    'axios.create(',
    'https.request(',
    'process.env.K',
    "process.env['K']",
    'JSON.stringify(',
    'const h = ',
    'h[',
    '.set(',
    '.Add(',
    '.update(',
    'Invoke-RestMethod ',
    'irm ',
    'curl ',
    'curl.exe ',
    '-Uri ',
    '-Headers ',
    '-Method ',
    '-Body ',
    '| ConvertTo-Json',
    '@params',
    'PS C:\\> ',
    '>> ',
    'http ',
    'https ',
    'wget ',
    '--header=',
    '--method ',
    '--post-data=',
    '-a ',
    'x-api-key:',
    'x-api-key: ',
    'a==b',
    'k:=1',
    'https://api.redislabs.com/v1/',
    '/v1/',
    'failed to list subscriptions: 401 - ',
    '│ ',
    '╷',
    '╵',
    '---[ REQUEST ]---',
    '---[ RESPONSE ]---',
    '-----------',
    'GET /v1/ HTTP/1.1',
    'Host: h',
    'HTTP/1.1 401 Unauthorized',
    '<html>',
    'CloudCapiUnauthorizedException',
    'status code 401',
    '"cause":"',
    '"item":[',
    '"request":',
    '"header":[',
    '"url":',
    '"variable":[',
    '"resources":[',
    '"_type":"request"',
    '{{baseUrl}}',
    '{{ _.k }}',
    'null',
    'true',
    '0',
    '1e9',
    '“',
    '”',
    '‘',
    '\u200b',
    '\ud800',
    '\0',
    'redisctl ',
    'api cloud get /',
    'profile set p --api-key ',
    '[profiles.p]',
    'api_key = "',
    'api_secret = ',
    'provider "rediscloud" {',
    'secret_key = var.',
    'urllib.request.urlopen(',
    'Request(',
    '.add_header(',
    'wget --api-key ',
    'http --token ',
    ':/v1/',
    ':3000',
    '--default-scheme=https',
    'a[0][b]=',
    'tags[]=',
    '^"',
    '<<EOF\n',
    '\nEOF',
    'xhr.open(',
    'New-Object System.Net.WebClient',
    '.format(',
    '" % (',
  ],
);
const pasteLike = fc.array(pieces, { maxLength: 50 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), pasteLike);

/** Every reader of the registry, and the registry's own walk. */
const readers: Record<string, (text: string) => ParseResult<unknown>> = {
  ...Object.fromEntries(REQUEST_READERS.map((r) => [r.format, (t: string) => r.read(t)])),
  parseRequestPaste,
};
/** `npm test` runs a thousand inputs per reader; `npm run fuzz` runs a hundred thousand. */
const RUNS = Number(process.env.FUZZ_RUNS) || 1_000;

describe.each(Object.entries(readers))('%s', (_name, read) => {
  test(`never throws, and errors point inside the input (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expectWellPlaced(text, read(text));
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});

test('prefixes of every new sample are read or refused with a placed error, by every reader', () => {
  const samples = [
    'python-requests.py',
    'python-httpx.py',
    'node-axios.js.txt',
    'fetch.ts.txt',
    'node-https.js.txt',
    'powershell-irm.ps1',
    'powershell5-curl.ps1',
    'httpie.sh',
    'wget.sh',
    'terraform-error.txt',
    'tf-log-debug.txt',
    'redisinsight.txt',
    'postman.json.txt',
    'insomnia.json.txt',
    'curl-with-output.txt',
    'http-with-answer.http',
    'smart-quotes.txt',
  ].map(fixture);
  for (const sample of samples) {
    const step = Math.max(1, Math.floor(sample.length / 60));
    for (let cut = 0; cut <= sample.length; cut += step) {
      const text = sample.slice(0, cut);
      for (const read of Object.values(readers)) expectWellPlaced(text, read(text));
    }
  }
}, 120_000);

test('1 MB of code is read in linear time', () => {
  const big = [
    `import requests\nh = {${'"a": "b", '.repeat(60_000)}}\nrequests.get("https://x.test/", headers=h)`,
    `const h = {${"'a': `${b}`, ".repeat(60_000)}};\nfetch('https://x.test/', { headers: h });`,
    `$h = @{${'\'a\' = "$b"; '.repeat(60_000)}}\nInvoke-RestMethod -Uri https://x.test/ -Headers $h`,
    `${'('.repeat(500_000)}`,
    `${'{'.repeat(500_000)}`,
    `f"${'{'.repeat(500_000)}`,
  ];
  for (const text of big) {
    for (const read of [parsePython, parseJavaScript, parsePowerShell, parseRequestPaste]) {
      const started = performance.now();
      const result = read(text);
      // A hang guard, not a speed target: a super-linear blowup on 1 MB takes minutes.
      expect(performance.now() - started).toBeLessThan(10_000);
      expectWellPlaced(text, result);
    }
  }
}, 120_000);
