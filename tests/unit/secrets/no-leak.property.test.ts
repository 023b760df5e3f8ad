/**
 * The first promise, as a property: keys placed anywhere a customer puts them, in every paste
 * format Keycheck reads, never reach what it shows, stores or shares. The checker here is
 * independent of lib/secrets: every 6-character run of a key, compared without case, and of its
 * base64, must be absent.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SANDBOX_BASE_URL } from '../../../src/lib/core/checklist';
import type { SentRequest } from '../../../src/lib/core/exchange';
import { inspectPaste } from '../../../src/lib/inspect/paste';
import { inspectSent } from '../../../src/lib/inspect/sent';
import { toCurl, toFetch, toHttpie } from '../../../src/lib/paste/export';
import { parseRequestPaste, parseResponsePaste } from '../../../src/lib/paste/paste';
import { decodeShareFragment } from '../../../src/lib/report/share';
import { createSandbox } from '../../../src/lib/sandbox';
import { key, pieces } from '../../helpers/leak-keys';

/** The checklist's own words: its ids, verdicts, statuses and groups, and its docs links. */
const APP_OWNED = new Set(['id', 'primaryCause', 'verdict', 'group', 'status']);

/**
 * A checklist without what the app fills in from its own tables (docs links by id, item ids,
 * verdicts, statuses): no key can reach them, and a generated key may share six letters with
 * `enable-the-api` or `role-permits`. Every sentence and title stays checked.
 */
function withoutDocs(value: unknown): string {
  return JSON.stringify(value, (name: string, v: unknown) =>
    name === 'docs' || (APP_OWNED.has(name) && typeof v === 'string') ? undefined : v,
  );
}

function assertClean(where: string, text: string, keys: readonly string[]): void {
  const lower = text.toLowerCase();
  for (const k of keys) {
    for (const piece of pieces(k)) {
      if (lower.includes(piece)) {
        throw new Error(`${where} holds "${piece}" of a key: ${text.slice(0, 400)}`);
      }
    }
  }
}

const HOST = 'https://api.redislabs.com';
const html401 =
  '<html><head><title>401 Authorization Required</title></head><body><center>nginx</center></body></html>';

