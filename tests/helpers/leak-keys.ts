/**
 * The leak property's keys and its checker, shared by every suite that asserts no key leaks
 * (tests/unit/secrets, tests/unit/cli). The checker is independent of lib/secrets: every
 * 6-character run of a key, compared without case, and of its base64, must be absent.
 */
import fc from 'fast-check';
import { base64Utf8 } from '../../src/lib/core/text';

// A key as the console makes them: 20 to 48 of [A-Za-z0-9_-], starting with a letter or digit.
// Built character by character: fast-check's string generators also splice in words such as
// "propertyIsEnumerable" or "length", which then match the app's own prose, not a leak.
const ALNUM = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'];
export const key = fc
  .tuple(
    fc.constantFrom(...ALNUM),
    fc.array(fc.constantFrom(...ALNUM, '_', '-'), { minLength: 19, maxLength: 47 }),
  )
  .map(([first, rest]) => first + rest.join(''));

/**
 * A key as deny by default promises to find it with no name pointing at it: letters and digits
 * alternating at least three times (DESIGN.md: "mixes letters and digits and looks random").
 * Counted here on its own, not with lib/secrets' code.
 */
export const keyShaped = key.filter(
  (k) => (k.replace(/[-_]/g, '').match(/[A-Za-z](?=\d)|\d(?=[A-Za-z])/g) ?? []).length >= 3,
);

/** Every piece of `secret` that must never be shown. */
export function pieces(secret: string): string[] {
  const out = new Set<string>();
  const b64 = base64Utf8(secret).replace(/=+$/, '');
  for (const form of [secret.toLowerCase(), b64.slice(0, -2).toLowerCase()]) {
    for (let i = 0; i + 6 <= form.length; i++) out.add(form.slice(i, i + 6));
  }
  return [...out];
}

/** The first piece of any of `keys` found in `text`, or null. */
export function leakedPiece(text: string, keys: readonly string[]): string | null {
  const lower = text.toLowerCase();
  for (const k of keys) for (const piece of pieces(k)) if (lower.includes(piece)) return piece;
  return null;
}
