/**
 * keycheck.mjs against a real HTTP server on 127.0.0.1 that answers like the Redis Cloud API
 * (REDISCLOUD_URL points the check at it, as it points the Go client): what a customer's terminal
 * would meet. Also the no-leak property: keys the server echoes back never reach stdout or
 * stderr, in any output form.
 */
import fc from 'fast-check';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { EXIT_CODES } from '../../../src/cli/exit-codes';
import { key, leakedPiece } from '../../helpers/leak-keys';
import { buildTemporaryCli, runCli } from './run-cli';
import { accountBody, NGINX_401 } from '../auth/helpers';

const ACCOUNT_KEY = 'Acct9f3c2e7d1b5a8c4e6f0a2b';
const USER_KEY = 'User4b8d2f6a0c9e1d3b5f7a9c';
/** The current account, as GET /v1/ answers it, for a key whose allow list excludes the caller. */
const ACCOUNT_BODY = accountBody(['10.0.0.0/24'], '203.0.113.9');

type Mode = '200-outside' | '401' | '403' | '429' | 'echo-401';
let mode: Mode = '401';
const seen: IncomingHttpHeaders[] = [];
let server: Server;
let base = '';
// Each test starts node at least once: on a busy machine that alone can pass vitest's 5 s.
vi.setConfig({ testTimeout: 60_000 });

let cli: Awaited<ReturnType<typeof buildTemporaryCli>>;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers);
    const ok =
      req.headers['x-api-key'] === ACCOUNT_KEY && req.headers['x-api-secret-key'] === USER_KEY;
    if (mode === '200-outside' && ok) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(ACCOUNT_BODY);
    } else if (mode === '403') {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end('');
    } else if (mode === '429') {
      res.writeHead(429, { 'x-rate-limit-retry-after-seconds': '37' });
      res.end('');
    } else if (mode === 'echo-401') {
      // A server that repeats what it was sent: the printed output must still hold no key.
      res.writeHead(401, {
        'content-type': 'text/html',
        'x-seen-key': String(req.headers['x-api-key']),
      });
      res.end(
        `${NGINX_401}<!-- ${req.headers['x-api-key']} ${req.headers['x-api-secret-key']} -->`,
      );
    } else {
      res.writeHead(401, { 'content-type': 'text/html', server: 'nginx' });
      res.end(NGINX_401);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  cli = await buildTemporaryCli();
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await cli?.remove();
});

const KEYS = { REDISCLOUD_ACCESS_KEY: ACCOUNT_KEY, REDISCLOUD_SECRET_KEY: USER_KEY };

async function check(m: Mode, args: string[] = [], env: Record<string, string> = KEYS) {
  mode = m;
  const run = await runCli(cli.file, ['check', '--json', ...args], {
    REDISCLOUD_URL: base,
    ...env,
  });
  for (const secret of Object.values(env)) {
    expect(leakedPiece(run.stdout + run.stderr, [secret])).toBeNull();
  }
  return { ...run, doc: JSON.parse(run.stdout) };
}

interface Item {
  id: string;
  status: string;
  summary: string;
}
const item = (doc: { results: { checklist: Item[] }[] }, id: string) =>
  doc.results[0]?.checklist.find((i) => i.id === id);

describe('check against a server that answers like the API', () => {
  test('sends GET /v1/ with both keys from the environment, as the Go client does', async () => {
    seen.length = 0;
    await check('401');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.['x-api-key']).toBe(ACCOUNT_KEY);
    expect(seen[0]?.['x-api-secret-key']).toBe(USER_KEY);
  });

  test('--account-key-env and --user-key-env name other variables', async () => {
    seen.length = 0;
    const run = await check(
      '200-outside',
      ['--account-key-env', 'MY_ACCT', '--user-key-env', 'MY_USER'],
      {
        MY_ACCT: ACCOUNT_KEY,
        MY_USER: USER_KEY,
      },
    );
    expect(seen[0]?.['x-api-key']).toBe(ACCOUNT_KEY);
    expect(run.doc.results[0].request).toBe(`GET ${base}/`);
  });

  test('a 200 whose allow list excludes the address the API saw: condition 3 is judged from the answer', async () => {
    const run = await check('200-outside');
    const sourceIp = item(run.doc, 'source-ip') as Item;
    expect(sourceIp.status).not.toBe('pass');
    expect(sourceIp.summary).toContain('203.0.113.9');
    expect(sourceIp.summary).toContain('10.0.0.0/24');
    expect(run.code).toBe(EXIT_CODES[run.doc.verdict]);
  });

  test('the nginx 401 page: auth-failed, exit 10', async () => {
    const run = await check('401');
    expect(run.doc.verdict).toBe('auth-failed');
    expect(run.code).toBe(10);
    expect(item(run.doc, 'reached-api')).toMatchObject({ status: 'pass' });
  });

  test('a 403: forbidden, exit 11, the keys not claimed valid', async () => {
    const run = await check('403');
    expect(run.doc.verdict).toBe('forbidden');
    expect(run.code).toBe(11);
    expect(item(run.doc, 'keys-valid')).not.toMatchObject({ status: 'pass' });
  });

  test('a 429 with its retry header: rate-limited, exit 12, the header in the report', async () => {
    const run = await check('429');
    expect(run.doc.verdict).toBe('rate-limited');
    expect(run.code).toBe(12);
    expect(run.doc.results[0].report).toContain('x-rate-limit-retry-after-seconds: 37');
  });

  test('a refused connection: unreachable, exit 16', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const run = await runCli(cli.file, ['check', '--json'], {
      ...KEYS,
      REDISCLOUD_URL: `http://127.0.0.1:${port}/v1`,
    });
    expect(JSON.parse(run.stdout).verdict).toBe('unreachable');
    expect(run.code).toBe(16);
  });
});

describe('no key reaches stdout or stderr', () => {
  test('keys the server echoes back, in the text, --json and --markdown forms', async () => {
    mode = 'echo-401';
    await fc.assert(
      fc.asyncProperty(
        key,
        key,
        fc.constantFrom([], ['--json'], ['--markdown']),
        async (a, u, form) => {
          const run = await runCli(cli.file, ['check', ...form], {
            REDISCLOUD_URL: base,
            REDISCLOUD_ACCESS_KEY: a,
            REDISCLOUD_SECRET_KEY: u,
          });
          expect(run.code).toBe(10);
          expect(leakedPiece(run.stdout, [a, u])).toBeNull();
          expect(leakedPiece(run.stderr, [a, u])).toBeNull();
        },
      ),
      { numRuns: 9 },
    );
  }, 120_000);
});
