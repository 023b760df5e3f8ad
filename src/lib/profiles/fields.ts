/**
 * The rules for each field a person types into a profile, as plain functions that return a
 * message for a person or null. The valibot schemas (schema.ts) and the import check share them,
 * so a rule and its wording live in one place.
 */
import ipaddr from 'ipaddr.js';
import { API_BASE_URL } from '../core/checklist';
import { isLoopbackHost } from '../core/hosts';

export const DEFAULT_BASE_URL = API_BASE_URL;
export const NAME_MAX_LENGTH = 80;
export const NOTES_MAX_LENGTH = 5000;
export const KEY_NAME_MIN_LENGTH = 10;
export const KEY_NAME_MAX_LENGTH = 50;

/** Length in characters as a person counts them (code points, so an emoji counts once). */
function charCount(text: string): number {
  return Array.from(text).length;
}

/** Profile name, already trimmed: 1 to 80 characters. Uniqueness is checked by the caller. */
export function nameProblem(name: string): string | null {
  if (name === '') return 'Enter a profile name.';
  const length = charCount(name);
  if (length > NAME_MAX_LENGTH) {
    return `Keep the name to ${NAME_MAX_LENGTH} characters or fewer (it has ${length}).`;
  }
  return null;
}

/** Names compare without case and surrounding spaces: "Prod" and "prod " would confuse a list. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/** Trims and drops one trailing slash, so `https://host/` and `https://host` are one URL. */
export function normalizeBaseUrl(url: string): string {
  const trimmed = url.trim();
  return trimmed === '' ? DEFAULT_BASE_URL : trimmed.replace(/\/+$/, '');
}

/**
 * API base URL, already normalized. `https:` anywhere; `http:` only on a loopback host (a local
 * relay or test server), because anything else would send both keys in clear text.
 */
export function baseUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Enter a full URL starting with https://, for example https://api.redislabs.com.';
  }
  if (parsed.protocol === 'http:') {
    if (!isLoopbackHost(parsed.hostname)) {
      return `http:// sends the keys unencrypted, so it is allowed only for this computer (localhost, 127.0.0.1, [::1]); use https://${parsed.host}.`;
    }
  } else if (parsed.protocol !== 'https:') {
    return `The URL must start with https:// (it starts with ${parsed.protocol}//).`;
  }
  // A user name or password in the URL would put a secret where URLs end up: history and logs.
  if (parsed.username !== '' || parsed.password !== '') {
    return 'Remove the user name or password from the URL; the keys go in the profile fields.';
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    return 'Remove the part after ? or # from the URL.';
  }
  if (/\/v1$/i.test(parsed.pathname)) {
    return 'Leave out /v1: each request path starts with /v1/ already.';
  }
  return null;
}

/**
 * The user key's name as shown in the console (the docs' rule): 10 to 50 characters, letters,
 * digits, `-` and `_`, no spaces. Empty means "not given" and is fine.
 */
export function keyNameProblem(name: string): string | null {
  if (name === '') return null;
  const chars = [...name];
  const badIndex = chars.findIndex((c) => !/^[A-Za-z0-9_-]$/.test(c));
  const bad = chars[badIndex];
  if (bad !== undefined) {
    const what = bad === ' ' ? 'a space' : /\s/.test(bad) ? 'a blank character' : `"${bad}"`;
    return `A key name holds only letters, digits, - and _; character ${badIndex + 1} is ${what}.`;
  }
  if (chars.length < KEY_NAME_MIN_LENGTH || chars.length > KEY_NAME_MAX_LENGTH) {
    return `A key name is ${KEY_NAME_MIN_LENGTH} to ${KEY_NAME_MAX_LENGTH} characters long; this one has ${chars.length}.`;
  }
  return null;
}

/** One allow-list entry: an IPv4 or IPv6 address, or a CIDR range. Null when it is fine. */
export function allowListEntryProblem(entry: string): string | null {
  if (entry === '') return 'is empty';
  if (entry.includes('/')) {
    if (!ipaddr.isValidCIDR(entry)) {
      return 'is not a CIDR range (write an address, a slash and a prefix length, e.g. 10.0.0.0/24)';
    }
    const [address] = ipaddr.parseCIDR(entry);
    // ipaddr.js also accepts forms like 0x7f.1; the console expects dotted decimal.
    if (address.kind() === 'ipv4' && !ipaddr.IPv4.isValidCIDRFourPartDecimal(entry)) {
      return 'is not written as four decimal numbers, e.g. 10.0.0.0/24';
    }
    return null;
  }
  if (ipaddr.IPv4.isValidFourPartDecimal(entry) || ipaddr.IPv6.isValid(entry)) return null;
  return 'is not an IP address or CIDR range (e.g. 203.0.113.7 or 10.0.0.0/24)';
}

/** The first bad entry of an allow list, named with its position, or null. */
export function allowListProblem(entries: readonly string[]): string | null {
  for (const [index, entry] of entries.entries()) {
    const problem = allowListEntryProblem(entry);
    if (problem !== null) return `Entry ${index + 1} ("${entry}") ${problem}.`;
  }
  return null;
}

/** Splits what a person pastes (commas, spaces or one entry a line) into trimmed entries. */
export function parseAllowListText(text: string): string[] {
  return text.split(/[\s,;]+/).filter((entry) => entry !== '');
}

/** Trims each entry and leaves out empty ones: what the form's list becomes when saved. */
export function cleanAllowList(entries: readonly string[]): string[] {
  return entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
}

/** Notes are free text; the cap keeps one runaway paste from filling the store. */
export function notesProblem(notes: string): string | null {
  const length = charCount(notes);
  return length > NOTES_MAX_LENGTH
    ? `Keep notes to ${NOTES_MAX_LENGTH} characters or fewer (they have ${length}).`
    : null;
}

/** `base (copy)`, `base (copy 2)`, ... the first not taken, shortened to fit 80 characters. */
export function uniqueName(base: string, taken: readonly string[], label: string): string {
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? ` (${label})` : ` (${label} ${n})`;
    const head = [...base].slice(0, NAME_MAX_LENGTH - [...suffix].length).join('');
    const name = head.trimEnd() + suffix;
    if (!taken.some((t) => sameName(t, name))) return name;
  }
}
