/*
 * redisctl, Redis's command-line tool for the Cloud API: `redisctl api cloud <method> <path>
 * [-d data]`, `redisctl cloud <resource> <action> [id]`, and the profiles that hold the keys
 * (`redisctl profile set NAME --api-key K --api-secret S`, or `[profiles.NAME]` in its TOML
 * config with `api_key`, `api_secret`, `api_url`; or REDIS_CLOUD_API_KEY / REDIS_CLOUD_API_SECRET
 * in the environment). It sends the keys as x-api-key and x-api-secret-key.
 */
import { API_BASE, fromEnvironment, keyHeaders, type KeySource } from './keys-from';
import { matchIf, type RequestReader } from './reader';
import {
  failAt,
  type ParseResult,
  type PastedRequest,
  type PasteNote,
  type SensitiveValue,
} from './result';
import { addSensitive } from './sensitive';
import { REDISCTL_COMMANDS, REDISCTL_OPTIONS, type RedisctlAction } from './redisctl-options';
import { walkOptions } from './shell-options';
import { splitShellWords, type ShellWord } from './shell-words';
import { requestLabel } from '../core/text';

const PROMPT = /^(?:\$\s+|PS [^>\n]{0,200}>\s*|>\s*)/;
const COMMAND_LINE = /^(?:\S*[/\\])?redisctl(?:\.exe)?(?:\s|$)/;
const PROFILE_HEADER = /^\s*\[\s*profiles\.(?:"([^"]+)"|([\w-]+))\s*\]\s*$/;
const TOML_PAIR = /^\s*([\w-]+)\s*=\s*"((?:\\.|[^"\\])*)"\s*(?:#.*)?$/;
const ENV =
  /^\s*(?:export\s+|set\s+|\$env:)?(REDIS_CLOUD_API_KEY|REDIS_CLOUD_API_SECRET|REDIS_CLOUD_SECRET_KEY|REDIS_CLOUD_API_URL)\s*=\s*(.*?)\s*$/i;

