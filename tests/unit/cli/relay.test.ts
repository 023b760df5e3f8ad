/**
 * `keycheck.mjs relay` is the relay that relay.js runs (public/relay.js, carried in the bundle):
 * same banner, same forwarding, no key in its log; and importing it does not start it.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { ACCOUNT_KEY, KEY_HEADERS, USER_KEY, call, startFakeApi } from '../relay/fake-api';
import { DEMO_KEYS } from '../../../src/lib/sandbox';
import { buildTemporaryCli, runCli } from './run-cli';

// Each test starts node at least once: on a busy machine that alone can pass vitest's 5 s.
vi.setConfig({ testTimeout: 60_000 });

let cli: Awaited<ReturnType<typeof buildTemporaryCli>>;
let api: Awaited<ReturnType<typeof startFakeApi>>;
beforeAll(async () => {
  cli = await buildTemporaryCli();
  api = await startFakeApi();
}, 120_000);
afterAll(async () => {
  await api?.close();
  await cli?.remove();
});

test('relays /v1/ requests to its target and logs no key', async () => {
  const child = spawn(process.execPath, [cli.file, 'relay', '--port', '0', '--target', api.url], {
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    await expect
      .poll(() => out, { timeout: 10_000 })
      .toContain(`Forwarding /v1/ requests to ${api.url}`);
    const base = /use (http:\/\/127\.0\.0\.1:\d+) as the profile's API base URL/.exec(out)?.[1];
    const answer = await call(`${base}/v1/`, { headers: KEY_HEADERS });
    expect(answer.status).toBe(200);
    await expect.poll(() => out, { timeout: 5000 }).toMatch(/GET \/v1\/ 200/);
    expect(out).not.toContain(ACCOUNT_KEY);
    expect(out).not.toContain(USER_KEY);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
});

test('relay --help names the command it was started as', async () => {
  const run = await runCli(cli.file, ['relay', '--help']);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^Usage: node keycheck\.mjs relay \[options\]$/m);
});

test('relay --sandbox forwards to the built-in sandbox: the demo keys work with no network', async () => {
  const child = spawn(process.execPath, [cli.file, 'relay', '--port', '0', '--sandbox'], {
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    await expect.poll(() => out, { timeout: 10_000 }).toContain('Forwarding /v1/ requests to');
    const base = /use (http:\/\/127\.0\.0\.1:\d+) as the profile's API base URL/.exec(out)?.[1];
    const answer = await call(`${base}/v1/`, {
      headers: { 'x-api-key': DEMO_KEYS.account1001, 'x-api-secret-key': DEMO_KEYS.owner },
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).account.id).toBe(1001);
    const refused = await call(`${base}/v1/`, {
      headers: { 'x-api-key': DEMO_KEYS.account1001, 'x-api-secret-key': DEMO_KEYS.wrongUser },
    });
    expect(refused.status).toBe(401);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
});
