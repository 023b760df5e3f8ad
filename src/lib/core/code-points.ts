/**
 * Unicode names of the characters that end up in pasted keys most often: line ends from
 * terminals, invisible characters from chat and document editors, typographic quotes and dashes
 * from word processors. Anything else falls back to its code point and its broad class.
 */
const NAMES: ReadonlyMap<number, string> = new Map([
  [0x00, 'NULL'],
  [0x09, 'CHARACTER TABULATION (tab)'],
  [0x0a, 'LINE FEED (newline)'],
  [0x0b, 'LINE TABULATION'],
  [0x0c, 'FORM FEED'],
  [0x0d, 'CARRIAGE RETURN'],
  [0x1b, 'ESCAPE'],
  [0x7f, 'DELETE'],
  [0x85, 'NEXT LINE'],
  [0xa0, 'NO-BREAK SPACE'],
  [0xad, 'SOFT HYPHEN'],
  [0xb4, 'ACUTE ACCENT'],
  [0x2007, 'FIGURE SPACE'],
  [0x2009, 'THIN SPACE'],
  [0x200a, 'HAIR SPACE'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x2010, 'HYPHEN'],
  [0x2011, 'NON-BREAKING HYPHEN'],
  [0x2013, 'EN DASH'],
  [0x2014, 'EM DASH'],
  [0x2018, 'LEFT SINGLE QUOTATION MARK'],
  [0x2019, 'RIGHT SINGLE QUOTATION MARK'],
  [0x201c, 'LEFT DOUBLE QUOTATION MARK'],
  [0x201d, 'RIGHT DOUBLE QUOTATION MARK'],
  [0x2026, 'HORIZONTAL ELLIPSIS'],
  [0x2028, 'LINE SEPARATOR'],
  [0x2029, 'PARAGRAPH SEPARATOR'],
  [0x202f, 'NARROW NO-BREAK SPACE'],
  [0x2060, 'WORD JOINER'],
  [0x2212, 'MINUS SIGN'],
  [0x3000, 'IDEOGRAPHIC SPACE'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE (byte order mark)'],
  [0xfffd, 'REPLACEMENT CHARACTER'],
]);

/**
 * `U+200B ZERO WIDTH SPACE` for 0x200B. Characters without a table entry get their class
 * instead of a name (`U+0001 (a control character)`), so every character can be named without
 * echoing it: the character itself may be invisible, and it is part of a secret value.
 */
export function describeCodePoint(code: number): string {
  const label = codePointLabel(code);
  const name = NAMES.get(code);
  if (name) return `${label} ${name}`;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return `${label} (a control character)`;
  if (code >= 0xd800 && code <= 0xdfff) return `${label} (half of a broken character pair)`;
  if (code > 0x7e) return `${label} (a non-ASCII character)`;
  return label;
}

/** `U+200B` for 0x200B. */
export function codePointLabel(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
