import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ACCOUNT_KEY, KEY_HEADERS, USER_KEY, call, startFakeApi } from './fake-api';

const RELAY = fileURLToPath(new URL('../../../public/relay.js', import.meta.url));

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Runs the relay as a user would, `node relay.js ...`, collecting what it prints. */
function run(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const child = spawn(process.execPath, [RELAY, ...args], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

let api: Awaited<ReturnType<typeof startFakeApi>>;
let running: Run | undefined;
beforeEach(async () => {
  api = await startFakeApi();
});
afterEach(async () => {
  if (running) {
    running.child.kill('SIGTERM');
    await running.exited;
    running = undefined;
  }
  await api.close();
});

describe('node relay.js', () => {
  test('prints the base URL to put in a profile, relays, and logs without keys', async () => {
    running = run(['--port', '0', '--origin', 'https://keycheck.example'], {
      KEYCHECK_RELAY_TARGET: api.url,
    });
    const started = running;
    // The banner's lines may arrive in separate chunks: wait for the last one shown here.
    await expect
      .poll(() => started.stdout(), { timeout: 5000 })
      .toContain(`Forwarding /v1/ requests to ${api.url}`);
    const base = /use (http:\/\/127\.0\.0\.1:\d+) as the profile's API base URL/.exec(
      started.stdout(),
    )?.[1];
    expect(base).toBeDefined();

    const answer = await call(`${base}/v1/?token=${USER_KEY}`, {
      headers: { ...KEY_HEADERS, origin: 'https://keycheck.example' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe('https://keycheck.example');

    await expect.poll(() => started.stdout()).toMatch(/^GET \/v1\/ 200 \d+ms$/m);
    const printed = started.stdout() + started.stderr();
    expect(printed).not.toContain(ACCOUNT_KEY);
    expect(printed).not.toContain(USER_KEY);
  });

  test('--target wins over KEYCHECK_RELAY_TARGET', async () => {
    running = run(['--port', '0', '--target', api.url], {
      KEYCHECK_RELAY_TARGET: 'https://api.redislabs.com',
    });
    const started = running;
    await expect
      .poll(() => started.stdout(), { timeout: 5000 })
      .toContain(`Forwarding /v1/ requests to ${api.url}`);
  });

  test.each([
    [['--target', 'http://api.redislabs.com'], {}],
    [[], { KEYCHECK_RELAY_TARGET: 'http://10.1.2.3:8080' }],
  ])('a non-https, non-loopback target stops it with exit code 2 (%j %j)', async (args, env) => {
    const refused = run(['--port', '0', ...args], env);
    expect(await refused.exited).toBe(2);
    expect(refused.stderr()).toMatch(
      /refused: plain http is allowed only to a loopback address .* Use https\./,
    );
    expect(refused.stdout()).not.toContain('API base URL');
  });

  test('a bad option or port stops it with exit code 2 and points to --help', async () => {
    const badPort = run(['--port', 'eighty']);
    expect(await badPort.exited).toBe(2);
    expect(badPort.stderr()).toContain('--port "eighty" is not a port number');
    const unknown = run(['--listen', '0.0.0.0']);
    expect(await unknown.exited).toBe(2);
    expect(unknown.stderr()).toContain('--help');
  });

  test('--help prints the usage and exits', async () => {
    const help = run(['--help']);
    expect(await help.exited).toBe(0);
    expect(help.stdout()).toMatch(/^Usage: node relay\.js \[options\]$/m);
    for (const option of ['--port', '--origin', '--target', 'KEYCHECK_RELAY_TARGET']) {
      expect(help.stdout()).toContain(option);
    }
  });

  test('importing the module starts nothing', async () => {
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', `await import(${JSON.stringify(RELAY)});`],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    // A listening server would keep the process alive past this.
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve(-1);
      }, 5000);
      child.on('exit', (exit) => {
        clearTimeout(timer);
        resolve(exit);
      });
    });
    expect(code).toBe(0);
    expect(out).toBe('');
  });
});
