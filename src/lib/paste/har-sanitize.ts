/*
 * A HAR file that is safe to attach to a ticket: both key headers (any case), every other
 * credential header, cookies, and credential-like query, form and JSON body values become
 * fingerprints; everything else is kept, so the file still opens in a browser's HAR viewer.
 * Common HAR sanitizers do not redact x-api-key and x-api-secret-key (FACTS.md).
 *
 * What is secret is `lib/secrets`' to decide (the HAR's own `{name, value}` pairs are read by
 * its rule); every cookie is added, whatever its name. Whole values become their fingerprint
 * marker, and any other piece of one, anywhere in the file, is scrubbed.
 */
import { findJsonError } from '../core/json-error';
import { createRedactor, findSecrets } from '../secrets';
import { failAt, failAtLine, type ParseResult } from './result';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export interface SanitizedHar {
  /** The HAR as JSON text, indented like the browsers' own exports. */
  text: string;
  /** How many distinct secret values were replaced. */
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
  const cookies: string[] = [];
  for (const entry of log['entries'] as unknown[]) {
    if (!isObject(entry)) continue;
    for (const side of ['request', 'response'] as const) {
      const message = entry[side];
      const list = isObject(message) ? message['cookies'] : undefined;
      if (!Array.isArray(list)) continue;
      for (const cookie of list) {
        if (isObject(cookie) && typeof cookie['value'] === 'string' && cookie['value'] !== '') {
          cookies.push(cookie['value']);
        }
      }
    }
  }
  const secrets = findSecrets({ paste: text, extra: cookies });
  const redactor = await createRedactor(secrets);
  return {
    ok: true,
    value: { text: JSON.stringify(redactor.deep(data), null, 2), replaced: secrets.length },
  };
}
