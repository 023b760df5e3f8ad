/*
 * The small pieces of shell syntax the word splitter needs: which shell a paste was written
 * for, operators, `$'...'`, and which variables reached the program as text.
 */
import { failAt, type ParseResult, type VariableHandling } from './result';

export type ShellDialect = 'posix' | 'cmd' | 'powershell';

/** A variable inside one word; `start` is its offset in the word's value. */
export interface WordVariable {
  name: string;
  written: string;
  handling: VariableHandling;
  start: number;
}

/** Each note costs a scan for its line number: a pathological paste must stay linear. */
export const MAX_NOTES = 5;
export const NAME_START = /[A-Za-z_]/;
export const NAME_CHAR = /[A-Za-z0-9_]/;
/** Variables that no shell expands here, so the text itself was sent: a placeholder. */
const LITERAL_VARIABLE =
  /\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%/g;
export const POWERSHELL_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  e: '\x1b',
};

/**
 * Which shell the paste was written for, from its line continuations: a line ending in `^` is
 * cmd.exe, one ending in a backtick (or a `$env:` variable) is PowerShell, anything else POSIX.
 */
export function detectDialect(text: string): ShellDialect {
  // Chrome's "Copy as cURL (cmd)" on one line starts `curl ^"https://...^"`; a `^"` elsewhere
  // may be text inside quotes (`-H 'x-note: ^"'`), not cmd.exe's escape.
  if (/\^[ \t]*\r?\n|\bcurl(?:\.exe)?[ \t]+\^"/.test(text)) return 'cmd';
  if (/`[ \t]*\r?\n/.test(text) || /\$env:[A-Za-z_]/i.test(text)) return 'powershell';
  return 'posix';
}

/**
 * The word's variables plus every `$NAME`, `${NAME}` and `%NAME%` that reached the program as
 * text (placeholders), in order. Returns `expanded` itself when there are none.
 */
export function flagLiteralVariables(
  value: string,
  expanded: readonly WordVariable[],
): readonly WordVariable[] {
  if (!value.includes('$') && !value.includes('%')) return expanded;
  // Expansions are recorded in order, and so are matches: one sweep keeps this linear.
  const variables = expanded.slice();
  let k = 0;
  for (const match of value.matchAll(LITERAL_VARIABLE)) {
    const start = match.index;
    const end = start + match[0].length;
    while (
      k < expanded.length &&
      (expanded[k]?.start ?? 0) + (expanded[k]?.written.length ?? 0) <= start
    )
      k++;
    const next = expanded[k];
    if (next && next.start < end) continue;
    const written = match[0];
    const name = written.replace(/^\$\{?|^%|\}$|%$/g, '');
    variables.push({ name, written, handling: 'sent-literally', start });
  }
  return variables.length === expanded.length
    ? expanded
    : variables.sort((a, b) => a.start - b.start);
}

/** The identifier at the start of `${...}`'s inside (`KEY` of `${KEY:-x}`), or ''. */
export function leadingName(inner: string): string {
  let j = 0;
  while (j < inner.length && NAME_CHAR.test(inner[j] ?? '')) j++;
  return inner.slice(0, j);
}

/** Offset of the `)` closing the `(` at `open`, or -1. Linear; quotes inside are not special. */
export function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '(') depth++;
    else if (text[j] === ')' && --depth === 0) return j;
  }
  return -1;
}

const ANSI_C: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  v: '\v',
};

/** Bash's `$'...'`: backslash escapes are decoded (the common ones; others kept as written). */
export function readAnsiC(text: string, at: number): ParseResult<{ text: string; end: number }> {
  let out = '';
  let j = at + 2;
  while (j < text.length) {
    const c = text[j] ?? '';
    if (c === "'") return { ok: true, value: { text: out, end: j + 1 } };
    if (c === '\\' && j + 1 < text.length) {
      const n = text[j + 1] ?? '';
      out += ANSI_C[n] ?? `\\${n}`;
      j += 2;
      continue;
    }
    out += c;
    j++;
  }
  return failAt(text, at, "A $'...' string is never closed.");
}

/** The operator at `at`; `fd` is how many digits before it (from `word`) belong to it. */
export function operatorAt(
  text: string,
  at: number,
  dialect: ShellDialect,
  word: string,
): { text: string; fd: number } | null {
  const c = text[at] ?? '';
  const two = text.slice(at, at + 2);
  if (c === '>' || c === '<') {
    const fd = /^[0-9]$/.test(word) ? 1 : 0;
    const op = two === '>>' || two === '>&' || two === '<&' ? two : c;
    return { text: word.slice(0, fd) + op, fd };
  }
  if (two === '&&' || two === '||') return { text: two, fd: 0 };
  if (c === '|' || c === '&') return { text: c, fd: 0 };
  if (c === ';' && dialect !== 'cmd') return { text: c, fd: 0 };
  if ((c === '(' || c === ')') && dialect === 'posix') return { text: c, fd: 0 };
  return null;
}

/** A lookup of the ASCII characters in `chars`: the ones that end a run of plain text. */
function stops(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

/** Characters with a meaning outside quotes, per shell. */
export const BARE_STOPS: Readonly<Record<ShellDialect, Uint8Array>> = {
  posix: stops(' \t\r\n\\\'"$`#;&|<>()'),
  cmd: stops(' \t\r\n^"%&|<>'),
  powershell: stops(' \t\r\n`\'"$#;&|<>'),
};

/** Characters with a meaning inside double quotes, per shell. */
export const QUOTED_STOPS: Readonly<Record<ShellDialect, Uint8Array>> = {
  posix: stops('"\\$`'),
  cmd: stops('"\\%'),
  powershell: stops('"`$'),
};

/** The offset of the first character at or after `from` that is in `table`, or the end. */
export function plainRunEnd(text: string, from: number, table: Uint8Array): number {
  let j = from;
  while (j < text.length) {
    const code = text.charCodeAt(j);
    if (code < 128 && table[code]) return j;
    j++;
  }
  return j;
}
