/*
 * A HAR file that is safe to attach to a ticket: both key headers (any case), every other
 * credential header, cookies, and credential-like query, form and JSON body values become
 * fingerprints; everything else is kept, so the file still opens in a browser's HAR viewer.
 * Common HAR sanitizers do not redact x-api-key and x-api-secret-key (FACTS.md).
 *
 * Built from the parsed file, never from a pattern over its text: a pattern that needs `name`
 * and `value` side by side misses a pair written the other way round, an escaped name, or a key
 * in a `comment`. Every `{name, value}` pair (headers, query pairs, cookies, form params) is
 * judged by its name, every cookie's value is secret, and every string of the file (a body, a
 * response's content, a comment, a field no HAR version defines) is read as pasted text by
 * `lib/secrets`, deny by default included. Whole values then become their fingerprint marker
 * and any other piece of one is scrubbed, in every string and every field name.
 */
import { createRedactor, findSecrets, isSecretName, type Redactor } from '../secrets';
import { readHar } from './har';
import { failAtLine, type ParseResult } from './result';
import { isRecord as isObject } from '../core/json';

export interface SanitizedHar {
  /** The HAR as JSON text, indented like the browsers' own exports. */
  text: string;
  /** How many distinct secret values were replaced. */
  replaced: number;
}

/** Lists of `{name, value}` whose every value is secret, whatever its name. */
const ALWAYS_SECRET_LISTS = new Set(['cookies']);

interface Collected {
  texts: string[];
  values: string[];
}

/** Walks the parsed file without recursion (a pasted file may nest deeper than the stack). */
function collect(data: unknown): Collected {
  const texts: string[] = [];
  const values: string[] = [];
  const stack: Array<[string, unknown]> = [['', data]];
  while (stack.length > 0) {
    const [field, value] = stack.pop()!;
    if (typeof value === 'string') {
      texts.push(value);
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push([field, item]);
    } else if (isObject(value)) {
      const name = value['name'] ?? value['key'];
      const paired = value['value'];
      if (typeof paired === 'string' && paired !== '') {
        if (ALWAYS_SECRET_LISTS.has(field)) values.push(paired);
        else if (typeof name === 'string' && isSecretName(name)) values.push(paired);
      }
      for (const [key, inner] of Object.entries(value)) {
        texts.push(key);
        stack.push([key, inner]);
      }
    }
  }
  return { texts, values };
}

/** A copy of `data` with every string and every field name through the redactor. */
function redacted(data: unknown, redactor: Redactor): unknown {
  const root: Record<string, unknown> = {};
  const stack: Array<[Record<string, unknown> | unknown[], string | number, unknown]> = [
    [root, 'v', data],
  ];
  while (stack.length > 0) {
    const [holder, key, value] = stack.pop()!;
    let copy: unknown = value;
    if (typeof value === 'string') copy = redactor.text(value);
    else if (Array.isArray(value)) {
      const list: unknown[] = new Array<unknown>(value.length);
      value.forEach((item, i) => stack.push([list, i, item]));
      copy = list;
    } else if (isObject(value)) {
      const record: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(value)) stack.push([record, redactor.text(k), inner]);
      copy = record;
    }
    (holder as Record<string | number, unknown>)[key] = copy;
  }
  return root['v'];
}

/** Replaces secrets in a pasted HAR. Fails (never throws) on text that is not a HAR file. */
export async function sanitizeHar(text: string): Promise<ParseResult<SanitizedHar>> {
  const read = readHar(text);
  if (!read.ok) return read;
  const { texts, values } = collect(read.value.data);
  const secrets = findSecrets({ paste: texts, extra: values });
  const redactor = await createRedactor(secrets, values);
  let out: string;
  try {
    out = JSON.stringify(redacted(read.value.data, redactor), null, 2);
  } catch {
    // JSON.stringify recurses: a file nested thousands deep cannot be written back.
    return failAtLine(1, 1, 'This HAR file nests too deeply to be written back.');
  }
  return { ok: true, value: { text: out, replaced: secrets.length } };
}
