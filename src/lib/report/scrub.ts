import type { SentRequest } from '../core/exchange';
import { ACCOUNT_KEY_HEADER, USER_KEY_HEADER } from '../core/checklist';
import { isSecretHeader } from '../auth/redact';

/** The shortest run of a secret that is never allowed through. */
export const RUN = 8;
const MARKER = '[redacted]';

/**
 * Every secret value in a request: the two keys and the value of any header whose name says
 * secret (a misspelled key header still carries a key), each also percent-encoded as it would
 * sit in a URL.
 */
export function secretsOf(request: SentRequest): string[] {
  const values = request.headers
    .filter((h) => {
      const name = h.name.trim().toLowerCase();
      return name === ACCOUNT_KEY_HEADER || name === USER_KEY_HEADER || isSecretHeader(h.name);
    })
    .map((h) => h.value);
  return secretForms(values);
}

/**
 * The given secret values (empty ones dropped), each also percent-encoded as it would sit in a
 * URL: for values the user typed, which are as secret as a key whatever they fill in.
 */
export function secretForms(values: readonly string[]): string[] {
  const kept = values.filter((v) => v.trim() !== '');
  const encoded = kept.map((v) => {
    try {
      return encodeURIComponent(v);
    } catch {
      return v; // A lone surrogate: the value itself is already listed.
    }
  });
  return [...new Set([...kept, ...encoded])];
}

/**
 * `text` without any run of 8 or more characters taken from one of `secrets` (each such run
 * becomes `[redacted]`); a secret shorter than 8 characters is removed where it occurs whole.
 * If the marker itself could complete a run (a secret containing "redacted"), a character that
 * occurs in no secret is used instead, so the result holds no run by construction.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  const grams = new Set<string>();
  const short: string[] = [];
  for (const secret of secrets) {
    if (secret.length < RUN) {
      if (secret.trim().length >= 4) short.push(secret);
      continue;
    }
    for (let i = 0; i + RUN <= secret.length; i++) grams.add(secret.slice(i, i + RUN));
  }
  let scrubbed = text;
  for (const s of short) scrubbed = scrubbed.split(s).join(MARKER);
  if (grams.size === 0) return scrubbed;
  const first = replaceRuns(scrubbed, grams, MARKER);
  if (!hasRun(first, grams)) return first;
  return replaceRuns(scrubbed, grams, absentCharacter(secrets));
}

function covered(text: string, grams: ReadonlySet<string>): Uint8Array | null {
  let marks: Uint8Array | null = null;
  for (let i = 0; i + RUN <= text.length; i++) {
    if (!grams.has(text.slice(i, i + RUN))) continue;
    marks ??= new Uint8Array(text.length);
    marks.fill(1, i, i + RUN);
  }
  return marks;
}

function hasRun(text: string, grams: ReadonlySet<string>): boolean {
  return covered(text, grams) !== null;
}

function replaceRuns(text: string, grams: ReadonlySet<string>, marker: string): string {
  const marks = covered(text, grams);
  if (!marks) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (marks[i]) {
      while (i < text.length && marks[i]) i++;
      out += marker;
    } else {
      const start = i;
      while (i < text.length && !marks[i]) i++;
      out += text.slice(start, i);
    }
  }
  return out;
}

/** A character no secret contains: every run through it is then no secret's run. */
function absentCharacter(secrets: readonly string[]): string {
  const used = new Set(secrets.join(''));
  for (let code = 0x2588; ; code++) {
    const c = String.fromCharCode(code);
    if (!used.has(c)) return c;
  }
}

/** Every string inside `value` (objects and arrays walked) passed through `scrubSecrets`. */
export function scrubDeep<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === 'string') return scrubSecrets(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => scrubDeep(v, secrets)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]: [string, unknown]) => [k, scrubDeep(v, secrets)]),
    ) as T;
  }
  return value;
}
