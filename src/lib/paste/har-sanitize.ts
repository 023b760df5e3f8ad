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
import { createRedactor, findSecrets } from '../secrets';
import { readHar } from './har';
import type { ParseResult } from './result';
import { isRecord as isObject } from '../core/json';

export interface SanitizedHar {
  /** The HAR as JSON text, indented like the browsers' own exports. */
  text: string;
  /** How many distinct secret values were replaced. */
  replaced: number;
}

/** Replaces secrets in a pasted HAR. Fails (never throws) on text that is not a HAR file. */
export async function sanitizeHar(text: string): Promise<ParseResult<SanitizedHar>> {
  const read = readHar(text);
  if (!read.ok) return read;
  const { data, entries } = read.value;
  const cookies: string[] = [];
  for (const entry of entries) {
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