/** Where customers put keys: each returns the Request box's text for the two keys. */
const REQUESTS: Record<string, (a: string, u: string) => string> = {
  'curl headers': (a, u) => `curl -i -H "x-api-key: ${a}" -H "x-api-secret-key: ${u}" ${HOST}/v1/`,
  'curl, mixed-case headers': (a, u) =>
    `curl -H 'X-Api-Key: ${a}' -H 'X-API-SECRET-KEY: ${u}' ${HOST}/v1/subscriptions`,
  'URL user information': (a, u) => `curl -i https://${a}:${u}@api.redislabs.com/v1/subscriptions`,
  '--oauth2-bearer and --proxy-header': (a, u) =>
    `curl --oauth2-bearer ${a} --proxy-header "x-api-key: ${u}" ${HOST}/v1/`,
  'unknown options': (a, u) =>
    `curl --expand-header "x-api-secret-key: ${u}" --frobnicate ${a} ${HOST}/v1/`,
  'JSON body': (a, u) =>
    `curl -X POST ${HOST}/v1/subscriptions -d '{"accountKey":"${a}","secretKey":"${u}"}'`,
  '--data-urlencode': (a, u) =>
    `curl ${HOST}/v1/ -H "x-api-key: ${a}" --data-urlencode k=${a} --data-urlencode apiSecret=${u}`,
  'odd header names': (a, u) =>
    `curl -H "accountKey: ${a}" -H "userKey: ${u}" -H "RedisCloudApiKey: ${a}" ${HOST}/v1/`,
  'cookie and agent': (a, u) =>
    `curl -b "session=${a}" -A "agent ${u}" -H "x-api-secret-key: ${u}" ${HOST}/v1/`,
  'smart quotes': (a, u) =>
    `curl -H \u201cx-api-key: ${a}\u201d -H \u201cx-api-secret-key: ${u}\u201d ${HOST}/v1/`,
  'query parameters': (a, u) => `curl "${HOST}/v1/?api_key=${a}&secret=${u}"`,
  'variables assigned first': (a, u) =>
    `export REDISCLOUD_ACCESS_KEY=${a}\nexport REDISCLOUD_SECRET_KEY="${u}"\ncurl -H "x-api-key: $REDISCLOUD_ACCESS_KEY" ${HOST}/v1/`,
  'basic auth': (a, u) => `curl -u ${a}:${u} ${HOST}/v1/`,
  'Postman collection, basic auth': (a, u) =>
    JSON.stringify({
      info: {
        name: 'Redis Cloud',
        schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
      },
      auth: {
        type: 'basic',
        basic: [
          { key: 'username', value: a },
          { key: 'password', value: u },
        ],
      },
      item: [{ name: 'Account', request: { method: 'GET', url: `${HOST}/v1/` } }],
    }),
  'Postman collection, key headers and a bearer': (a, u) =>
    JSON.stringify({
      info: {
        name: 'Redis Cloud',
        schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
      },
      item: [
        {
          name: 'Account',
          request: {
            method: 'GET',
            url: `${HOST}/v1/`,
            header: [
              { key: 'x-api-key', value: a },
              { key: 'x-api-secret-key', value: u },
            ],
            auth: { type: 'bearer', bearer: [{ key: 'token', value: `${u}${a}` }] },
          },
        },
      ],
    }),
  'Insomnia export, basic auth': (a, u) =>
    JSON.stringify({
      _type: 'export',
      __export_format: 4,
      resources: [
        {
          _type: 'request',
          _id: 'req_1',
          name: 'Account',
          method: 'GET',
          url: `${HOST}/v1/`,
          headers: [{ name: 'x-api-key', value: a }],
          authentication: { type: 'basic', username: a, password: u },
        },
      ],
    }),
  'raw HTTP request': (a, u) =>
    `GET /v1/ HTTP/1.1\nHost: api.redislabs.com\nx-api-key: ${a}\nx-api-secret-key: ${u}\nAuthorization: Bearer ${a}\n`,
  'HAR with a body': (a, u) =>
    JSON.stringify({
      log: {
        version: '1.2',
        entries: [
          {
            startedDateTime: '2025-01-17T09:34:25.602Z',
            time: 120,
            request: {
              method: 'POST',
              url: `${HOST}/v1/subscriptions?token=${u}`,
              headers: [
                { name: 'x-api-key', value: a },
                { name: 'x-api-secret-key', value: u },
              ],
              postData: { mimeType: 'application/json', text: JSON.stringify({ apiSecret: u }) },
            },
            response: {
              status: 401,
              statusText: 'Unauthorized',
              headers: [{ name: 'content-type', value: 'text/html' }],
              content: { size: html401.length, mimeType: 'text/html', text: html401 },
            },
          },
        ],
      },
    }),
};

/** What customers paste as the answer, some echoing a key (as a proxy or a log might). */
const RESPONSES: Record<string, (a: string, u: string) => string> = {
  none: () => '',
  'nginx 401': () => `HTTP/2 401\nserver: nginx\ncontent-type: text/html\n\n${html401}`,
  'status text echoes the user key': (_, u) => `HTTP/1.1 401 Bad key ${u}\n\n`,
  'body echoes a 7-character prefix and the lower-case key': (a, u) =>
    `HTTP/1.1 403 Forbidden\ncontent-type: application/json\n\n{"error":"${u.slice(0, 7)} ${a.toLowerCase()}"}`,
  'key headers pasted in the answer': (a, u) =>
    `HTTP/1.1 401 Unauthorized\nx-api-key: ${a}\nx-api-secret-key: ${u}\n\n`,
};

