/**
 * Checking a request body before it is sent: the API takes JSON, and a typo caught here is
 * cheaper than a 400 whose body may not say where.
 */
import { findJsonError } from '../core/json-error';
import { positionAt } from '../core/position';

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
    const { line, column } = positionAt(text, found.offset);
    const at = found.offset >= text.length ? 'at the end' : `at line ${line}, column ${column}`;
    return {
      line,
      column,
      expected: found.expected,
      message: `The body is not valid JSON: ${at}, expected ${found.expected}. Nothing was sent.`,
    };
  }
}
