import { expect } from 'vitest';
import type { ParseResult } from '../../../src/lib/paste/result';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A paste from tests/fixtures/paste, read exactly as saved (CRLF kept). */
export function fixture(name: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../fixtures/paste/${name}`, import.meta.url)),
    'utf8',
  );
}

/** An error must point at a real place in the text: a line that exists, a column on it. */
export function expectWellPlaced(text: string, result: ParseResult<unknown>): void {
  if (result.ok) return;
  const lines = text.split('\n');
  const { line, column, message } = result.error;
  expect(message.length).toBeGreaterThan(0);
  expect(line).toBeGreaterThanOrEqual(1);
  expect(line).toBeLessThanOrEqual(lines.length);
  expect(column).toBeGreaterThanOrEqual(1);
  expect(column).toBeLessThanOrEqual((lines[line - 1] ?? '').length + 1);
}