describe('a pasted exchange', () => {
  test('every shape here reads as a request, so the checks below see what the app shows', () => {
    for (const [where, request] of Object.entries(REQUESTS)) {
      const read = parseRequestPaste(request('ACCOUNTKEY123456', 'USERKEY654321'));
      expect(read.ok && read.value.candidates.length > 0, where).toBe(true);
    }
  });

  for (const [where, request] of Object.entries(REQUESTS)) {
    test(`keys in ${where}: nothing shown, reported or linked holds a piece`, async () => {
      await fc.assert(
        fc.asyncProperty(
          key,
          key,
          fc.constantFrom(...Object.keys(RESPONSES)),
          async (a, u, answer) => {
            const keys = [a, u];
            const requestText = request(a, u);
            const responseText = RESPONSES[answer]!(a, u);
            const read = parseRequestPaste(requestText);
            const response = parseResponsePaste(responseText);
            if (!read.ok) return assertClean('the paste error', JSON.stringify(read.error), keys);
            if (!response.ok) {
              return assertClean('the answer error', JSON.stringify(response.error), keys);
            }
            for (const candidate of read.value.candidates) {
              const inspected = await inspectPaste({
                candidate,
                response: response.value,
                pasted: [requestText, responseText],
                at: new Date('2025-01-17T09:40:00Z'),
              });
              assertClean('the shown exchange', JSON.stringify(inspected.shown), keys);
              assertClean('the checklist', withoutDocs(inspected.checklist), keys);
              assertClean('the report', inspected.report, keys);
              assertClean('the notes', JSON.stringify(candidate.notes), keys);
              const fragment = await inspectedFragment(inspected);
              assertClean('the link', fragment, keys);
              const decoded = await decodeShareFragment(fragment);
              expect(decoded.ok).toBe(true);
              if (decoded.ok) assertClean('the opened link', withoutDocs(decoded.value), keys);
              // "Open in Playground", then "Copy as" without keys: the request the Playground builds.
              const opened = inspected.open(false);
              if (opened.ok) {
                const sent: SentRequest = {
                  method: opened.method,
                  url: `${opened.choice.baseUrl}${opened.path}`,
                  headers: [
                    { name: 'x-api-key', value: opened.choice.accountKey },
                    { name: 'x-api-secret-key', value: opened.choice.userKey },
                  ],
                  ...(opened.body === undefined ? {} : { body: opened.body }),
                };
                for (const copy of [toCurl, toFetch, toHttpie]) {
                  assertClean('copy as, without keys', copy(sent, { includeSecrets: false }), keys);
                }
              } else {
                assertClean('the refusal to open', opened.error, keys);
              }
            }
          },
        ),
        { numRuns: 12 },
      );
    }, 120_000);
  }
});

async function inspectedFragment(inspected: Awaited<ReturnType<typeof inspectPaste>>) {
  return inspected.shareFragment(new Date('2025-01-17T09:40:00Z'));
}

describe('a request sent from Keycheck', () => {
  test('keys in the path, the query, another header or the body: the safe exchange, the checklist, the inside view and the history entry hold none', async () => {
    const sandbox = createSandbox();
    const page = { origin: 'https://keycheck.example', protocol: 'https:' };
    await fc.assert(
      fc.asyncProperty(key, key, async (a, u) => {
        const inspected = await inspectSent(
          {
            baseUrl: SANDBOX_BASE_URL,
            method: 'POST',
            path: `/v1/subscriptions/${u}?apiKey=${a}`,
            headers: [
              { name: 'x-api-key', value: a },
              { name: 'x-api-secret-key', value: u },
              { name: 'x-custom', value: `copy of ${u}` },
            ],
            body: JSON.stringify({ name: 'db', secretKey: u, note: a }),
          },
          { sandbox, page },
        );
        const { exchange, checklist, insideView, history, learned, taskId } = inspected;
        const shown = { exchange, checklist, insideView, history, learned, taskId };
        assertClean('what inspectSent returns', withoutDocs(shown), [a, u]);
        assertClean('the history entry', JSON.stringify(inspected.history), [a, u]);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