export const redisctlReader: RequestReader = {
  kind: 'request',
  format: 'redisctl',
  label: 'redisctl',
  detect(text) {
    const head = text.slice(0, 65536);
    return matchIf(
      /^[ \t]*(?:\$\s+|PS [^>\n]{0,200}>\s*)?(?:\S*[/\\])?redisctl(?:\.exe)?[ \t]+\S/m.test(head) ||
        (/^\s*\[\s*profiles\./m.test(head) && /^\s*api_(?:key|secret)\s*=/m.test(head)),
    );
  },
  read: parseRedisctl,
};

interface Profile {
  apiKey?: KeySource;
  apiSecret?: KeySource;
  apiUrl?: string;
  deployment?: string;
}

interface Command {
  words: ShellWord[];
  offset: number;
}

/** Reads every `redisctl api cloud` and `redisctl cloud` command, with the profile's keys. */
export function parseRedisctl(text: string): ParseResult<PastedRequest[]> {
  const profiles = new Map<string, Profile>();
  const environment: Profile = {};
  const commands: Command[] = [];
  let defaultProfile: string | null = null;
  let section: Profile | null = null;
  const notes: PasteNote[] = [];
  const lines = text.split('\n', 100_000);
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
    const lineStart = offset;
    offset += (lines[i] as string).length + 1;
    const header = PROFILE_HEADER.exec(line);
    if (header) {
      section = {};
      profiles.set(header[1] ?? header[2] ?? '', section);
      continue;
    }
    const pair = TOML_PAIR.exec(line);
    if (pair?.[1] && !/^\s*(?:export|set)\s/.test(line) && !ENV.test(line)) {
      const value = (pair[2] ?? '').replace(/\\(.)/g, '$1');
      if (pair[1] === 'default_profile') defaultProfile = value;
      else if (section) setField(section, pair[1], value);
      continue;
    }
    const env = ENV.exec(line);
    if (env?.[1]) {
      const value = unquote(env[2] ?? '');
      const name = env[1].toUpperCase();
      const source: KeySource = { kind: 'literal', value };
      if (name === 'REDIS_CLOUD_API_KEY') environment.apiKey = source;
      else if (name === 'REDIS_CLOUD_API_URL') environment.apiUrl = value;
      else environment.apiSecret = source;
      continue;
    }
    const command = line.replace(PROMPT, '');
    if (!COMMAND_LINE.test(command.trimStart())) continue;
    // The shell reads the command on, past line ends in quotes and continuations: split from
    // here (a bounded slice) and keep the words up to where the shell ends the command.
    const from = lineStart + (line.length - command.length);
    const split = splitShellWords(text.slice(from, from + 16_384));
    if (!split.ok) continue;
    const words: ShellWord[] = [];
    let end = Math.min(text.length - from, 16_384);
    for (const token of split.value.tokens) {
      if (token.kind === 'word') words.push(token);
      else if (token.kind === 'newline' || /^(?:;|&&|\|\||\||&)$/.test(token.value)) {
        end = token.offset;
        break;
      }
    }
    // Skip the lines the command took.
    while (i + 1 < lines.length && offset < from + end) {
      i++;
      offset += (lines[i] as string).length + 1;
    }
    commands.push({ words: words.slice(1), offset: lineStart });
  }

  const sensitive: SensitiveValue[] = [];
  for (const p of [...profiles.values(), environment]) {
    for (const k of [p.apiKey, p.apiSecret])
      if (k?.kind === 'literal') addSensitive(sensitive, k.value, 'config');
  }
  const found: PastedRequest[] = [];
  const chosen = (name: string | null): Profile =>
    (name !== null ? profiles.get(name) : undefined) ??
    (defaultProfile !== null ? profiles.get(defaultProfile) : undefined) ??
    [...profiles.values()].find((p) => !p.deployment || /cloud/i.test(p.deployment)) ??
    environment;
  const calls: Call[] = [];
  let profileSet = false;
  for (const command of commands) {
    const read = readCommand(command, profiles, sensitive);
    if (read === 'profile') profileSet = true;
    else if (read) calls.push(read);
  }
  // Profiles first, commands after: a `profile set` later in the paste still applies.
  for (const call of calls)
    found.push(
      build(call, chosen(call.profile), environment, sensitive, [...notes, ...call.notes]),
    );
  if (found.length === 0 && (profiles.size > 0 || profileSet || environment.apiKey)) {
    const call: Call = { method: 'GET', path: '/', profile: null, notes: [], unknownOptions: [] };
    found.push(
      build(call, chosen(null), environment, sensitive, [
        {
          message:
            'A redisctl profile shows the keys, not a request: it is read as GET /v1/, the call that checks both keys.',
        },
      ]),
    );
  }
  if (found.length === 0)
    return failAt(text, 0, 'No redisctl cloud command or Cloud profile found.');
  return { ok: true, value: found };
}

/** A call a command makes, before the profile's keys are put on it. */
interface Call {
  method: string;
  path: string;
  body?: string;
  profile: string | null;
  notes: PasteNote[];
  unknownOptions: string[];
}

function setField(profile: Profile, name: string, value: string): void {
  if (name === 'api_key') profile.apiKey = { kind: 'literal', value };
  else if (name === 'api_secret' || name === 'api_secret_key')
    profile.apiSecret = { kind: 'literal', value };
  else if (name === 'api_url' || name === 'url') profile.apiUrl = value;
  else if (name === 'deployment_type' || name === 'deployment') profile.deployment = value;
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? (quoted[2] ?? '') : value;
}

/**
 * One command: a request (headers filled in later from the profile it names), `'profile'` for
 * `profile set` (its keys go into `profiles`), or null for anything else.
 */
