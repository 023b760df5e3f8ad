/*
 * Splits a pasted command line into words the way the customer's shell did.
 *
 * Why not shell-quote's parse(): it cannot say where an error is (it has no line or column, and
 * an unclosed quote silently drops text), it throws on `${}`, it knows neither cmd.exe's `^` nor
 * PowerShell's backtick, and it returns an expanded value instead of telling which `$VAR` the
 * shell expanded and which it sent literally. This scanner is one linear pass, no regex that can
 * backtrack, and it records every variable with how the shell treated it.
 */
import { failAt, positionAt, type ParseResult, type PasteNote } from './result';
import {
  flagLiteralVariables,
  leadingName,
  matchingParen,
  MAX_NOTES,
  NAME_CHAR,
  NAME_START,
  operatorAt,
  plainRunEnd,
  BARE_STOPS,
  QUOTED_STOPS,
  POWERSHELL_ESCAPES,
  readAnsiC,
  detectDialect,
  type ShellDialect,
  type WordVariable,
} from './shell-syntax';

export { detectDialect };

export type { ShellDialect, WordVariable } from './shell-syntax';

export interface ShellWord {
  kind: 'word';
  /** The word as the program receives it; expanded variables keep their written form. */
  value: string;
  /** Offset of the word's first character in the text. */
  offset: number;
  variables: readonly WordVariable[];
}

/** `;`, `&&`, `||`, `|`, `&`, or a redirection such as `>`, `2>`, `>>`, `<`. */
export interface ShellOperator {
  kind: 'operator';
  value: string;
  offset: number;
}

/** A line end that is not a continuation: the shell would end the command there. */
export interface ShellNewline {
  kind: 'newline';
  offset: number;
}

export type ShellToken = ShellWord | ShellOperator | ShellNewline;

const NONE: WordVariable[] = [];

export interface ShellSplit {
  dialect: ShellDialect;
  tokens: ShellToken[];
  notes: PasteNote[];
}

/**
 * Splits `text` into words, operators and command-ending newlines as `dialect`'s shell would.
 * Fails (never throws) on an unclosed quote or substitution, pointing at where it opened.
 */
