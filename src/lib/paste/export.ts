/*
 * "Copy as cURL / fetch / HTTPie". Without the explicit include-secrets choice the two keys are
 * written as shell (or environment) variables, so the command can be shared and still runs for
 * whoever has set those variables; every other secret-looking header gets a variable too.
 */
import type { Header, SentRequest } from '../core/exchange';
import { ACCOUNT_KEY_HEADER, USER_KEY_HEADER } from '../core/checklist';
import { findSecrets, isSecretName, scrubber } from '../secrets';

/** The variable that holds the account key (`x-api-key`) in an export without secrets. */
export const ACCOUNT_KEY_VARIABLE = 'REDIS_CLOUD_ACCOUNT_KEY';
/** The variable that holds the user key (`x-api-secret-key`) in an export without secrets. */
export const USER_KEY_VARIABLE = 'REDIS_CLOUD_USER_KEY';

export interface ExportOptions {
  /** Write the real key values. Only after the user chose so explicitly. */
  includeSecrets: boolean;
}

/** A header to write: either its literal value or the name of a variable holding it. */
interface Part {
  name: string;
  value: string;
  variable: string | null;
}

/** Which variable stands for a secret header's value; null when the value is not secret. */
function variableFor(header: Header, request: SentRequest): string | null {
  const name = header.name.trim().toLowerCase();
  if (name === ACCOUNT_KEY_HEADER) return ACCOUNT_KEY_VARIABLE;
  if (name === USER_KEY_HEADER) return USER_KEY_VARIABLE;
  if (!isSecretName(header.name) || header.value === '') return null;
  // A misspelled header that carries one of the two keys gets that key's variable.
  const same = (wanted: string) =>
    request.headers.some((h) => h.name.trim().toLowerCase() === wanted && h.value === header.value);
  if (same(ACCOUNT_KEY_HEADER)) return ACCOUNT_KEY_VARIABLE;
  if (same(USER_KEY_HEADER)) return USER_KEY_VARIABLE;
  return (
    header.name
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'SECRET'
  );
}

/**
 * What an export without keys leaves out: the request's secrets by name and structure, and, as
 * for a paste, every key-shaped token in it (deny by default): a command made to be shared must
 * not carry a key someone put in a path, an agent string or a body field with no telling name.
 */
function exportSecrets(request: SentRequest): string[] {
  const texts = [request.url, request.body ?? '', ...request.headers.map((h) => h.value)];
  return findSecrets({ request, paste: texts.filter((t) => t !== '') });
}

/**
 * The URL, headers and body to write. Without keys, secret headers become variables and every
 * other piece of a secret (in the URL, another header, the body) is scrubbed by `lib/secrets`.
 */
function parts(
  request: SentRequest,
  options: ExportOptions,
): { url: string; headers: Part[]; body: string | undefined } {
  const clean = options.includeSecrets ? (t: string) => t : scrubber(exportSecrets(request));
  return {
    url: clean(request.url),
    headers: request.headers.map((h) => {
      const variable = options.includeSecrets ? null : variableFor(h, request);
      return { name: clean(h.name), value: variable ? '' : clean(h.value), variable };
    }),
    body: request.body === undefined ? undefined : clean(request.body),
  };
}

/**
 * A POSIX shell word that the shell passes on exactly: single quotes, with each `'` written as
 * `'\''` (nothing is special inside single quotes, not even a backslash or a newline).
 */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Text for inside double quotes, where `$`, backtick, `"` and `\` are special. */
function doubleQuoted(text: string): string {
  return text.replace(/[$`"\\]/g, '\\$&');
}

/** `"prefix$VARIABLE"`: double quotes, so that the user's shell expands the variable. */
function withVariable(prefix: string, variable: string): string {
  return `"${doubleQuoted(prefix)}$${variable}"`;
}

/**
 * `curl -i` for the request (the response headers show, as Diagnose expects them back). Keys
 * become `"$REDIS_CLOUD_ACCOUNT_KEY"` and `"$REDIS_CLOUD_USER_KEY"` unless `includeSecrets`.
 */
export function toCurl(request: SentRequest, options: ExportOptions): string {
  const { url, headers, body } = parts(request, options);
  const method = request.method.toUpperCase();
  const args: string[] = [];
  if (method === 'HEAD') args.push('--head');
  else if (method !== (request.body !== undefined ? 'POST' : 'GET'))
    args.push(`-X ${shellQuote(request.method)}`);
  args.push(shellQuote(url));
  for (const h of headers) {
    // curl sends `name;` as an empty header; `name:` would remove it instead.
    if (h.variable) args.push(`-H ${withVariable(`${h.name}: `, h.variable)}`);
    else args.push(`-H ${shellQuote(h.value === '' ? `${h.name};` : `${h.name}: ${h.value}`)}`);
  }
  if (body !== undefined) args.push(`--data-raw ${shellQuote(body)}`);
  return `curl -i ${args.join(' \\\n  ')}`;
}

/**
 * A `fetch` call for Node 18+ or a browser console. Keys are read from
 * `process.env.REDIS_CLOUD_ACCOUNT_KEY` / `process.env.REDIS_CLOUD_USER_KEY` unless
 * `includeSecrets`. Duplicate header names keep both values (a list of pairs).
 */
