/*
 * A HAR file that is safe to attach to a ticket: both key headers (any case), every other
 * credential header, cookies, and credential-like query, form and JSON body values become
 * fingerprints; everything else is kept, so the file still opens in a browser's HAR viewer.
 * Common HAR sanitizers do not redact x-api-key and x-api-secret-key (FACTS.md).
 *
 * For now it decides "secret" with `isSecretHeader` and hides with `fingerprint`, and finds the
 * same values anywhere else in the file with the report's scrubber; `lib/secrets` replaces
 * all three.
 */
import { fingerprint, formatFingerprint } from '../auth/fingerprint';
import { isSecretHeader } from '../auth/redact';
import { scrubDeep, secretForms } from '../report/scrub';
import { findJsonError } from './json-error';
import { failAt, failAtLine, type ParseResult } from './result';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A query, form or JSON field name that says credential (`accountKey`, `api_secret`, `X-Token`). */
const CREDENTIAL_NAME = /key|secret|token|auth|passw|credential|session|signature|sig$/i;

export interface SanitizedHar {
  /** The HAR as JSON text, indented like the browsers' own exports. */
  text: string;
  /** How many values were replaced by fingerprints. */
  replaced: number;
}

/** Replaces secrets in a pasted HAR. Fails (never throws) on text that is not a HAR file. */
export async function sanitizeHar(text: string): Promise<ParseResult<SanitizedHar>> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const where = findJsonError(text);
    return failAt(
      text,
      where?.offset ?? text.length,
      `The HAR file is not valid JSON: expected ${where?.expected ?? 'valid JSON'} here.`,
    );
  }
  const log = isObject(data) ? data['log'] : undefined;
  if (!isObject(log) || !Array.isArray(log['entries'])) {
    return failAtLine(1, 1, 'This JSON is not a HAR file: it has no "log.entries" list.');
  }
  const found: string[] = [];
  const hide = async (value: string): Promise<string> => {
    found.push(value);
    return `[redacted ${formatFingerprint(await fingerprint(value))}]`;
  };
  for (const entry of log['entries'] as unknown[]) {
    if (!isObject(entry)) continue;
    for (const side of ['request', 'response'] as const) {
      const message = entry[side];
      if (!isObject(message)) continue;
      await pairs(message['headers'], (name) => isSecretHeader(name), hide);
      await pairs(message['cookies'], () => true, hide);
      await pairs(message['queryString'], (name) => CREDENTIAL_NAME.test(name), hide);
      if (typeof message['url'] === 'string') message['url'] = await cleanUrl(message['url'], hide);
      const post = message['postData'];
      if (isObject(post)) {
        await pairs(post['params'], (name) => CREDENTIAL_NAME.test(name), hide);
        if (typeof post['text'] === 'string') post['text'] = await cleanBody(post['text'], hide);
      }
      const content = message['content'];
      if (
        isObject(content) &&
        typeof content['text'] === 'string' &&
        content['encoding'] !== 'base64'
      )
        content['text'] = await cleanBody(content['text'], hide);
    }
  }
  // The same values anywhere else (a body that echoes a key, an initiator URL): gone too.
  const secrets = secretForms(found);
  const cleaned = secrets.length > 0 ? scrubDeep(data, secrets) : data;
  return { ok: true, value: { text: JSON.stringify(cleaned, null, 2), replaced: found.length } };
}

/** HAR's `[{name, value}]` lists: values of the pairs `secret(name)` picks are hidden. */
async function pairs(
  list: unknown,
  secret: (name: string) => boolean,
  hide: (value: string) => Promise<string>,
): Promise<void> {
  if (!Array.isArray(list)) return;
  for (const pair of list) {
    if (!isObject(pair) || typeof pair['name'] !== 'string' || typeof pair['value'] !== 'string')
      continue;
    if (pair['value'] !== '' && secret(pair['name'])) pair['value'] = await hide(pair['value']);
  }
}

/** User information and credential-like query values of a URL. */
async function cleanUrl(url: string, hide: (value: string) => Promise<string>): Promise<string> {
  let out = url;
  const userinfo = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@/i.exec(out);
  if (userinfo?.[2])
    out = `${userinfo[1]}${encodeURIComponent(await hide(userinfo[2]))}@${out.slice(userinfo[0].length)}`;
  const q = out.indexOf('?');
  if (q < 0) return out;
  const hash = out.indexOf('#', q);
  const query = out.slice(q + 1, hash < 0 ? undefined : hash);
  const parts = await Promise.all(
    query.split('&').map(async (part) => {
      const eq = part.indexOf('=');
      if (eq < 0) return part;
      const name = safeDecode(part.slice(0, eq));
      const value = part.slice(eq + 1);
      if (value === '' || !CREDENTIAL_NAME.test(name)) return part;
      return `${part.slice(0, eq)}=${encodeURIComponent(await hide(safeDecode(value)))}`;
    }),
  );
  return `${out.slice(0, q + 1)}${parts.join('&')}${hash < 0 ? '' : out.slice(hash)}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** A JSON body's credential-like fields, or a form body's credential-like values. */
async function cleanBody(body: string, hide: (value: string) => Promise<string>): Promise<string> {
  const trimmed = body.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      return JSON.stringify(await cleanJson(parsed, hide));
    } catch {
      return body;
    }
  }
  if (/^[^=&\s]+=[^&\s]*(?:&[^=&\s]+=[^&\s]*)*$/.test(trimmed)) {
    return (await cleanUrl(`x:?${trimmed}`, hide)).slice(3);
  }
  return body;
}

async function cleanJson(
  value: unknown,
  hide: (value: string) => Promise<string>,
  depth = 0,
): Promise<unknown> {
  if (depth > 100) return value;
  if (Array.isArray(value)) return Promise.all(value.map((v) => cleanJson(v, hide, depth + 1)));
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      CREDENTIAL_NAME.test(k) &&
      (typeof v === 'string' || typeof v === 'number') &&
      String(v) !== ''
        ? await hide(String(v))
        : await cleanJson(v, hide, depth + 1);
  }
  return out;
}
