import { describe, expect, test } from 'vitest';
import { headerValue } from '../../../src/lib/core/exchange';
import {
  parseRequestPaste,
  parseResponsePaste,
  pastedExchange,
} from '../../../src/lib/paste/paste';
import type { RequestPaste, ResponsePaste } from '../../../src/lib/paste/result';
import { fixture } from './fixtures';

function request(text: string): RequestPaste {
  const result = parseRequestPaste(text);
  if (!result.ok)
    throw new Error(`${result.error.message} at ${result.error.line}:${result.error.column}`);
  return result.value;
}

function response(text: string): ResponsePaste {
  const result = parseResponsePaste(text);
  if (!result.ok)
    throw new Error(`${result.error.message} at ${result.error.line}:${result.error.column}`);
  return result.value;
}

describe('the Request box tells the formats apart', () => {
  test.each([
    ['docs-logs.sh', 'curl'],
    ['windows-cmd.txt', 'curl'],
    ['powershell.txt', 'curl'],
    ['raw-request.http', 'http'],
    ['chromium.har', 'har'],
    ['curl-verbose.txt', 'curl-verbose'],
  ])('%s is read as %s', (name, format) => {
    expect(request(fixture(name)).format).toBe(format);
  });

  test('something else gets a message naming what it accepts', () => {
    const result = parseRequestPaste('\n\nplease help, my key does not work');
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({
        line: 3,
        column: 1,
        message: expect.stringMatching(/curl command.*HAR/),
      }),
    });
  });

  test('an empty box says so', () => {
    expect(parseRequestPaste('  \n').ok).toBe(false);
  });
});

test('a raw HTTP request: host from the Host header, https assumed and said', () => {
  const [candidate] = request(fixture('raw-request.http')).candidates;
  expect(candidate?.request).toEqual({
    method: 'GET',
    url: 'https://api.redislabs.com/v1/',
    headers: [
      { name: 'Host', value: 'api.redislabs.com' },
      { name: 'User-Agent', value: 'python-requests/2.31.0' },
      { name: 'Accept', value: 'application/json' },
      { name: 'x-api-key', value: 'A1b2C3d4E5f6G7h8I9j0' },
      { name: 'x-api-secret-key', value: 'S1t2U3v4W5x6Y7z8A9b0' },
    ],
  });
  expect(candidate?.notes[0]?.message).toMatch(/https is assumed/);
});

test('a raw HTTP/2 request copied from developer tools, with pseudo-headers', () => {
  const [candidate] = request(
    ':method: POST\n:authority: api.redislabs.com\n:scheme: https\n:path: /v1/subscriptions\nx-api-key: abc\n\n{"a":1}',
  ).candidates;
  expect(candidate?.request).toEqual({
    method: 'POST',
    url: 'https://api.redislabs.com/v1/subscriptions',
    headers: [{ name: 'x-api-key', value: 'abc' }],
    body: '{"a":1}',
  });
});

test('a header line without a colon is an error on that line', () => {
  const result = parseRequestPaste('GET /v1/ HTTP/1.1\nHost: api.redislabs.com\nx-api-key abc\n');
  expect(result).toMatchObject({ ok: false, error: { line: 3, column: 1 } });
});