export function toFetch(request: SentRequest, options: ExportOptions): string {
  const { url, headers, body } = parts(request, options);
  const q = (s: string) => JSON.stringify(s);
  const valueOf = (h: Part) => (h.variable ? `process.env.${h.variable}` : q(h.value));
  const names = headers.map((h) => h.name.toLowerCase());
  const duplicates = new Set(names).size !== names.length;
  const headerLines = duplicates
    ? headers.map((h) => `    [${q(h.name)}, ${valueOf(h)}],`)
    : headers.map((h) => `    ${q(h.name)}: ${valueOf(h)},`);
  const lines = [`const response = await fetch(${q(url)}, {`, `  method: ${q(request.method)},`];
  if (headers.length)
    lines.push(
      `  headers: ${duplicates ? '[' : '{'}`,
      ...headerLines,
      `  ${duplicates ? ']' : '}'},`,
    );
  if (body !== undefined) lines.push(`  body: ${q(body)},`);
  lines.push(
    '});',
    'console.log(response.status, response.statusText);',
    'console.log(await response.text());',
  );
  return lines.join('\n');
}

/**
 * An HTTPie command printing the response headers and body. HTTPie reads `name:value` items
 * and undoes a backslash before a separator, so backslashes in values are doubled.
 */
export function toHttpie(request: SentRequest, options: ExportOptions): string {
  const { url, headers, body } = parts(request, options);
  const args = [`--print=hb ${shellQuote(request.method.toUpperCase())} ${shellQuote(url)}`];
  for (const h of headers) {
    if (h.variable) args.push(withVariable(`${h.name}:`, h.variable));
    // HTTPie sends `name;` as an empty header; `name:` would drop it.
    else if (h.value === '') args.push(shellQuote(`${h.name};`));
    // A value starting with `=` would make `name:=` a JSON field: escaped, it stays a header.
    else args.push(shellQuote(`${h.name}:${h.value.replace(/\\/g, '\\\\').replace(/^=/, '\\=')}`));
  }
  if (body !== undefined) args.push(`--raw ${shellQuote(body)}`);
  return `http ${args.join(' \\\n  ')}`;
}

/** The environment variables PowerShell and Python exports read the keys from (Terraform's). */
export const ACCESS_KEY_ENV = 'REDISCLOUD_ACCESS_KEY';
export const SECRET_KEY_ENV = 'REDISCLOUD_SECRET_KEY';

/** The variable a PowerShell or Python export uses: Terraform's names for the two keys. */
function envVariable(variable: string): string {
  if (variable === ACCOUNT_KEY_VARIABLE) return ACCESS_KEY_ENV;
  if (variable === USER_KEY_VARIABLE) return SECRET_KEY_ENV;
  return variable;
}

/** A PowerShell single-quoted string: nothing inside is special but `'`, written twice. */
function psQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, '$&$&')}'`;
}

/**
 * `Invoke-WebRequest` for PowerShell 7 and Windows PowerShell 5 (it shows the status even on an
 * error, unlike Invoke-RestMethod). Keys are `$env:REDISCLOUD_ACCESS_KEY` and
 * `$env:REDISCLOUD_SECRET_KEY` unless `includeSecrets`.
 */
export function toPowerShell(request: SentRequest, options: ExportOptions): string {
  const { url, headers, body } = parts(request, options);
  const lines = ['$headers = @{'];
  for (const h of headers) {
    const value = h.variable ? `$env:${envVariable(h.variable)}` : psQuote(h.value);
    lines.push(`  ${psQuote(h.name)} = ${value}`);
  }
  lines.push('}');
  const args = [`-Uri ${psQuote(url)}`, `-Method ${psQuote(request.method)}`, '-Headers $headers'];
  if (body !== undefined) args.push(`-Body ${psQuote(body)}`);
  args.push('-UseBasicParsing');
  lines.push(`$response = Invoke-WebRequest ${args.join(' `\n  ')}`);
  lines.push('$response.StatusCode', '$response.Content');
  return lines.join('\n');
}

/**
 * Python with `requests`. Keys are `os.environ["REDISCLOUD_ACCESS_KEY"]` and
 * `os.environ["REDISCLOUD_SECRET_KEY"]` unless `includeSecrets`; the body is the cleaned one.
 */
export function toPython(request: SentRequest, options: ExportOptions): string {
  const { url, headers, body } = parts(request, options);
  // JSON string literals are valid Python string literals for everything JSON.stringify writes.
  const q = (s: string) => JSON.stringify(s);
  const usesEnv = headers.some((h) => h.variable);
  const lines = [...(usesEnv ? ['import os', ''] : []), 'import requests', '', 'headers = {'];
  for (const h of headers) {
    const value = h.variable ? `os.environ[${q(envVariable(h.variable))}]` : q(h.value);
    lines.push(`    ${q(h.name)}: ${value},`);
  }
  lines.push('}');
  const args = [q(request.method), q(url), 'headers=headers'];
  if (body !== undefined) args.push(`data=${q(body)}`);
  lines.push(
    `response = requests.request(${args.join(', ')})`,
    'print(response.status_code, response.reason)',
    'print(response.text)',
  );
  return lines.join('\n');
}
