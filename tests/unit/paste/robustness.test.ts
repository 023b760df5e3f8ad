import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseCurlCommand } from '../../../src/lib/paste/curl-command';
import { parseCurlVerbose } from '../../../src/lib/paste/curl-verbose';
import { parseHar } from '../../../src/lib/paste/har';
import { parseRequestPaste, parseResponsePaste } from '../../../src/lib/paste/paste';
import type { ParseResult } from '../../../src/lib/paste/result';
import { expectWellPlaced, fixture } from './fixtures';

/** `npm test` runs a thousand inputs per reader; `npm run fuzz` runs a hundred thousand. */
const RUNS = Number(process.env.FUZZ_RUNS) || 1_000;

const parsers: Record<string, (text: string) => ParseResult<unknown>> = {
  parseCurlCommand: (t) => parseCurlCommand(t),
  'parseCurlCommand (cmd)': (t) => parseCurlCommand(t, { dialect: 'cmd' }),
  'parseCurlCommand (powershell)': (t) => parseCurlCommand(t, { dialect: 'powershell' }),
  parseCurlVerbose,
  parseHar,
  parseRequestPaste,
  parseResponsePaste,
};

/** Text made of the pieces these formats are built from, so the fuzzer reaches deep paths. */
const pieces = fc.constantFrom(
  'curl ',
  '-H ',
  '-X',
  'POST',
  '--json ',
  '-d',
  '-G',
  '-u',
  '--url',
  '-sSLk',
  ' ',
  '\n',
  '\r\n',
  '\\\n',
  '^\r\n',
  '`\n',
  "'",
  '"',
  '$',
  '${',
  '$(',
  '`',
  '%',
  'KEY',
  '%K%',
  '$env:K',
  ':',
  ';',
  '&&',
  '|',
  '>',
  '2>',
  '#',
  'https://api.redislabs.com/v1/',
  'x-api-key: ',
  '> ',
  '< ',
  '* ',
  'HTTP/1.1 401 Unauthorized',
  'HTTP/2 200',
  'GET /v1/ HTTP/1.1',
  'Host: h',
  ':method: GET',
  '{',
  '}',
  '[',
  ']',
  '"log"',
  '"entries"',
  ',',
  'null',
  '0',
  '\\',
  '\u200b',
  '\ud800',
  '\0',
);
const pasteLike = fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), pasteLike);

describe.each(Object.entries(parsers))('%s', (_name, parse) => {
  test(`never throws, and errors point inside the input (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expectWellPlaced(text, parse(text));
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});

describe('truncated, binary and large pastes', () => {
  const samples = [
    'docs-logs.sh',
    'windows-cmd.txt',
    'powershell.txt',
    'raw-request.http',
    'chromium.har',
    'curl-verbose.txt',
    'curl-i-redirect.txt',
  ].map(fixture);

  test('prefixes of every sample are read or refused with a placed error', () => {
    for (const sample of samples) {
      const step = Math.max(1, Math.floor(sample.length / 400));
      for (let cut = 0; cut <= sample.length; cut += step) {
        const text = sample.slice(0, cut);
        for (const parse of Object.values(parsers)) expectWellPlaced(text, parse(text));
      }
    }
    // Thousands of parses: generous room on a loaded machine; speed lives in the benchmark.
  }, 60_000);

  test('binary noise is refused or read, never thrown', () => {
    const bytes = new Uint8Array(64 * 1024);
    let seed = 7;
    for (let i = 0; i < bytes.length; i++)
      bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    const text = new TextDecoder('latin1').decode(bytes);
    for (const parse of Object.values(parsers)) expectWellPlaced(text, parse(text));
  });

  const megabyte = 1024 * 1024;
  const large: Record<string, string> = {
    'one long header value': `curl https://api.redislabs.com/v1/ -H "x-api-key: ${'a'.repeat(megabyte)}"`,
    'many short options': `curl https://api.redislabs.com/v1/ ${'-s '.repeat(megabyte / 3)}`,
    'many headers': `curl https://api.redislabs.com/v1/ ${'-H "a: $B" \\\n'.repeat(megabyte / 13)}`,
    'many variables in one word': `curl "https://x.test/${'$a'.repeat(megabyte / 2)}"`,
    'many literal variables': `curl 'https://x.test/${'$a'.repeat(megabyte / 2)}'`,
    'unclosed quote at the start': `curl "${'x'.repeat(megabyte)}`,
    'many unclosed ${': `curl ${'${'.repeat(megabyte / 2)}`,
    'many lost continuations': `curl https://x.test/${'\n-s'.repeat(megabyte / 3)}`,
    'raw request with a huge body': `POST /v1/ HTTP/1.1\nHost: h\n\n${'x\n'.repeat(megabyte / 2)}`,
    'raw request with many headers': `GET /v1/ HTTP/1.1\n${'a: b\n'.repeat(megabyte / 5)}`,
    'curl -i with many status blocks': 'HTTP/1.1 100 Continue\n\n'.repeat(megabyte / 24),
    'curl -v with many rounds': '> GET / HTTP/1.1\n> Host: h\n>\n< HTTP/1.1 301 Moved\n<\n'.repeat(
      megabyte / 50,
    ),
    'deeply nested JSON': `{"log":${'['.repeat(megabyte)}`,
    // Each `+` once copied every operand before it: 35,000 operands took 12 s.
    'a Python string of many "a" + operands': `import requests\nrequests.get("https://api.redislabs.com/v1/" + ${'"a" + '.repeat(megabyte / 6)}"a")`,
    'a JavaScript string of many "a" + operands': `await fetch("https://api.redislabs.com/v1/" + ${'"a" + '.repeat(megabyte / 6)}"a");`,
    'a HAR with many entries': JSON.stringify({
      log: {
        entries: Array.from({ length: 5000 }, () => ({
          request: {
            method: 'GET',
            url: 'https://api.redislabs.com/v1/',
            headers: [{ name: 'x-api-key', value: 'k'.repeat(150) }],
          },
          response: { status: 401, content: { text: 'x' } },
        })),
      },
    }),
  };

  test.each(Object.entries(large))(
    '%s: 1 MB is read in linear time',
    (_name, text) => {
      for (const parse of [
        parsers.parseRequestPaste,
        parsers.parseResponsePaste,
        parsers.parseCurlCommand,
      ]) {
        const started = performance.now();
        const result = parse?.(text);
        // A hang guard, not a speed target (scripts print those): a super-linear blowup on 1 MB
        // takes minutes, a linear read milliseconds, so the bound can be generous.
        expect(performance.now() - started).toBeLessThan(10_000);
        if (result) expectWellPlaced(text, result);
      }
      // Three parsers of 1 MB each, on a busy 2-core machine: the 10 s guard above is the bound.
    },
    60_000,
  );
});
