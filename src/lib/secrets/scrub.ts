/**
 * The one scrubber: removes from any text every run of 6 or more characters of a secret,
 * compared without case, in the secret's own form, URL-encoded, and base64 (standard and URL
 * alphabets, at any byte alignment, so a key inside `Basic ...` is caught too).
 */
import { base64Utf8 } from '../core/text';
import { mayEncode, project } from './decode';

/** The shortest run of a secret that may never be shown. */
export const RUN = 6;
/** What stands where a piece of a secret was. */
export const FRAGMENT_MARKER = '[redacted]';

/** A scrubber prepared for a set of secrets: the runs are computed once. */
export interface Scrub {
  (text: string): string;
  /** True when `text` holds a run of one of the secrets (a check for tests and links). */
  leaks(text: string): boolean;
}

/** `scrubber(secrets)(text)`, for one text. */
export function scrub(text: string, secrets: readonly string[]): string {
  return scrubber(secrets)(text);
}

/**
 * Prepares a scrubber. Secrets of 6 characters or more are removed wherever a run of 6 of their
 * characters stands, also where the text spells it in pieces or escaped (`decode.ts`: colour
 * codes or a continuation between its characters, `%61%62...`, `\u0061...`); shorter ones (3 to
 * 5 characters) where they stand as a whole word.
 */
export function scrubber(secrets: readonly string[]): Scrub {
  const grams = new Set<string>();
  const hashes = new Set<number>();
  const words: string[] = [];
  for (const secret of secrets) {
    if (secret.length < RUN) {
      if (secret.trim().length >= 3) words.push(secret.trim());
      continue;
    }
    for (const form of formsOf(secret)) {
      const folded = fold(form);
      for (let i = 0; i + RUN <= folded.length; i++) {
        const gram = folded.slice(i, i + RUN);
        grams.add(gram);
        hashes.add(hashOf(gram));
      }
    }
  }
  const shortWords =
    words.length === 0
      ? null
      : new RegExp(`(?<![A-Za-z0-9])(?:${words.map(escapeRegExp).join('|')})(?![A-Za-z0-9])`, 'gi');
  const marks = (text: string): Uint8Array | null => {
    let found = covered(fold(text), grams, hashes);
    if (!mayEncode(text)) return found;
    // What the text spells: a run found there marks every character that wrote it.
    const spelled = project(text);
    if (spelled.text === text) return found;
    const inner = covered(fold(spelled.text), grams, hashes);
    if (!inner) return found;
    found ??= new Uint8Array(text.length);
    for (let j = 0; j < inner.length; j++) {
      if (inner[j]) found.fill(1, spelled.from[j] ?? 0, spelled.to[j] ?? 0);
    }
    // Colour codes and continuations between marked characters go with them.
    for (let j = 1; j < inner.length; j++) {
      if (inner[j] && inner[j - 1]) found.fill(1, spelled.to[j - 1] ?? 0, spelled.from[j] ?? 0);
    }
    return found;
  };
  const apply = (text: string): string => {
    if (text === '') return text;
    let out = shortWords ? text.replace(shortWords, FRAGMENT_MARKER) : text;
    if (grams.size === 0) return out;
    const first = replaceMarked(out, marks(out), FRAGMENT_MARKER);
    // The marker could complete a run with what is around it (a secret holding "redacted"):
    // then a character no secret holds stands in, and no run can pass through it.
    if (marks(first) === null) return first;
    out = replaceMarked(out, marks(out), absentCharacter(secrets));
    return out;
  };
  const fn = apply as Scrub;
  fn.leaks = (text: string) => {
    if (grams.size > 0 && marks(text) !== null) return true;
    if (!shortWords) return false;
    shortWords.lastIndex = 0;
    const hit = shortWords.test(text);
    shortWords.lastIndex = 0;
    return hit;
  };
  return fn;
}

/** The secret, its URL encodings, and its base64 at the three byte alignments, both alphabets. */
function formsOf(secret: string): string[] {
  const forms = new Set([secret, secret.trim()]);
  try {
    const encoded = encodeURIComponent(secret);
    forms.add(encoded);
    forms.add(encoded.replace(/%20/g, '+'));
  } catch {
    // A lone surrogate cannot be encoded, so it cannot be sent encoded either.
  }
  for (let shift = 0; shift < 3; shift++) {
    // Bytes before the secret shift its base64; drop the characters that mix in those bytes
    // and the last ones that mix in what follows.
    const b64 = base64Utf8('\u0000'.repeat(shift) + secret).replace(/=+$/, '');
    const start = shift === 0 ? 0 : Math.ceil((shift * 4) / 3);
    const core = b64.slice(start, Math.max(start, b64.length - 2));
    forms.add(core);
    forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...forms];
}

/** Lower case, keeping every character at its index (so marks line up with the text). */
function fold(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

const BASE = 0x01000193;
function hashOf(gram: string): number {
  let h = 0;
  for (let i = 0; i < gram.length; i++) h = (Math.imul(h, BASE) + gram.charCodeAt(i)) | 0;
  return h;
}

/**
 * Which characters of `folded` belong to a run of a secret, or null when none do. A rolling hash
 * finds the candidate windows in one pass; each candidate is then compared as text.
 */
function covered(
  folded: string,
  grams: ReadonlySet<string>,
  hashes: ReadonlySet<number>,
): Uint8Array | null {
  if (folded.length < RUN || grams.size === 0) return null;
  let drop = 1;
  for (let i = 1; i < RUN; i++) drop = Math.imul(drop, BASE);
  let h = 0;
  for (let i = 0; i < RUN; i++) h = (Math.imul(h, BASE) + folded.charCodeAt(i)) | 0;
  let marks: Uint8Array | null = null;
  for (let i = 0; ; i++) {
    if (hashes.has(h) && grams.has(folded.slice(i, i + RUN))) {
      marks ??= new Uint8Array(folded.length);
      marks.fill(1, i, i + RUN);
    }
    const next = i + RUN;
    if (next >= folded.length) break;
    h = (Math.imul(h - Math.imul(folded.charCodeAt(i), drop), BASE) + folded.charCodeAt(next)) | 0;
  }
  return marks;
}

function replaceMarked(text: string, marks: Uint8Array | null, marker: string): string {
  if (!marks) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const start = i;
    if (marks[i]) {
      while (i < text.length && marks[i]) i++;
      out += marker;
    } else {
      while (i < text.length && !marks[i]) i++;
      out += text.slice(start, i);
    }
  }
  return out;
}

/** A character no secret contains: every run through it is then no secret's run. */
function absentCharacter(secrets: readonly string[]): string {
  const used = new Set(fold(secrets.join('')));
  for (let code = 0x2588; ; code++) {
    const c = String.fromCharCode(code);
    if (!used.has(c)) return c;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
