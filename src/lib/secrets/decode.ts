/**
 * Decode before collecting: the text a customer pastes often holds a key written in pieces or
 * encoded (percent-encoded byte by byte, `\u`-escaped, JSON-escaped, split by ANSI colour
 * codes or zero-width characters, by a shell or Python line continuation, or by string
 * concatenation; base64 with no name saying so). `project` reads
 * such text once, left to right, into what it spells, and remembers for every character of the
 * result where it stood in the text, so a secret found in the result can be removed from the
 * text as it was pasted.
 */

import { base64ToBytes } from '../core/text';

/** What a text spells, and where each of its characters came from. */
export interface Projection {
  text: string;
  /** For each character of `text`, the index in the source where its encoding starts. */
  from: Int32Array;
  /** ... and the index just past where it ends. */
  to: Int32Array;
}

const HEX = /^[0-9a-fA-F]+$/;

function hexAt(text: string, at: number, length: number): number {
  const digits = text.slice(at, at + length);
  return digits.length === length && HEX.test(digits) ? parseInt(digits, 16) : -1;
}

/**
 * Characters that show nothing (Unicode's format characters, Cf, and its default-ignorable code
 * points): a soft hyphen, zero-width spaces and joiners, bidi marks, embeddings and isolates,
 * U+180E, U+034F, the invisible operators U+2061 to U+2064, variation selectors, tags. Put inside
 * a key, any one of them would hide it from deny by default, so all of them are dropped.
 */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/** True for a code point `INVISIBLE` names; plain ASCII is never one. */
function isInvisible(code: number): boolean {
  return code >= 0xad && INVISIBLE.test(String.fromCodePoint(code));
}

/** The length (1, or 2 for a surrogate pair) of a character that shows nothing at `at`, or 0. */
function invisible(text: string, at: number): number {
  const code = text.codePointAt(at) ?? 0;
  return isInvisible(code) ? (code > 0xffff ? 2 : 1) : 0;
}

/** The length of a colour code at `at` (ESC, or its written forms `\x1b`, `\033`, `\e`, `^[`), or 0. */
function colourCode(text: string, at: number): number {
  let i = at;
  if (text.charCodeAt(i) === 0x1b) i += 1;
  else if (text.startsWith('\\x1b', i) || text.startsWith('\\x1B', i)) i += 4;
  else if (text.startsWith('\\u001b', i) || text.startsWith('\\u001B', i)) i += 6;
  else if (text.startsWith('\\033', i)) i += 4;
  else if (text.startsWith('\\e', i) || text.startsWith('^[', i)) i += 2;
  else if (text[i] !== '[') return 0;
  if (text[i] !== '[') return 0;
  i++;
  const digitsFrom = i;
  while (i < text.length && i - digitsFrom < 16 && /[0-9;]/.test(text[i] ?? '')) i++;
  const letter = text[i] ?? '';
  // A bare `[31m` (the ESC lost on the way) only counts with digits and the `m` of a colour.
  const bare = text.charCodeAt(at) === 0x5b;
  if (bare ? letter !== 'm' || i === digitsFrom : !/[A-Za-z]/.test(letter)) return 0;
  return i + 1 - at;
}

/**
 * A line that runs a shell command (`curl ...`, a prompt, an option on a continued line): there
 * `"a" "b"` are two words, not one string; only quotes that touch (`'a'"b"`) glue.
 */
