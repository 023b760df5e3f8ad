/**
 * keycheck.mjs's command line. Keys never come from it: an argument that is, or may be, a key
 * is refused before anything runs, and the refusal never repeats the argument.
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { findSecrets, isSecretName } from '../lib/secrets';

export type Command = 'check' | 'diagnose' | 'relay' | 'help';

export interface CliOptions {
  command: Command;
  json: boolean;
  markdown: boolean;
  sandbox: boolean;
  /** A sandbox demo profile's id (`--profile`). */
  profile?: string;
  accountKeyEnv: string;
  userKeyEnv: string;
  /** One more GET after `GET /v1/`. */
  path?: string;
  /** The paste to diagnose: a file name, or `-` for standard input. */
  file?: string;
  /** The answer, when the customer sent it apart from the request. */
  response?: string;
  /** Which request of a paste that holds several (a HAR, a ticket's attempts), from 1; none: the latest attempt, or a HAR's first entry. */
  entry?: number;
  /** false for --no-color; undefined: colour on a terminal only. */
  color?: boolean;
  /** The relay's own arguments. */
  rest: string[];
}

/** A command line Keycheck will not run; the message says what to do and never echoes a key. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const DEFAULT_ACCOUNT_KEY_ENV = 'REDISCLOUD_ACCESS_KEY';
export const DEFAULT_USER_KEY_ENV = 'REDISCLOUD_SECRET_KEY';

const OPTIONS = {
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
  sandbox: { type: 'boolean' },
  profile: { type: 'string' },
  'account-key-env': { type: 'string' },
  'user-key-env': { type: 'string' },
  path: { type: 'string' },
  response: { type: 'string' },
  entry: { type: 'string' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const ENV_REFUSAL = `Keys are read from the environment only, never from the command line (the shell's history and the process list would keep them). Set them, then run again:
  export ${DEFAULT_ACCOUNT_KEY_ENV}=...   (PowerShell: $env:${DEFAULT_ACCOUNT_KEY_ENV} = "...")
  export ${DEFAULT_USER_KEY_ENV}=...   (PowerShell: $env:${DEFAULT_USER_KEY_ENV} = "...")`;

const keyRefused = (index: number, why: string): UsageError =>
  new UsageError(`Argument ${index + 1} ${why}: nothing was sent.\n${ENV_REFUSAL}`);

/**
 * Refuses a command line that carries a key: an option named like a credential that is not one
 * of Keycheck's (`--key`, `--api-secret=...`), or a value `lib/secrets` finds a secret in. A
 * value that names an existing file is a file name (`diagnose ./ticket-a1B2c3d4e5F6g7H8.txt`, a
 * temporary folder's random suffix), whatever its shape: the file is read, not the name.
 */
function refuseKeys(argv: readonly string[], own: ReadonlySet<string>): void {
  argv.forEach((arg, i) => {
    const option = /^--?([^=]+)(?:=(.*))?$/s.exec(arg);
    if (option && !own.has(option[1] ?? '') && isSecretName(option[1] ?? '')) {
      throw keyRefused(i, 'names a key');
    }
    const value = option ? (option[2] ?? '') : arg;
    if (value !== '' && !existsSync(value) && findSecrets({ paste: [value] }).length > 0) {
      throw keyRefused(i, 'holds what looks like a key');
    }
  });
}

const OWN = new Set([...Object.keys(OPTIONS), 'h']);
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Reads the command line (the arguments after the script's name). Throws `UsageError`. */
export function parseCli(argv: readonly string[]): CliOptions {
  const [first = 'help', ...tail] = argv;
  const command: Command | undefined =
    first === '--help' || first === '-h' || first === 'help'
      ? 'help'
      : first === 'check' || first === 'diagnose' || first === 'relay'
        ? first
        : undefined;
  if (command === 'relay') {
    return { ...defaults('relay'), sandbox: tail.includes('--sandbox'), rest: relayArgs(tail) };
  }
  refuseKeys(argv, OWN);
  if (!command) {
    throw new UsageError(
      `The first argument must be a command: check, diagnose or relay (argument 1 is not one). Run with --help for the options.`,
    );
  }
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: tail, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's first sentence only: it names the option, never a value.
    const said = (error instanceof Error ? error.message : String(error)).split('. ')[0];
    throw new UsageError(`${said}. Run with --help for the options.`);
  }
  const { values, positionals } = parsed;
  const options: CliOptions = {
    ...defaults(values.help ? 'help' : command),
    json: values.json ?? false,
    markdown: values.markdown ?? false,
    sandbox: values.sandbox ?? false,
  };
  if (options.json && options.markdown) {
    throw new UsageError('Choose one of --json and --markdown.');
  }
  if (values['no-color']) options.color = false;
  if (values.profile !== undefined) options.profile = values.profile;
  for (const [flag, name] of [
    ['account-key-env', values['account-key-env']],
    ['user-key-env', values['user-key-env']],
  ] as const) {
    if (name === undefined) continue;
    if (!ENV_NAME.test(name)) {
      throw new UsageError(
        `--${flag} takes the name of an environment variable (letters, digits and _), not a value.`,
      );
    }
    if (flag === 'account-key-env') options.accountKeyEnv = name;
    else options.userKeyEnv = name;
  }
  if (values.path !== undefined) {
    if (!values.path.startsWith('/v1/')) {
      throw new UsageError('--path takes a path under /v1/, such as /v1/subscriptions.');
    }
    options.path = values.path;
  }
  if (values.response !== undefined) options.response = values.response;
  if (values.entry !== undefined) {
    if (!/^[1-9]\d{0,5}$/.test(values.entry)) {
      throw new UsageError('--entry takes the number of a request in the paste: 1, 2, ...');
    }
    options.entry = Number(values.entry);
  }
  if (command === 'check' && positionals.length > 0) {
    throw keyRefused(argv.indexOf(positionals[0] ?? ''), 'is not an option of check');
  }
  if (command === 'diagnose') {
    if (positionals.length > 1) {
      throw new UsageError(
        'diagnose reads one paste: give one file name, or - for standard input.',
      );
    }
    options.file = positionals[0] ?? '-';
  }
  return options;
}

function defaults(command: Command): CliOptions {
  return {
    command,
    json: false,
    markdown: false,
    sandbox: false,
    accountKeyEnv: DEFAULT_ACCOUNT_KEY_ENV,
    userKeyEnv: DEFAULT_USER_KEY_ENV,
    rest: [],
  };
}

/** The relay takes its own options (see its --help); keys are refused there too. */
function relayArgs(tail: readonly string[]): string[] {
  refuseKeys(tail, new Set(['port', 'origin', 'target', 'help', 'h', 'sandbox']));
  return [...tail];
}
