/**
 * keycheck.mjs: the check a customer runs on their own machine (Node 18 or later, nothing to
 * install), built from src/lib by `npm run build` (scripts/cli-bundle.js). A thin shell over lib,
 * like src/browser: it reads the command line and the environment, calls lib, and prints.
 */
import { EXIT_INTERNAL, EXIT_USAGE, exitCodeOf, exitCodeTable } from './exit-codes';
import { UsageError, parseCli, type CliOptions } from './args';
import { runCheck } from './check';
import { runDiagnose } from './diagnose';
import { ensureNodeGlobals } from './node-compat';
import { startSandboxServer } from './sandbox-server';
import { render, useColor, type Format, type Streams } from './output';
import { main as relayMain } from '../../public/relay.js';

export interface CliDeps {
  env: Readonly<Record<string, string | undefined>>;
  streams: Streams;
  stdin: () => Promise<string>;
  now: () => Date;
}

const HELP = `Keycheck: tells you why a Redis Cloud API key does not work. Nothing to install; Node 18 or later.

Usage:
  node keycheck.mjs check [--path /v1/...] [--json | --markdown]
      Sends GET /v1/ to the Redis Cloud API with the keys from the environment and explains the
      answer, condition by condition; with --path, one more GET. Keys are read from
      REDISCLOUD_ACCESS_KEY (the account key) and REDISCLOUD_SECRET_KEY (the user key), as the
      Terraform provider and the Go client read them; the API's address from REDISCLOUD_URL
      (default https://api.redislabs.com/v1).
  node keycheck.mjs diagnose [file | -] [--response file] [--entry n] [--json | --markdown]
      Reads what a customer pasted (a curl command and its output, a HAR, a tool's log...) and
      prints the same report as the web page's Diagnose view. Nothing is sent.
  node keycheck.mjs relay [--port n] [--origin url] [--target url | --sandbox]
      The local relay for the web page (see node keycheck.mjs relay --help); with --sandbox it
      forwards to the built-in simulated API.

Options:
  --account-key-env NAME  Read the account key from NAME instead of REDISCLOUD_ACCESS_KEY.
  --user-key-env NAME     Read the user key from NAME instead of REDISCLOUD_SECRET_KEY.
  --path /v1/...          check: one more GET, after GET /v1/ answered ok.
  --sandbox               check, relay: ask Keycheck's built-in simulated API instead (no network).
  --profile ID            With --sandbox: use a demo profile's keys (see the list below).
  --json                  One JSON document for machines (verdict, exit code, checklist, report).
  --markdown              The report alone, in Markdown, to paste into a ticket.
  --no-color              No colour (colour is used on a terminal only, never with NO_COLOR).
  -h, --help              This text.

Keys never go on the command line: an argument that holds one is refused. Nothing printed,
logged or written holds a key: keys are shown by fingerprint (sha256 prefix and length).

Exit codes (the verdict of the last request checked):
${exitCodeTable()}
`;

const DEMO_IDS =
  'Demo profiles: sandbox-owner, sandbox-viewer, sandbox-logs-viewer, sandbox-billing-admin,\nsandbox-member, sandbox-ip-allow-list, sandbox-mismatched-pair, sandbox-wrong-user-key, sandbox-api-disabled.\n';

/** Runs one command line; resolves to the exit code. */
export async function run(argv: readonly string[], deps: CliDeps): Promise<number> {
  const { streams } = deps;
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (error) {
    return fail(error, streams);
  }
  if (options.command === 'help') {
    streams.out.write(`${HELP}\n${DEMO_IDS}`);
    return 0;
  }
  if (options.command === 'relay') {
    const rest = options.rest.filter((arg) => arg !== '--sandbox');
    if (rest.length < options.rest.length) {
      if (rest.some((arg) => arg === '--target' || arg.startsWith('--target='))) {
        return fail(
          new UsageError('relay: --sandbox and --target name two targets; give one.'),
          streams,
        );
      }
      // The relay forwards to the sandbox on a loopback port, as it would to the API.
      rest.push('--target', (await startSandboxServer()).url);
    }
    relayMain(rest, { ...deps.env }, 'node keycheck.mjs relay');
    return -1;
  }
  const format: Format = options.json ? 'json' : options.markdown ? 'markdown' : 'text';
  try {
    const done =
      options.command === 'check'
        ? await runCheck(options, deps.env, deps.now)
        : await runDiagnose(options, deps.stdin, deps.now);
    if (options.command === 'diagnose' && options.sandbox) {
      streams.err.write('Keycheck: diagnose sends nothing, so --sandbox changes nothing here.\n');
    }
    const color = format === 'text' && useColor(streams.out, deps.env, options.color);
    streams.out.write(render(done.outcomes, format, color, done.redactor));
    const last = done.outcomes[done.outcomes.length - 1];
    return exitCodeOf(last?.checklist.verdict ?? 'unknown');
  } catch (error) {
    return fail(error, streams);
  }
}

function fail(error: unknown, streams: Streams): number {
  if (error instanceof UsageError) {
    streams.err.write(`Keycheck: ${error.message}\n`);
    return EXIT_USAGE;
  }
  // A bug: its name only, since a runtime message could repeat what it was given.
  streams.err.write(
    `Keycheck failed unexpectedly (${error instanceof Error ? error.name : 'unknown error'}). Please report it.\n`,
  );
  return EXIT_INTERNAL;
}

function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    process.stderr.write(
      'Keycheck: paste the text, then press Ctrl+D (on Windows: Ctrl+Z, then Enter).\n',
    );
  }
  return new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => (text += chunk));
    process.stdin.on('end', () => resolve(text));
    process.stdin.on('error', reject);
  });
}

ensureNodeGlobals();
// Output piped into a command that stops reading (`| head`) is not an error of the check.
process.stdout.on('error', () => undefined);
const code = await run(process.argv.slice(2), {
  env: process.env,
  streams: { out: process.stdout, err: process.stderr },
  stdin: readStdin,
  now: () => new Date(),
});
// The relay keeps running until stopped; every other command ends here.
if (code >= 0) process.exitCode = code;
