/*
 * What the code readers (JavaScript, Python, PowerShell) share about statements: where the code
 * starts, and how a value assigned to a name carries that name to where it is used.
 */
import { setEntry, type CodeReader, type Value } from './code-values';
import { failAt, type ParseResult, type PastedRequest } from './result';

/** Text assigned to a name remembers it, so they are reported as sensitive where they land. */
export function tagged(value: Value, from: string): Value {
  if (value.t === 'str')
    return {
      ...value,
      parts: value.parts.map((p) => ('text' in p && !p.from ? { ...p, from } : p)),
    };
  // A dict's own literals are found by the header, field and query rules of lib/secrets.
  return value;
}

/** Where the first line of code starts (comments and blank lines skipped). */
export function firstCodeOffset(text: string): number {
  const match = /^[ \t]*[^\s#/]/m.exec(text.slice(0, 65536));
  return match ? match.index + match[0].length - 1 : 0;
}

/**
 * What a code language adds to the one statement loop. Each hook is called with the reader on
 * the statement's first name; a hook that handles the statement moves the reader past what it
 * read and returns true.
 */
export interface StatementHooks {
  /** A statement of the language's own (a call, a client, `with ... as x:`), tried first. */
  statement(name: string, reader: CodeReader): boolean;
  /** True when `name = ...` and `name[k] = ...` assign a variable (PowerShell's need a `$`). */
  assigns(name: string): boolean;
  /** `name = <rhs>` with the reader on `<rhs>`: true when the language handled it. */
  assignment?(name: string, reader: CodeReader): boolean;
  /** Stores an assigned value; by default under its name, tagged with it. */
  store?(name: string, value: Value, reader: CodeReader): void;
  /** The dict `name[key] = value` writes into, if any. */
  indexTarget(name: string, reader: CodeReader): Value | undefined;
}

/**
 * The statement loop every code reader shares: token by token, a language's own statements,
 * then assignments (values kept for later, with the name that held them) and `name[key] = v`
 * into a dict. Bounded: it never revisits a token and stops after a million steps.
 */
export function runStatements(reader: CodeReader, hooks: StatementHooks): void {
  const tokens = reader.tokens;
  for (let guard = 0; reader.pos < tokens.length && guard < 1_000_000; guard++) {
    const token = reader.peek();
    if (!token) break;
    if (token.kind !== 'name') {
      reader.pos++;
      continue;
    }
    const name = token.text;
    if (hooks.statement(name, reader)) continue;
    if (reader.is('=', 1) && hooks.assigns(name)) {
      reader.pos += 2;
      if (hooks.assignment?.(name, reader)) continue;
      const value = reader.expression();
      if (hooks.store) hooks.store(name, value, reader);
      else reader.scope.set(name, tagged(value, name));
      continue;
    }
    if (reader.is('[', 1) && hooks.assigns(name)) {
      const target = hooks.indexTarget(name, reader);
      const start = reader.pos;
      reader.pos += 2;
      const key = reader.expression();
      if (target?.t === 'dict' && reader.is(']') && reader.is('=', 1)) {
        reader.pos += 2;
        setEntry(target, key, reader.expression());
      } else if (reader.pos === start + 2) reader.pos++;
      continue;
    }
    reader.pos++;
  }
}

/** The requests found, or an error at the first line of code saying none was. */
export function foundOrFail(
  text: string,
  found: PastedRequest[],
  message: string,
): ParseResult<PastedRequest[]> {
  return found.length > 0
    ? { ok: true, value: found }
    : failAt(text, firstCodeOffset(text), message);
}