const SHELL_LINE =
  /^[ \t]*(?:[$#%>][ \t]*|PS[^>\n]{0,40}>[ \t]*)?(?:-|(?:sudo[ \t]+)?(?:curl|wget|http|https|xh|redisctl|docker|kubectl)(?:\.exe)?(?:[ \t]|$))/;

/** What follows a quote that never continues a string: a URL, an option, a path. */
const STARTS_A_WORD = /^(?:[a-z][a-z0-9+.-]*:\/\/|-|\/)/i;

/**
 * The length of a line continuation or a string join at `at` (`\`+newline, `"` + `"`), or 0.
 * `shell`: the line runs a shell command.
 */
function join(text: string, at: number, shell: boolean): number {
  const c = text[at];
  if ((c === '\\' || c === '`' || c === '^') && (text[at + 1] === '\n' || text[at + 1] === '\r')) {
    let i = at + 1;
    while (i < text.length && /\s/.test(text[i] ?? '') && i - at < 200) i++;
    return i - at;
  }
  if (c === '"' || c === "'") {
    // Quotes that touch glue in a shell and in Python: `'abc'"def"`.
    const next = text[at + 1];
    if (next === '"' || next === "'") return 2;
    // `"abc" + "def"`, `'abc' 'def'`, `"abc" . "def"`, `"abc" \<newline> "def"`.
    let i = at + 1;
    let joined = false;
    while (i < text.length && i - at < 200) {
      const d = text[i] ?? '';
      if (/\s/.test(d)) i++;
      else if ((d === '+' || d === '.' || d === '&') && !joined) {
        joined = true;
        i++;
      } else if (d === '\\' && (text[i + 1] === '\n' || text[i + 1] === '\r')) i += 2;
      else break;
    }
    if (text[i] !== c || i === at) return 0;
    // Side by side with nothing between but space (Python's implicit concatenation): never in
    // a shell command, and never when the next string starts a URL or an option (`-H "x: <key>"
    // "https://..."` would read as one value running into the URL).
    if (!joined && (shell || STARTS_A_WORD.test(text.slice(i + 1, i + 40)))) return 0;
    // Nor when the next string is a name in a mapping (`"x-api-secret-key" = ...` on the next
    // line of a PowerShell hashtable, `"key": ...` in a dict): it is the next entry, not more key.
    if (!joined && namesAnEntry(text, i, c)) return 0;
    return i + 1 - at;
  }
  return 0;
}

/** Whether the string that opens at `open` is followed by `=` or `:`, as a mapping's name is. */
function namesAnEntry(text: string, open: number, quote: string): boolean {
  const close = text.indexOf(quote, open + 1);
  if (close < 0 || close - open > 200) return false;
  return /^[ \t]*[=:]/.test(text.slice(close + 1, close + 40));
}

const NAMED_ENTITIES: ReadonlyArray<[string, string]> = [
  ['&quot;', '"'],
  ['&apos;', "'"],
  ['&amp;', '&'],
  ['&lt;', '<'],
  ['&gt;', '>'],
];

/** One escape at `at` (`%41`, `\u0041`, `\x41`, `\"`, `&#65;`): its character and length, or null. */
function escape(text: string, at: number): [string, number] | null {
  const c = text[at];
  if (c === '%') {
    const code = hexAt(text, at + 1, 2);
    if (code < 0) return null;
    return utf8Percent(text, at, code) ?? [String.fromCharCode(code), 3];
  }
  if (c === '\\') {
    const d = text[at + 1];
    if (d === 'u') {
      const code = hexAt(text, at + 2, 4);
      return code >= 0 ? [String.fromCharCode(code), 6] : null;
    }
    if (d === 'x') {
      const code = hexAt(text, at + 2, 2);
      return code >= 0 ? [String.fromCharCode(code), 4] : null;
    }
    if (d === 'n') return ['\n', 2];
    if (d === 't') return ['\t', 2];
    if (d === 'r') return ['\r', 2];
    if (d === '"' || d === "'" || d === '\\' || d === '/') return [d, 2];
    return null;
  }
  if (c === '&' && text[at + 1] !== '#') {
    for (const [name, char] of NAMED_ENTITIES)
      if (text.startsWith(name, at)) return [char, name.length];
    return null;
  }
  if (c === '&' && text[at + 1] === '#') {
    const hex = text[at + 2] === 'x' || text[at + 2] === 'X';
    let i = at + (hex ? 3 : 2);
    const from = i;
    while (i < text.length && i - from < 6 && (hex ? /[0-9a-fA-F]/ : /[0-9]/).test(text[i] ?? '')) {
      i++;
    }
    if (i === from || text[i] !== ';') return null;
    const code = parseInt(text.slice(from, i), hex ? 16 : 10);
    return code > 0 && code < 0x10000 ? [String.fromCharCode(code), i + 1 - at] : null;
  }
  return null;
}

/**
 * What `text` spells once its colour codes, continuations and joins are dropped and one layer
 * of escapes is decoded. Linear: each character is looked at a bounded number of times.
 */
export function project(text: string): Projection {
  const chars: string[] = [];
  const from = new Int32Array(text.length);
  const to = new Int32Array(text.length);
  let lineStart = 0;
  // Whether the current line runs a shell command, judged once per line (-1: not yet).
  let shellLine = -1;
  let shell = false;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (!SPECIAL.has(code) && (code < 0xad || !isInvisible(text.codePointAt(i) ?? 0))) {
      // Plain text, the common case: one character for one.
      if (code === 10) lineStart = i + 1;
      from[chars.length] = i;
      to[chars.length] = i + 1;
      chars.push(text[i] ?? '');
      i++;
      continue;
    }
    if (shellLine !== lineStart && (code === 0x22 || code === 0x27)) {
      shellLine = lineStart;
      shell = SHELL_LINE.test(text.slice(lineStart, lineStart + 80));
    }
    const skip = invisible(text, i) || colourCode(text, i) || join(text, i, shell);
    if (skip > 0) {
      i += skip;
      continue;
    }
    const decoded = escape(text, i);
    const [char, length] = decoded ?? [text[i] ?? '', 1];
    // An escaped invisible character (`%E2%80%8E`, `\u200e`, `&#8206;`) shows nothing either.
    if (decoded && isInvisible(char.codePointAt(0) ?? 0)) {
      i += length;
      continue;
    }
    from[chars.length] = i;
    to[chars.length] = i + length;
    chars.push(char);
    i += length;
  }
  return {
    text: chars.join(''),
    from: from.subarray(0, chars.length),
    to: to.subarray(0, chars.length),
  };
}

/**
 * A UTF-8 sequence written byte by byte (`%E2%80%8E`) starting with the byte `lead` at `at`:
 * the one character it spells and its length, for characters of one UTF-16 unit; else null.
 */
function utf8Percent(text: string, at: number, lead: number): [string, number] | null {
  const extra = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : 0;
  if (extra === 0) return null;
  let code = lead & (extra === 1 ? 0x1f : 0x0f);
  for (let k = 1; k <= extra; k++) {
    const at3 = at + 3 * k;
    if (text[at3] !== '%') return null;
    const byte = hexAt(text, at3 + 1, 2);
    if (byte < 0x80 || byte > 0xbf) return null;
    code = (code << 6) | (byte & 0x3f);
  }
  if (code < 0x80 || (extra === 2 && code < 0x800) || (code >= 0xd800 && code <= 0xdfff))
    return null;
  return [String.fromCharCode(code), 3 * (extra + 1)];
}

const MAY_ENCODE = ['%', '\\', '&', '\u001b', '"', "'", '`', '^', '['];

/** Where an encoding, a colour code or a join can start (invisible characters: `isInvisible`). */
const SPECIAL = new Set(MAY_ENCODE.map((c) => c.charCodeAt(0)));

/** True when `project` could change `text` (a cheap test, to skip the work on plain text). */
export function mayEncode(text: string): boolean {
  for (const c of MAY_ENCODE) if (text.includes(c)) return true;
  return INVISIBLE.test(text);
}

const TRACE_LINE = /^[0-9a-f]{4}: ((?:[0-9a-f]{2} ){1,16})/gm;

/**
 * The bytes a `curl --trace` dump shows in its hex columns (`0000: 78 2d 61 ...`), joined: a
 * header line there is cut every 16 bytes, so no name and no key is whole anywhere else.
 */
function traceBytes(text: string): string | null {
  let out = '';
  for (const m of text.matchAll(TRACE_LINE)) {
    for (const hex of (m[1] ?? '').trim().split(' ')) out += String.fromCharCode(parseInt(hex, 16));
  }
  return out === '' ? null : out;
}

const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;

/**
 * What the base64 runs of `text` decode to, where that is readable text (a `Basic` value with no
 * name, a token that wraps `account:user`), one per line: a key inside shows only this way.
 */
function base64Texts(text: string): string | null {
  const out: string[] = [];
  for (const m of text.matchAll(BASE64_RUN)) {
    const bytes = base64ToBytes(m[0].replace(/-/g, '+').replace(/_/g, '/'));
    if (!bytes || bytes.length < 12) continue;
    let printable = 0;
    for (const b of bytes) if (b >= 0x20 && b < 0x7f) printable++;
    if (printable < bytes.length * 0.9) continue;
    out.push(new TextDecoder().decode(bytes));
  }
  return out.length > 0 ? out.join('\n') : null;
}

const TRACE_ASCII_LINE = /^[0-9a-f]{4}: (.*)$/gm;

/**
 * The data a `curl --trace-ascii` dump shows (`0034: x-api-key: ...`), its lines joined again
 * where curl wrapped them at 64 characters, so a key cut at the wrap reads whole.
 */
function traceLines(text: string): string | null {
  let out = '';
  let previous = -1;
  for (const m of text.matchAll(TRACE_ASCII_LINE)) {
    const line = m[1] ?? '';
    out += previous === 64 ? line : `\n${line}`;
    previous = line.length;
  }
  return out === '' ? null : out;
}

/**
 * `text` and what it spells, up to three layers deep (a HAR's body holds JSON inside a JSON
 * string, inside a log line): every form a secret can be collected from.
 */
export function decodedForms(text: string): string[] {
  const forms = [text];
  const trace = /^[0-9a-f]{4}: [0-9a-f]{2} /m.test(text) ? traceBytes(text) : null;
  if (trace) forms.push(trace);
  const ascii = /^[0-9a-f]{4}: /m.test(text) ? traceLines(text) : null;
  if (ascii) forms.push(ascii);
  const decoded = base64Texts(text);
  if (decoded) forms.push(decoded);
  let current = text;
  for (let layer = 0; layer < 3 && mayEncode(current); layer++) {
    const next = project(current).text;
    if (next === current) break;
    forms.push(next);
    current = next;
  }
  return forms;
}
