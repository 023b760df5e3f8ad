/*
 * The one option-table driver of the shell tools (curl, wget, HTTPie): each tool's options are
 * data in one form (`OptionTable`), and this walks a command's words against it. Short options
 * cluster (`-sSL`, `-XPOST`, `-nv`), long ones take their value inline (`--name=value`) or as
 * the next word, `--` ends the options, `--no-name` negates a known `--name`. An option the
 * table does not know is handled the same way for every tool: its value (inline, or the next
 * word when that is not an operand) is a secret and never the URL.
 */
import type { ShellWord } from './shell-words';

export interface ShellOption<A extends string> {
  action: A;
  takesValue: boolean;
}

export interface OptionTable<A extends string> {
  short: Readonly<Record<string, ShellOption<A>>>;
  long: Readonly<Record<string, ShellOption<A>>>;
  /** True for a word that is an operand of the tool (a URL, an HTTPie item), never a value. */
  isOperand(word: string): boolean;
}

export type OptionStep<A extends string> =
  /** A known option; `value` is set when it takes one. A negated flag (`--no-x`) has none. */
  | { kind: 'option'; action: A; name: string; word: ShellWord; value?: ShellWord; negated?: true }
  /** A word that is not an option (the URL, an item), or any word after `--`. */
  | { kind: 'operand'; word: ShellWord }
  /** An option the table does not know, with the value it seems to take (a secret). */
  | { kind: 'unknown'; name: string; word: ShellWord; value?: ShellWord };

export interface OptionWalk {
  /** Set by `--`: later words are operands (kept across walks of the same command). */
  ended: boolean;
}

/** Helpers to write tables: an option with a value, a flag. */
export const withValue = <A extends string>(action: A): ShellOption<A> => ({
  action,
  takesValue: true,
});
export const flag = <A extends string>(action: A): ShellOption<A> => ({
  action,
  takesValue: false,
});

/** `names` mapped to one option, for the long lists of options that change nothing read. */
export function many<A extends string>(
  names: readonly string[],
  option: ShellOption<A>,
): Record<string, ShellOption<A>> {
  return Object.fromEntries(names.map((n) => [n, option]));
}

/** A URL with a scheme, or a host name with a dot and a top-level domain. */
export const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\/|^[\w.-]+\.[a-z]{2,}(?:[:/]|$)/i;

/**
 * Walks `args` against `table`, calling `visit` for each step. Returns the option that needs a
 * value and has none (the last word), or null.
 */
export function walkOptions<A extends string>(
  args: readonly ShellWord[],
  table: OptionTable<A>,
  visit: (step: OptionStep<A>) => void,
  walk: OptionWalk = { ended: false },
): { name: string; word: ShellWord } | null {
  for (let a = 0; a < args.length; a++) {
    const word = args[a] as ShellWord;
    const w = word.value;
    if (walk.ended || !w.startsWith('-') || w === '-') {
      visit({ kind: 'operand', word });
      continue;
    }
    if (w === '--') {
      walk.ended = true;
      continue;
    }
    if (w.startsWith('--')) {
      const eq = w.indexOf('=');
      const whole = w.slice(2);
      let name = whole;
      let inline: ShellWord | undefined;
      let option = table.long[whole];
      if (!option && eq > 2) {
        name = w.slice(2, eq);
        inline = valueAfter(word, eq + 1);
        option = table.long[name];
      }
      if (!option && name.startsWith('no-') && table.long[name.slice(3)] && !inline) {
        const negated = table.long[name.slice(3)] as ShellOption<A>;
        visit({ kind: 'option', action: negated.action, name: `--${name}`, word, negated: true });
        continue;
      }
      if (!option) {
        let value = inline;
        const next = args[a + 1];
        if (!value && next && !next.value.startsWith('-') && !table.isOperand(next.value)) {
          value = next;
          a++;
        }
        visit({ kind: 'unknown', name: `--${name}`, word, ...(value ? { value } : {}) });
        continue;
      }
      if (!option.takesValue) {
        visit({ kind: 'option', action: option.action, name: `--${name}`, word });
        continue;
      }
      let value = inline;
      if (!value) {
        value = args[a + 1];
        if (!value) return { name: w, word };
        a++;
      }
      visit({ kind: 'option', action: option.action, name: `--${name}`, word, value });
      continue;
    }
    // A cluster of short options: `-sSL`, `-XPOST`, `-H'x-api-key:VALUE'` after quote removal.
    for (let c = 1; c < w.length; c++) {
      const letter = w[c] ?? '';
      const option = table.short[letter];
      if (!option) {
        visit({ kind: 'unknown', name: `-${letter}`, word });
        continue;
      }
      if (!option.takesValue) {
        visit({ kind: 'option', action: option.action, name: `-${letter}`, word });
        continue;
      }
      let value: ShellWord | undefined;
      if (c + 1 < w.length) value = valueAfter(word, c + 1);
      else {
        value = args[a + 1];
        if (!value) return { name: `-${letter}`, word };
        a++;
      }
      visit({ kind: 'option', action: option.action, name: `-${letter}`, word, value });
      break;
    }
  }
  return null;
}

/** The rest of a word from `from`, its variables moved with it. */
function valueAfter(word: ShellWord, from: number): ShellWord {
  return {
    ...word,
    value: word.value.slice(from),
    variables: word.variables
      .filter((v) => v.start >= from)
      .map((v) => ({ ...v, start: v.start - from })),
  };
}
