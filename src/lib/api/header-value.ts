import { codePointLabel } from '../core/code-points';

/** A character that stops `fetch` from sending a header value, and where it is. */
export interface RefusedCharacter {
  /** The character itself (may be invisible: show `codePoint` and `name` instead). */
  char: string;
  /** e.g. `U+200B` */
  codePoint: string;
  /** 1-based position in the value as given, counted in characters (code points). */
  position: number;
}

const HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/**
 * The rule `fetch` applies to a header value (Fetch standard, "normalize" then "is a header
 * value"): leading and trailing tab, CR, LF and space are stripped silently; what remains must
 * hold no NUL, CR or LF, and no character above U+00FF (the Headers API converts to a
 * ByteString). Returns the first character that makes `fetch` throw a TypeError before anything
 * is sent, or null when the value would be sent.
 */
export function refusedHeaderCharacter(value: string): RefusedCharacter | null {
  const leading = value.length - value.replace(/^[\t\n\r ]+/, '').length;
  const normalized = value.replace(HTTP_WHITESPACE, '');
  let position = [...value.slice(0, leading)].length;
  for (const char of normalized) {
    position += 1;
    const code = char.codePointAt(0) ?? 0;
    if (code === 0 || code === 0x0a || code === 0x0d || code > 0xff) {
      return { char, codePoint: codePointLabel(code), position };
    }
  }
  return null;
}
