/**
 * `keycheck.mjs diagnose` on paste files: the same report as the web page's Diagnose (the lib's
 * own pipeline run here on the same text), the verdict's exit code, standard input, and no key
 * of the paste in anything printed.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { EXIT_CODES } from '../../../src/cli/exit-codes';
import { diagnosePaste } from '../../../src/lib/inspect/diagnose-paste';
import { key, leakedPiece } from '../../helpers/leak-keys';
import { buildTemporaryCli, runCli } from './run-cli';

// Each test starts node at least once: on a busy machine that alone can pass vitest's 5 s.
vi.setConfig({ testTimeout: 60_000 });

let cli: Awaited<ReturnType<typeof buildTemporaryCli>>;
beforeAll(async () => {
  cli = await buildTemporaryCli();
}, 120_000);
afterAll(() => cli?.remove());

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/paste/${name}`, import.meta.url));

/** The report without the time it was made. */
const untimed = (report: string) =>
  report.replace(/Made with Keycheck at `[^`]*`/, 'Made with Keycheck at `T`');

/** What the web page's Diagnose (its worker runs this function) makes of `request` (and `response`). */
async function webReport(request: string, response = '') {
  const read = await diagnosePaste({ request, response, at: new Date().toISOString() });
  if (!read.inspection) throw new Error('fixture not readable');
  return read.inspection;
}

describe('diagnose <file>', () => {
  test.each([
    'curl-with-output.txt',
    'chromium.har',
    'terraform-error.txt',
    'tf-log-debug.txt',
    'powershell.txt',
    'redisinsight.txt',
  ])("%s: the web page's report, and the exit code of its verdict", async (name) => {
    const run = await runCli(cli.file, ['diagnose', fixture(name), '--markdown']);
    const web = await webReport(readFileSync(fixture(name), 'utf8'));
    expect(untimed(run.stdout)).toBe(untimed(`${web.report.trimEnd()}\n`));
    expect(run.code).toBe(EXIT_CODES[web.checklist.verdict]);
  });

  test('a whole ticket: the latest attempt is judged, every attempt is listed, --entry picks another', async () => {
    const ticket = [
      'Hi team, this worked yesterday:',
      '',
      '$ curl -i -H "x-api-key: $A" -H "x-api-secret-key: $U" https://api.redislabs.com/v1/subscriptions',
      'HTTP/1.1 200 OK',
      'content-type: application/json',
      '',
      '{"accountId":1001,"subscriptions":[]}',
      '',
      'and today the same command prints:',
      '',
      '$ curl -i -H "x-api-key: $A" -H "x-api-secret-key: $U" https://api.redislabs.com/v1/subscriptions',
      'HTTP/1.1 401 Unauthorized',
      'content-type: text/html',
      '',
      '<html><head><title>401 Authorization Required</title></head><body><center><h1>401 Authorization Required</h1></center><hr><center>nginx</center></body></html>',
      '',
      'Thanks, Sam',
    ].join('\n');
    const latest = await runCli(cli.file, ['diagnose', '-', '--json'], {}, ticket);
    const web = await webReport(ticket);
    expect(JSON.parse(latest.stdout).verdict).toBe(web.checklist.verdict);
    expect(latest.code).toBe(EXIT_CODES['auth-failed']);
    const text = await runCli(cli.file, ['diagnose', '-', '--no-color'], {}, ticket);
    expect(text.stdout).toMatch(/holds 2 attempts/);
    const first = await runCli(cli.file, ['diagnose', '-', '--entry', '1', '--json'], {}, ticket);
    expect(JSON.parse(first.stdout).verdict).not.toBe('auth-failed');
    const none = await runCli(cli.file, ['diagnose', '-', '--entry', '3'], {}, ticket);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/holds 2 request/);
  });

  test('- reads standard input; --response adds the answer the customer sent apart', async () => {
    const request =
      'curl -H "x-api-key: $A" -H "x-api-secret-key: $U" https://api.redislabs.com/v1/subscriptions';
    const run = await runCli(cli.file, ['diagnose', '-', '--json'], {}, request);
    const doc = JSON.parse(run.stdout);
    expect(doc.results[0].request).toBe(
      'GET https://api.redislabs.com/v1/subscriptions (as pasted)',
    );
    const answerFile = join(await mkdtemp(join(tmpdir(), 'keycheck-answer-')), 'answer.txt');
    await writeFile(answerFile, 'HTTP/1.1 403 Forbidden\ncontent-type: application/json\n\n');
    const answered = await runCli(
      cli.file,
      ['diagnose', '-', '--response', answerFile, '--json'],
      {},
      request,
    );
    expect(answered.stderr).toBe('');
    expect(JSON.parse(answered.stdout).verdict).toBe('forbidden');
    expect(answered.code).toBe(EXIT_CODES[JSON.parse(answered.stdout).verdict]);
  });

  test('a file name with a random-looking part is a file, not a key; the same text that names no file is refused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keycheck-'));
    const name = join(dir, 'ticket-a1B2c3D4e5F6g7H8i9J0.txt');
    await writeFile(name, 'curl -i https://api.redislabs.com/v1/\nHTTP/1.1 401 Unauthorized\n\n');
    const read = await runCli(cli.file, ['diagnose', name, '--json']);
    expect(read.stderr).toBe('');
    expect(JSON.parse(read.stdout).verdict).toBeDefined();
    const refused = await runCli(cli.file, ['diagnose', join(dir, 'a1B2c3D4e5F6g7H8i9J0k')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/looks like a key/);
  });

  test('a paste that cannot be read: exit 2 and where', async () => {
    const run = await runCli(cli.file, ['diagnose', '-'], {}, '{"log": {"entries": [');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/line \d+, column \d+/);
  });

  test('a file that does not exist: exit 2, its name not repeated', async () => {
    const run = await runCli(cli.file, ['diagnose', '/nonexistent/ticket-4711.txt']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ENOENT');
    expect(run.stderr).not.toContain('ticket-4711');
  });

  test('keys in the paste reach neither stdout nor stderr, in any output form', async () => {
    await fc.assert(
      fc.asyncProperty(
        key,
        key,
        fc.constantFrom([], ['--json'], ['--markdown']),
        async (a, u, form) => {
          const paste = `export REDISCLOUD_SECRET_KEY="${u}"\ncurl -i -H "x-api-key: ${a}" -H "x-api-secret-key: $REDISCLOUD_SECRET_KEY" https://api.redislabs.com/v1/\nHTTP/1.1 401 Unauthorized\nserver: nginx\n\n<html><head><title>401 Authorization Required</title></head><!-- ${a} --><body><center><h1>401 Authorization Required</h1></center><hr><center>nginx</center></body></html>`;
          const run = await runCli(cli.file, ['diagnose', '-', ...form], {}, paste);
          expect(run.code).toBe(EXIT_CODES['auth-failed']);
          expect(leakedPiece(run.stdout, [a, u])).toBeNull();
          expect(leakedPiece(run.stderr, [a, u])).toBeNull();
        },
      ),
      { numRuns: 9 },
    );
  }, 120_000);
});
