/*
 * What the code readers (JavaScript, Python, PowerShell) share about statements: where the code
 * starts, and how a value assigned to a name carries that name to where it is used.
 */
import type { Value } from './code-values';

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