describe('a Chromium HAR', () => {
  const paste = request(fixture('chromium.har'));

  test('offers only the entries to the API host, each with a label', () => {
    expect(paste.candidates.map((c) => c.label)).toEqual([
      '#2 GET /v1/ -> 401',
      '#3 GET /v1/subscriptions -> no answer',
    ]);
  });

  test("keeps the entry's own response, decoded, and leaves out HTTP/2 pseudo-headers", () => {
    const entry = paste.candidates[0];
    expect(entry?.request.headers.map((h) => h.name)).toEqual([
      'accept',
      'origin',
      'x-api-key',
      'x-api-secret-key',
    ]);
    expect(entry?.response?.status).toBe(401);
    expect(entry?.response?.body).toContain('401 Authorization Required');
    expect(entry).toMatchObject({ startedAt: '2025-01-17T09:34:25.602Z', durationMs: 201.7 });
  });

  test('status 0 with net::ERR_FAILED is a failure, not a response', () => {
    expect(paste.candidates[1]?.failure?.kind).toBe('cors');
    expect(paste.candidates[1]?.response).toBeUndefined();
  });

  test("the entry's response counts when the Response box is empty; a pasted one wins", () => {
    const entry = paste.candidates[0];
    if (!entry) throw new Error('no entry');
    expect(pastedExchange(entry, response('')).response?.status).toBe(401);
    expect(pastedExchange(entry, response('403')).response?.status).toBe(403);
    expect(pastedExchange(entry, null).source).toBe('pasted');
  });

  test('invalid JSON points at where it broke and does not quote the paste', () => {
    const text = '{"log": {"entries": [\n  {"request": {"x-api-key": A1b2C3d4}}\n]}}';
    const result = parseRequestPaste(text);
    expect(result).toMatchObject({ ok: false, error: { line: 2, column: 29 } });
    if (!result.ok) expect(result.error.message).toMatch(/not valid JSON: expected a value/);
    if (!result.ok) expect(result.error.message).not.toContain('A1b2');
  });

  test('with no entry to the API host, every entry is offered', () => {
    const har = JSON.stringify({
      log: {
        entries: [{ request: { method: 'GET', url: 'https://example.test/a', headers: [] } }],
      },
    });
    expect(request(har).candidates.map((c) => c.label)).toEqual(['#1 GET /a']);
  });
});

test('curl -v output: > lines are the request, < lines and the body the response', () => {
  const [candidate] = request(fixture('curl-verbose.txt')).candidates;
  expect(candidate?.request.url).toBe('https://api.redislabs.com/v1/');
  expect(headerValue(candidate?.request.headers ?? [], 'x-api-key')).toBe('A1b2C3d4E5f6G7h8I9j0');
  expect(candidate?.response).toMatchObject({ status: 401, statusText: '' });
  expect(headerValue(candidate?.response?.headers ?? [], 'server')).toBe('nginx');
  expect(candidate?.response?.body).toMatch(/^<html>\n<head><title>401/);
  expect(candidate?.response?.body).not.toMatch(/bytes data|Connection #0/);
  expect(candidate?.label).toBe('GET /v1/ -> 401');
});

describe('the Response box', () => {
  test('curl -i after a redirect: the last response counts', () => {
    const value = response(fixture('curl-i-redirect.txt'));
    expect(value.response).toMatchObject({ status: 429, body: '{"error":"Too many requests"}' });
    expect(headerValue(value.response?.headers ?? [], 'x-rate-limit-retry-after-seconds')).toBe(
      '37',
    );
    expect(value.notes[0]?.message).toMatch(/301/);
  });

  test('after 100 Continue (CRLF line ends), the 404 counts with its Spring body', () => {
    const value = response(fixture('curl-i-continue.txt'));
    expect(value.response?.status).toBe(404);
    expect(JSON.parse(value.response?.body ?? '')).toMatchObject({ error: 'Not Found' });
  });

  test.each([
    ['401', 401, 'Unauthorized'.slice(0, 0)],
    ['401 Unauthorized', 401, 'Unauthorized'],
    ['HTTP/2 403', 403, ''],
    ['  429 Too Many Requests \n', 429, 'Too Many Requests'],
  ])('a status alone: %j', (text, status, statusText) => {
    expect(response(text)).toMatchObject({
      format: 'status-only',
      response: { status, statusText },
    });
  });

  test('a body alone has an unknown status', () => {
    const value = response('<html><head><title>401 Authorization Required</title></head></html>');
    expect(value).toMatchObject({ format: 'body-only', response: { status: null } });
  });

  test('nothing means no response', () => {
    expect(response(' \n ')).toEqual({ format: 'empty', response: null, notes: [] });
  });

  test('the < lines of curl -v pasted on their own', () => {
    const text = fixture('curl-verbose.txt')
      .split('\n')
      .filter((l) => !l.startsWith('>'))
      .join('\n');
    expect(response(text).response?.status).toBe(401);
  });
});
