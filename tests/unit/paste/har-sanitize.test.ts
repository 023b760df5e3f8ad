import { describe, expect, test } from 'vitest';
import { parseHar } from '../../../src/lib/paste/har';
import { sanitizeHar } from '../../../src/lib/paste/har-sanitize';
import { fixture } from './fixtures';

const ACCOUNT = 'A1b2C3d4E5f6G7h8';
const USER = 'Q1w2E3r4T5y6U7i8';

/** A HAR as Chromium writes it for a page that called the API, keys in HTTP/2 lower case. */
const har = JSON.stringify(
  {
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      pages: [],
      entries: [
        {
          startedDateTime: '2026-11-30T10:00:00.000Z',
          time: 120.5,
          request: {
            method: 'POST',
            url: `https://ops:pa55word1@api.redislabs.com/v1/subscriptions?offset=0&access_token=${USER}`,
            httpVersion: 'h2',
            headers: [
              { name: ':authority', value: 'api.redislabs.com' },
              { name: 'x-api-key', value: ACCOUNT },
              { name: 'X-Api-Secret-Key', value: USER },
              { name: 'cookie', value: 'session=abcdef123456' },
              { name: 'accept', value: 'application/json' },
            ],
            queryString: [
              { name: 'offset', value: '0' },
              { name: 'access_token', value: USER },
            ],
            cookies: [{ name: 'session', value: 'abcdef123456' }],
            postData: {
              mimeType: 'application/json',
              text: JSON.stringify({
                name: 'db',
                password: 'hunter2hunter2',
                nested: { apiSecret: 'zzzzzzzzzz' },
              }),
            },
            headersSize: -1,
            bodySize: 60,
          },
          response: {
            status: 401,
            statusText: '',
            httpVersion: 'h2',
            headers: [
              { name: 'content-type', value: 'text/html' },
              { name: 'set-cookie', value: 'track=zyxwvu987654; Path=/' },
            ],
            cookies: [],
            content: { size: 20, mimeType: 'text/html', text: `<html>echo ${ACCOUNT}</html>` },
            redirectURL: '',
            headersSize: -1,
            bodySize: 20,
          },
          cache: {},
          timings: { send: 0, wait: 100, receive: 1 },
        },
      ],
    },
  },
  null,
  2,
);

describe('a sanitized HAR', () => {
  test('holds no key, cookie or credential value, anywhere', async () => {
    const result = await sanitizeHar(har);
    if (!result.ok) throw new Error(result.error.message);
    const text = result.value.text;
    for (const secret of [
      ACCOUNT,
      USER,
      'pa55word1',
      'abcdef123456',
      'zyxwvu987654',
      'hunter2hunter2',
      'zzzzzzzzzz',
    ]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.slice(0, 8));
    }
    expect(result.value.replaced).toBeGreaterThanOrEqual(9);
  });

  test('keeps everything else, so it still reads as a HAR with the same entry', async () => {
    const result = await sanitizeHar(har);
    if (!result.ok) throw new Error(result.error.message);
    const parsed = JSON.parse(result.value.text);
    const entry = parsed.log.entries[0];
    expect(entry.request.method).toBe('POST');
    expect(entry.timings).toEqual({ send: 0, wait: 100, receive: 1 });
    expect(entry.request.headers[4]).toEqual({ name: 'accept', value: 'application/json' });
    expect(entry.request.headers[1].value).toMatch(
      /^\[redacted sha256:[0-9a-f]{8} \(16 characters\)\]$/,
    );
    expect(JSON.parse(entry.request.postData.text).name).toBe('db');
    expect(entry.response.status).toBe(401);
    // The key headers keep their fingerprints, so the diagnosis can still compare them.
    const read = parseHar(result.value.text);
    expect(read.ok && read.value[0]?.request.url).toMatch(
      /^https:\/\/.*@api\.redislabs\.com\/v1\/subscriptions\?offset=0&access_token=/,
    );
  });

  test('the Chromium sample keeps its entries and loses its keys', async () => {
    const sample = fixture('chromium.har');
    const result = await sanitizeHar(sample);
    if (!result.ok) throw new Error(result.error.message);
    expect(JSON.parse(result.value.text).log.entries).toHaveLength(
      JSON.parse(sample).log.entries.length,
    );
    const keys = JSON.parse(sample)
      .log.entries.flatMap(
        (e: { request: { headers: { name: string; value: string }[] } }) => e.request.headers,
      )
      .filter((h: { name: string }) => /^x-api-(secret-)?key$/i.test(h.name))
      .map((h: { value: string }) => h.value);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(result.value.text).not.toContain(key);
  });

  test('text that is not a HAR file is refused with a placed error, never quoted', async () => {
    const result = await sanitizeHar(`{"log": {"entries": [ {"x": "${ACCOUNT}" ]}}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).not.toContain(ACCOUNT);
    expect((await sanitizeHar('{"log": {}}')).ok).toBe(false);
  });
});