function readCommand(
  { words }: Command,
  profiles: Map<string, Profile>,
  sensitive: SensitiveValue[],
): Call | 'profile' | null {
  const operands: ShellWord[] = [];
  const options = new Map<RedisctlAction, ShellWord>();
  const notes: PasteNote[] = [];
  const unknownOptions: string[] = [];
  walkOptions(words, REDISCTL_OPTIONS, (step) => {
    if (step.kind === 'operand') operands.push(step.word);
    else if (step.kind === 'unknown') {
      unknownOptions.push(step.name);
      if (step.value) addSensitive(sensitive, step.value.value, 'unknown-option');
    } else if (step.value) options.set(step.action, step.value);
  });
  // The keys' own values are reported where they are used (keyHeaders), literals only.
  for (const a of ['credential'] as const) {
    const v = options.get(a)?.value;
    if (v) addSensitive(sensitive, v, 'config');
  }
  const [first, second, third, fourth] = operands.map((w) => w.value);
  if (first === 'profile' && second === 'set') {
    const profile: Profile = {};
    const key = options.get('api-key');
    const secret = options.get('api-secret');
    if (key) profile.apiKey = sourceOf(key);
    if (secret) profile.apiSecret = sourceOf(secret);
    const url = options.get('api-url')?.value;
    if (url) profile.apiUrl = url;
    const deployment = options.get('deployment')?.value;
    if (deployment) profile.deployment = deployment;
    for (const k of [profile.apiKey, profile.apiSecret])
      if (k?.kind === 'literal') addSensitive(sensitive, k.value, 'config');
    profiles.set(third ?? 'default', profile);
    return 'profile';
  }
  const profile = options.get('profile')?.value ?? null;
  const data = options.get('data')?.value;
  let body: string | undefined;
  if (data?.startsWith('@'))
    notes.push({ message: 'The body is read from a file, which is not in the paste.' });
  else if (data !== undefined) body = data;
  let method: string;
  let path: string;
  if (first === 'api' && second === 'cloud' && third && fourth) {
    method = third.toUpperCase();
    path = fourth.startsWith('/') ? fourth : `/${fourth}`;
  } else if (first === 'cloud' && second && third) {
    const known = REDISCTL_COMMANDS[`${second} ${third}`];
    const id = fourth ?? '';
    const [sub, db] = id.includes(':')
      ? id.split(':', 2)
      : [options.get('subscription')?.value ?? id, options.get('database')?.value ?? id];
    if (!known) {
      notes.push({
        message: `Which API call "redisctl cloud ${second} ${third}" makes is not known here: it is read as GET /v1/, the call that checks both keys.`,
      });
      method = 'GET';
      path = '/';
    } else {
      method = known[0];
      path = known[1]
        .replace('{id}', encodeURIComponent(id))
        .replace('{sub}', encodeURIComponent(sub ?? ''))
        .replace('{db}', encodeURIComponent(db ?? ''));
      if (second === 'database' && third === 'list' && !sub) path = '/subscriptions';
    }
  } else return null;
  return { method, path, ...(body !== undefined ? { body } : {}), profile, notes, unknownOptions };
}

function sourceOf(word: ShellWord): KeySource {
  const variable = word.variables.find((v) => v.handling === 'expanded-by-shell');
  if (variable && variable.written === word.value)
    return { kind: 'variable', name: variable.name, written: variable.written };
  return { kind: 'literal', value: word.value };
}

function build(
  call: Call,
  profile: Profile,
  environment: Profile,
  sensitive: SensitiveValue[],
  notes: PasteNote[],
): PastedRequest {
  const key = profile.apiKey ?? environment.apiKey;
  const secret = profile.apiSecret ?? environment.apiSecret;
  if (!key || !secret)
    notes.push({
      message:
        'The keys are not in the paste: redisctl took them from its profile or from REDIS_CLOUD_API_KEY and REDIS_CLOUD_API_SECRET.',
    });
  if (profile.deployment && !/cloud/i.test(profile.deployment))
    notes.push({
      message:
        'This profile is for Redis Enterprise Software, not Redis Cloud: it does not use these keys.',
    });
  const { headers, variables } = keyHeaders(
    [
      {
        name: 'x-api-key',
        label: 'The account key',
        source: key ?? fromEnvironment('REDIS_CLOUD_API_KEY'),
      },
      {
        name: 'x-api-secret-key',
        label: 'The user key',
        source: secret ?? fromEnvironment('REDIS_CLOUD_API_SECRET'),
      },
    ],
    notes,
    sensitive,
  );
  const base = (profile.apiUrl ?? environment.apiUrl ?? API_BASE).replace(/\/+$/, '');
  if (call.body !== undefined) headers.push({ name: 'Content-Type', value: 'application/json' });
  const request = {
    method: call.method,
    url: `${base}${call.path}`,
    headers,
    ...(call.body !== undefined ? { body: call.body } : {}),
  };
  return {
    label: requestLabel(request),
    request,
    variables,
    unknownOptions: call.unknownOptions,
    notes,
    sensitive,
  };
}
