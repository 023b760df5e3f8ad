/**
 * `keycheck.mjs check`: GET /v1/ with the keys from the environment, through the app's one send
 * sequence (`inspectSent`: lib/api's client with Node's fetch, or the sandbox), then optionally
 * one more GET with what the first answer taught (the allow list and the address the API saw).
 */
import { isConnectAllowed } from '../lib/api/connect-policy';
import { ACCOUNT_KEY_HEADER, SANDBOX_BASE_URL, USER_KEY_HEADER } from '../lib/core/checklist';
import type { Header } from '../lib/core/exchange';
import { inspectSent, type SentInspection } from '../lib/inspect/sent';
import { buildReport, keyFingerprints } from '../lib/report/report';
import { DEMO_PROFILES, createSandbox } from '../lib/sandbox';
import { createRedactor, findSecrets, type Redactor } from '../lib/secrets';
import { UsageError, type CliOptions } from './args';
import type { Outcome } from './output';

/** The Go client's default, REDISCLOUD_URL's too. */
export const DEFAULT_API_URL = 'https://api.redislabs.com/v1';

export interface CheckRun {
  outcomes: Outcome[];
  /** Removes the keys (and anything found with them) from whatever is printed. */
  redactor: Redactor;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The keys: a sandbox demo profile's, or the environment's. Throws `UsageError`. */
function keysFrom(options: CliOptions, env: Env): { account: string; user: string } {
  if (options.profile !== undefined) {
    if (!options.sandbox)
      throw new UsageError('--profile names a sandbox demo profile: add --sandbox.');
    const demo = DEMO_PROFILES.find((p) => p.id === options.profile);
    if (!demo) {
      throw new UsageError(
        `--profile takes a demo profile's id, one of: ${DEMO_PROFILES.map((p) => p.id).join(', ')}.`,
      );
    }
    return { account: demo.accountKey, user: demo.userKey };
  }
  const missing = [options.accountKeyEnv, options.userKeyEnv].filter(
    (name) => (env[name] ?? '') === '',
  );
  if (missing.length > 0) {
    const named = (name: string) =>
      name === options.accountKeyEnv && options.accountKeyEnv !== 'REDISCLOUD_ACCESS_KEY'
        ? 'the variable named by --account-key-env'
        : name === options.userKeyEnv && options.userKeyEnv !== 'REDISCLOUD_SECRET_KEY'
          ? 'the variable named by --user-key-env'
          : name;
    throw new UsageError(
      `${missing.map(named).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set, so nothing was sent. Set the account key in REDISCLOUD_ACCESS_KEY and the user key in REDISCLOUD_SECRET_KEY (or name other variables with --account-key-env and --user-key-env)${options.sandbox ? ', or pick a demo profile with --profile' : ''}.`,
    );
  }
  return { account: env[options.accountKeyEnv] ?? '', user: env[options.userKeyEnv] ?? '' };
}

/**
 * Where to send: the sandbox, or REDISCLOUD_URL as the Go client reads it (its paths are joined
 * after `/v1`). Keys go only where the web page may send them: the API, or a loopback server.
 */
function targetFrom(options: CliOptions, env: Env): { baseUrl: string; prefix: string } {
  if (options.sandbox) return { baseUrl: SANDBOX_BASE_URL, prefix: '' };
  const text = (env.REDISCLOUD_URL ?? '').trim() || DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(
      'REDISCLOUD_URL is not a URL; unset it to use https://api.redislabs.com/v1.',
    );
  }
  if (!isConnectAllowed(url, null) || url.username || url.password) {
    throw new UsageError(
      `REDISCLOUD_URL points at ${url.protocol}//${url.host}: Keycheck sends keys only to https://api.redislabs.com (or a test server on 127.0.0.1 or localhost), so nothing was sent. Unset REDISCLOUD_URL to use the API's address.`,
    );
  }
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  // `.../v1`: keep the app's paths as they are; any other base gets them without `/v1`.
  return base.endsWith('/v1')
    ? { baseUrl: base.slice(0, -3), prefix: '' }
    : { baseUrl: base, prefix: '/v1' };
}

/** Runs the check; throws `UsageError` before sending anything when the command line is wrong. */
export async function runCheck(options: CliOptions, env: Env, now: () => Date): Promise<CheckRun> {
  const keys = keysFrom(options, env);
  const { baseUrl, prefix } = targetFrom(options, env);
  const sandbox = createSandbox();
  const headers: Header[] = [
    { name: ACCOUNT_KEY_HEADER, value: keys.account },
    { name: USER_KEY_HEADER, value: keys.user },
    { name: 'accept', value: 'application/json' },
  ];
  const fingerprints = await keyFingerprints(headers);
  const redactor = await createRedactor(
    findSecrets({
      request: { method: 'GET', url: baseUrl, headers },
      typed: [keys.account, keys.user],
    }),
    [keys.account, keys.user],
  );
  const outcomes: Outcome[] = [];
  const one = async (path: string, learned: SentInspection['learned']): Promise<SentInspection> => {
    const sent = await inspectSent(
      { baseUrl, method: 'GET', path: path.slice(prefix.length), headers },
      {
        sandbox,
        // No page: nothing to block but what the check above refused, no mixed content.
        page: { origin: null, protocol: '' },
        ...(learned ? { context: { learned } } : {}),
        historyPath: path,
        // Node has no CORS: a failed fetch means nothing answered, never a withheld answer.
        transport: { probe: async () => false, online: () => true },
      },
    );
    const report = buildReport(
      { exchange: sent.exchange, checklist: sent.checklist, fingerprints, at: now() },
      sent.redactor.text,
    );
    outcomes.push({
      title: `GET ${sent.exchange.request.url}`,
      checklist: sent.checklist,
      report,
      ...(sent.insideView ? { insideView: sent.insideView } : {}),
    });
    return sent;
  };
  const first = await one('/v1/', null);
  if (options.path !== undefined && first.checklist.verdict === 'ok') {
    await one(options.path, first.learned);
  }
  return { outcomes, redactor };
}
