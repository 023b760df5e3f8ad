/**
 * Checking a request body before it is sent: the API takes JSON, and a typo caught here is
 * cheaper than a 400 whose body may not say where.
 */
import { findJsonError } from '../paste/json-error';

export interface JsonBodyError {
  /** 1-based. */
  line: number;
  /** 1-based, counted in characters of that line. */
  column: number;
  /** What was expected there, e.g. `"," or a closing bracket`. */
  expected: string;
  /** One sentence for a person: where and what; never quotes the text (it may hold a secret). */
  message: string;
}

/** Line and column (both from 1) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  let line = 1;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line += 1;
  return { line, column: offset - lastBreak };
}

/**
 * Null when `text` is empty (no body is sent) or valid JSON; otherwise where it first goes
 * wrong. Uses `JSON.parse` for the verdict and a scanner only for the position, since engines
 * word and place their errors differently.
 */
export function checkJsonBody(text: string): JsonBodyError | null {
  if (text.trim() === '') return null;
  try {
    JSON.parse(text);
    return null;
  } catch {
    const found = findJsonError(text) ?? { offset: text.length, expected: 'valid JSON' };
    const { line, column } = lineAndColumn(text, found.offset);
    const at = found.offset >= text.length ? 'at the end' : `at line ${line}, column ${column}`;
    return {
      line,
      column,
      expected: found.expected,
      message: `The body is not valid JSON: ${at}, expected ${found.expected}. Nothing was sent.`,
    };
  }
}
