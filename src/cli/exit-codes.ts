/**
 * keycheck.mjs's exit codes: 0 for `ok`, one code per other verdict, so a script or a CI job can
 * branch on the outcome without reading the text. The README and `--help` print this table.
 */
import { VERDICT } from '../lib/core/words';

/** Bad arguments, a key on the command line, a missing variable, an unreadable paste. */
export const EXIT_USAGE = 2;
/** Keycheck itself failed (a bug): the message says what. */
export const EXIT_INTERNAL = 1;

/** One code per verdict; `intercepted` is reserved for the verdict of that name. */
export const EXIT_CODES: Readonly<Record<string, number>> = {
  ok: 0,
  'auth-failed': 10,
  forbidden: 11,
  'rate-limited': 12,
  'request-error': 13,
  'server-error': 14,
  'wrong-target': 15,
  unreachable: 16,
  intercepted: 17,
  'not-sent': 18,
  unknown: 19,
};

/** For a verdict this table does not know yet: "could not be told". */
const FALLBACK = 19;

export function exitCodeOf(verdict: string): number {
  return EXIT_CODES[verdict] ?? FALLBACK;
}

/** The table as `--help` shows it. */
export function exitCodeTable(): string {
  const words = VERDICT as Readonly<Record<string, string>>;
  const rows = Object.entries(EXIT_CODES).map(
    ([verdict, code]) =>
      `  ${String(code).padStart(3)}  ${verdict.padEnd(14)} ${words[verdict] ?? 'Something other than the API answered'}`,
  );
  return [
    ...rows,
    `  ${String(EXIT_USAGE).padStart(3)}  ${'usage'.padEnd(14)} Bad arguments, a key on the command line, a missing variable or an unreadable paste: nothing was checked`,
    `  ${String(EXIT_INTERNAL).padStart(3)}  ${'internal'.padEnd(14)} Keycheck itself failed`,
  ].join('\n');
}