export function splitShellWords(
  text: string,
  dialect: ShellDialect = detectDialect(text),
): ParseResult<ShellSplit> {
  const tokens: ShellToken[] = [];
  const notes: PasteNote[] = [];
  const escape = dialect === 'posix' ? '\\' : dialect === 'cmd' ? '^' : '`';
  const bareStops = BARE_STOPS[dialect];
  const quotedStops = QUOTED_STOPS[dialect];
  let value = '';
  // Most words hold no variable: they share one empty list instead of allocating their own.
  let variables: WordVariable[] = NONE;
  let wordStart = -1;
  let i = 0;

  const startWord = (at: number) => {
    if (wordStart < 0) wordStart = at;
  };
  const endWord = () => {
    if (wordStart < 0) return;
    tokens.push({
      kind: 'word',
      value,
      offset: wordStart,
      variables: flagLiteralVariables(value, variables),
    });
    value = '';
    variables = NONE;
    wordStart = -1;
  };
  const expand = (name: string, written: string) => {
    if (variables === NONE) variables = [];
    variables.push({ name, written, handling: 'expanded-by-shell', start: value.length });
    value += written;
  };
  /** Length of a line break at `at` (after optional spaces), or 0. */
  const lineBreakAfter = (at: number, allowSpaces: boolean): number => {
    let j = at;
    if (allowSpaces) while (text[j] === ' ' || text[j] === '\t') j++;
    if (text[j] === '\r' && text[j + 1] === '\n') return j + 2 - at;
    if (text[j] === '\n') return j + 1 - at;
    return 0;
  };
  /** Reads a `$...` expansion at `i` (POSIX or PowerShell); false when `$` is literal there. */
  const readDollar = (): ParseResult<boolean> => {
    const next = text[i + 1] ?? '';
    if (next === '{') {
      const close = text.indexOf('}', i + 2);
      if (close < 0) return failAt(text, i, 'A "${" is never closed with "}".');
      const written = text.slice(i, close + 1);
      const inner = written.slice(2, -1);
      expand(leadingName(inner) || inner, written);
      i = close + 1;
      return { ok: true, value: true };
    }
    if (next === '(') {
      const close = matchingParen(text, i + 1);
      if (close < 0) return failAt(text, i, 'A "$(" command substitution is never closed.');
      const written = text.slice(i, close + 1);
      expand(written.slice(2, -1).trim(), written);
      i = close + 1;
      return { ok: true, value: true };
    }
    if (dialect === 'powershell' && text.slice(i + 1, i + 5).toLowerCase() === 'env:') {
      let j = i + 5;
      while (j < text.length && NAME_CHAR.test(text[j] ?? '')) j++;
      if (j > i + 5) {
        const written = text.slice(i, j);
        expand(written.slice(1), written);
        i = j;
        return { ok: true, value: true };
      }
    }
    if (NAME_START.test(next)) {
      let j = i + 2;
      while (j < text.length && NAME_CHAR.test(text[j] ?? '')) j++;
      const written = text.slice(i, j);
      expand(written.slice(1), written);
      i = j;
      return { ok: true, value: true };
    }
    if (dialect === 'posix' && next !== '' && '0123456789@*#?$!-'.includes(next)) {
      expand(next, text.slice(i, i + 2));
      i += 2;
      return { ok: true, value: true };
    }
    return { ok: true, value: false };
  };
  /** cmd.exe expands `%NAME%` everywhere, quoted or not. */
  const readPercent = (): boolean => {
    let j = i + 1;
    if (!NAME_START.test(text[j] ?? '')) return false;
    while (j < text.length && NAME_CHAR.test(text[j] ?? '')) j++;
    if (text[j] !== '%') return false;
    const written = text.slice(i, j + 1);
    expand(written.slice(1, -1), written);
    i = j + 1;
    return true;
  };

  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === escape) {
      const brk = lineBreakAfter(i + 1, false);
      const spaced = brk ? 0 : lineBreakAfter(i + 1, true);
      if (brk || spaced) {
        if (spaced && notes.length < MAX_NOTES) {
          notes.push({
            message: `A space follows the line continuation "${escape}": a shell would end the command at this line; it is read as continuing.`,
            ...positionAt(text, i),
          });
        }
        i += 1 + (brk || spaced);
        continue;
      }
      startWord(i);
      const escaped = text[i + 1];
      if (dialect === 'cmd' && escaped === '"') {
        // Chrome's "Copy as cURL (cmd)": `^"...^"` is a quoted argument once cmd.exe has removed
        // its carets (`^x` is x; `^\^"` and `\^"` are a quote inside).
        let j = i + 2;
        for (;;) {
          if (j >= text.length) return failAt(text, i, 'A double quote is never closed.');
          const d = text[j];
          if (d === '^' && text[j + 1] === '"') {
            j += 2;
            break;
          }
          if (d === '^' && text.startsWith('\\^"', j + 1)) {
            value += '"';
            j += 4;
          } else if (d === '\\' && text[j + 1] === '^' && text[j + 2] === '"') {
            value += '"';
            j += 3;
          } else if (d === '^' && j + 1 < text.length) {
            value += text[j + 1];
            j += 2;
          } else {
            value += d;
            j++;
          }
        }
        i = j;
        continue;
      }
      if (escaped !== undefined) {
        value += dialect === 'powershell' ? (POWERSHELL_ESCAPES[escaped] ?? escaped) : escaped;
      }
      i += 2;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
      continue;
    }
    if (c === '\n') {
      endWord();
      tokens.push({ kind: 'newline', offset: i });
      i++;
      continue;
    }
    if (c === '#' && wordStart < 0 && dialect !== 'cmd') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
      continue;
    }
    const op = '<>&|;()'.includes(c)
      ? operatorAt(text, i, dialect, wordStart < 0 ? '' : value)
      : null;
    if (op) {
      // A redirection's file-descriptor digits (`2>`) belong to the operator, not to a word.
      if (op.fd) {
        value = '';
        wordStart = -1;
        variables = NONE;
      }
      endWord();
      tokens.push({ kind: 'operator', value: op.text, offset: i - op.fd });
      i += op.text.length - op.fd;
      continue;
    }
    startWord(i);
    if (c === "'" && dialect !== 'cmd') {
      const open = i;
      let j = i + 1;
      for (;;) {
        const close = text.indexOf("'", j);
        if (close < 0) return failAt(text, open, 'A single quote is never closed.');
        value += text.slice(j, close);
        // PowerShell writes a single quote inside single quotes as two.
        if (dialect === 'powershell' && text[close + 1] === "'") {
          value += "'";
          j = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      continue;
    }
    if (c === '"') {
      const open = i;
      i++;
      for (;;) {
        if (i >= text.length) return failAt(text, open, 'A double quote is never closed.');
        const d = text[i] ?? '';
        if (d === '"') {
          if (dialect === 'powershell' && text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (dialect === 'posix' && d === '\\') {
          const brk = lineBreakAfter(i + 1, false);
          const n = text[i + 1];
          if (brk) i += 1 + brk;
          else if (n !== undefined && '$`"\\'.includes(n)) {
            value += n;
            i += 2;
          } else {
            value += d;
            i++;
          }
          continue;
        }
        if (dialect === 'cmd' && d === '\\' && text[i + 1] === '"') {
          value += '"';
          i += 2;
          continue;
        }
        if (dialect === 'powershell' && d === '`') {
          const n = text[i + 1];
          if (n !== undefined) value += POWERSHELL_ESCAPES[n] ?? n;
          i += 2;
          continue;
        }
        if (dialect === 'cmd' && d === '%' && readPercent()) continue;
        if (dialect !== 'cmd' && d === '$') {
          const read = readDollar();
          if (!read.ok) return read;
          if (read.value) continue;
        }
        if (dialect === 'posix' && d === '`') {
          const close = text.indexOf('`', i + 1);
          if (close < 0) return failAt(text, i, 'A backtick command substitution is never closed.');
          expand(text.slice(i + 1, close).trim(), text.slice(i, close + 1));
          i = close + 1;
          continue;
        }
        // Plain text is copied a run at a time: per-character appends swamp the collector.
        const end = plainRunEnd(text, i + 1, quotedStops);
        value += text.slice(i, end);
        i = end;
      }
      continue;
    }
    if (dialect === 'cmd' && c === '%' && readPercent()) continue;
    if (dialect !== 'cmd' && c === '$') {
      if (dialect === 'posix' && text[i + 1] === "'") {
        const read = readAnsiC(text, i);
        if (!read.ok) return read;
        value += read.value.text;
        i = read.value.end;
        continue;
      }
      const read = readDollar();
      if (!read.ok) return read;
      if (read.value) continue;
    }
    if (dialect === 'posix' && c === '`') {
      const close = text.indexOf('`', i + 1);
      if (close < 0) return failAt(text, i, 'A backtick command substitution is never closed.');
      expand(text.slice(i + 1, close).trim(), text.slice(i, close + 1));
      i = close + 1;
      continue;
    }
    const end = plainRunEnd(text, i + 1, bareStops);
    value += text.slice(i, end);
    i = end;
  }
  endWord();
  return { ok: true, value: { dialect, tokens, notes } };
}
