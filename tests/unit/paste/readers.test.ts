/*
 * What a reading means beyond "this text reads as that request" (those are samples, run by
 * samples.test.ts): filling what the customer's program filled, the Response box over the
 * paste's own answer, where a note points, and that no key reaches a message or a label.
 */
import { describe, expect, test } from 'vitest';
import { headerValue } from '../../../src/lib/core/exchange';
import { parseRequestPaste, pastedExchange } from '../../../src/lib/paste/paste';
import type { PastedRequest, RequestPaste } from '../../../src/lib/paste/result';
import { fillVariables } from '../../../src/lib/paste/variables';
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

test('a value typed for os.environ fills it where the environment did', () => {
  const c = only(fixture('python-requests.py'));
  expect(
    headerValue(fillVariables(c, { REDISCLOUD_SECRET_KEY: 'typed' }).headers, 'x-api-secret-key'),
  ).toBe('typed');
});

test('a curl command with its own -i output: the Response box still wins when both are pasted', () => {
  const c = only(fixture('curl-with-output.txt'));
  expect(c.response?.status).toBe(401);
  expect(
    pastedExchange(c, {
      format: 'status-only',
      response: { status: 403, statusText: '', headers: [], body: '', size: 0 },
      notes: [],
    }).response?.status,
  ).toBe(403);
});

test('smart quotes: the note points at line and column, and no key reaches a note or the label', () => {
  const c = only(fixture('smart-quotes.txt'));
  const note = c.notes.find((n) => /Smart quotes/.test(n.message));
  expect(note).toMatchObject({ line: 3, column: 16 });
  expect(c.sensitive.filter((s) => s.source === 'smart-quotes').map((s) => s.value)).toEqual(
    expect.arrayContaining(['A1b2C3d4E5f6G7h8”', 'A1b2C3d4E5f6G7h8', 'Q1w2E3r4T5y6U7i8']),
  );
  for (const n of c.notes) expect(n.message).not.toMatch(/A1b2C3|Q1w2E3/);
  expect(c.label).not.toMatch(/A1b2C3|Q1w2E3/);
});

test('smart quotes inside straight quotes are text the customer meant: no note, nothing secret', () => {
  const c = only(`curl -H 'x-note: say “hi”' https://api.redislabs.com/v1/`);
  expect(c.notes.some((n) => /Smart quotes/.test(n.message))).toBe(false);
  expect(c.sensitive).toEqual([]);
});

test('an Insomnia YAML export is named, with what to paste instead, and the message holds no key', () => {
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

test('a $env:-only paste is named without quoting the keys', () => {
  const result = parseRequestPaste('$env:REDISCLOUD_SECRET_KEY = "Q1w2E3r4T5y6U7i8"\n');
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.message).toMatch(/sets the keys/);
  expect(result.error.message).not.toMatch(/Q1w2E3/);
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
});
