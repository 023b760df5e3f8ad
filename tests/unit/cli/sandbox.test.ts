/**
 * keycheck.mjs against the built-in sandbox: every demo profile's verdict and exit code, the
 * three output forms, and the command lines it refuses.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { DEMO_KEYS, DEMO_PROFILES } from '../../../src/lib/sandbox';
import { EXIT_CODES } from '../../../src/cli/exit-codes';
import { buildTemporaryCli, runCli } from './run-cli';

// Each test starts node at least once: on a busy machine that alone can pass vitest's 5 s.
vi.setConfig({ testTimeout: 60_000 });

let cli: Awaited<ReturnType<typeof buildTemporaryCli>>;
beforeAll(async () => {
  cli = await buildTemporaryCli();
}, 120_000);
afterAll(() => cli?.remove());

/** What the sandbox's GET /v1/ status means, as the checklist's verdict. */
const VERDICT_OF_STATUS = { 200: 'ok', 401: 'auth-failed', 403: 'forbidden' } as const;

describe('check --sandbox', () => {
  test.each(DEMO_PROFILES.map((p) => [p.id, p] as const))(
    "%s: the verdict of its GET /v1/ and that verdict's exit code",
    async (_id, profile) => {
      const run = await runCli(cli.file, ['check', '--sandbox', '--profile', profile.id, '--json']);
      const doc = JSON.parse(run.stdout);
      const verdict = VERDICT_OF_STATUS[profile.expectedStatus];
      expect(doc.verdict).toBe(verdict);
      expect(run.code).toBe(EXIT_CODES[verdict]);
      expect(doc.exitCode).toBe(run.code);
      expect(doc.results[0].request).toBe('GET https://sandbox.keycheck.invalid/v1/');
      expect(doc.results[0].checklist).toHaveLength(11);
      // The sandbox's ground truth comes along, labelled as such.
      expect(doc.results[0].sandboxInsideView.summary.length).toBeGreaterThan(0);
      for (const secret of [profile.accountKey, profile.userKey]) {
        expect(run.stdout).not.toContain(secret);
      }
      expect(run.stderr).toBe('');
    },
    30_000,
  );

  test('demo keys from the environment; the text form prints the checklist and the report, without colour off a terminal', async () => {
    const run = await runCli(cli.file, ['check', '--sandbox'], {
      REDISCLOUD_ACCESS_KEY: DEMO_KEYS.account1001,
      REDISCLOUD_SECRET_KEY: DEMO_KEYS.allowList,
    });
    expect(run.code).toBe(EXIT_CODES.forbidden);
    expect(run.stdout).toContain('Authentication checklist');
    expect(run.stdout).toMatch(/✗ Fail|\? Suspect/);
    expect(run.stdout).toContain('## Keycheck report');
    expect(run.stdout).toContain("The sandbox's inside view");
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/\u001b\[/);
    expect(run.stdout).not.toContain(DEMO_KEYS.allowList);
  });

  test('--markdown is the report alone; --path makes one more GET with what GET /v1/ taught', async () => {
    const run = await runCli(cli.file, [
      'check',
      '--sandbox',
      '--profile',
      'sandbox-viewer',
      '--path',
      '/v1/subscriptions',
      '--markdown',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('## Keycheck report')).toBe(true);
    expect(run.stdout).not.toContain('Authentication checklist');
    expect(run.stdout).toContain('`GET https://sandbox.keycheck.invalid/v1/`');
    expect(run.stdout).toContain('`GET https://sandbox.keycheck.invalid/v1/subscriptions`');
  });

  test('without what Node 18 lacks (AbortSignal.any, the crypto global), it still checks and fingerprints', async () => {
    const preload = fileURLToPath(new URL('as-on-node-18.mjs', import.meta.url));
    const run = await runCli(
      cli.file,
      ['check', '--sandbox', '--profile', 'sandbox-owner', '--markdown'],
      {},
      '',
      ['--import', preload],
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/`sha256:[0-9a-f]{8}`, 27 characters/);
  });

  test('a user key copied with a zero-width space: not sent, exit 18, the character named', async () => {
    const run = await runCli(cli.file, ['check', '--sandbox'], {
      REDISCLOUD_ACCESS_KEY: DEMO_KEYS.account1001,
      REDISCLOUD_SECRET_KEY: `${DEMO_KEYS.owner}\u200b`,
    });
    expect(run.code).toBe(EXIT_CODES['not-sent']);
    expect(run.stdout).toContain('U+200B');
    expect(run.stdout).not.toContain(DEMO_KEYS.owner);
  });

  test('a wrong pair stops after GET /v1/: --path is not sent', async () => {
    const run = await runCli(cli.file, [
      'check',
      '--sandbox',
      '--profile',
      'sandbox-wrong-user-key',
      '--path',
      '/v1/subscriptions',
      '--json',
    ]);
    expect(run.code).toBe(EXIT_CODES['auth-failed']);
    expect(JSON.parse(run.stdout).results).toHaveLength(1);
  });
});

describe('command lines keycheck.mjs refuses', () => {
  test.each([
    ['a --key option', ['check', '--key', 'abc']],
    ['an --api-secret=value option', ['check', '--sandbox', `--api-secret=${DEMO_KEYS.owner}`]],
    ['a key as an argument', ['check', '--sandbox', DEMO_KEYS.account1001]],
    ['a header line as an argument', ['check', `x-api-key: ${DEMO_KEYS.account1001}`]],
    ['a key named as the variable to read', ['check', '--account-key-env', 'demo-uk-4c6e8a0b2d95']],
    [
      'a key in --path',
      ['check', '--sandbox', '--path', '/v1/subscriptions?apiKey=abc123def456ghi'],
    ],
    [
      'an assignment as an argument',
      ['check', '--sandbox', 'REDISCLOUD_SECRET_KEY=abc123def456ghi'],
    ],
  ])(
    '%s: exit 2, a message pointing at the environment, the key not repeated',
    async (_name, args) => {
      const run = await runCli(cli.file, args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/REDISCLOUD_ACCESS_KEY|environment variable/);
      for (const secret of [...Object.values(DEMO_KEYS), 'abc']) {
        expect(run.stderr).not.toContain(secret);
      }
    },
  );

  test('no keys in the environment: exit 2, nothing sent, the variables named', async () => {
    const run = await runCli(cli.file, ['check']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('REDISCLOUD_ACCESS_KEY and REDISCLOUD_SECRET_KEY are not set');
  });

  test('REDISCLOUD_URL pointing elsewhere than the API or loopback: keys not sent, exit 2', async () => {
    const run = await runCli(cli.file, ['check'], {
      REDISCLOUD_URL: 'https://app.redislabs.com/v1',
      REDISCLOUD_ACCESS_KEY: DEMO_KEYS.account1001,
      REDISCLOUD_SECRET_KEY: DEMO_KEYS.owner,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('https://app.redislabs.com');
    expect(run.stderr).toContain('nothing was sent');
  });

  test('--help lists every exit code of the table', async () => {
    const run = await runCli(cli.file, ['--help']);
    expect(run.code).toBe(0);
    for (const [verdict, code] of Object.entries(EXIT_CODES)) {
      expect(run.stdout).toMatch(new RegExp(`^ +${code} +${verdict} `, 'm'));
    }
  });
});
