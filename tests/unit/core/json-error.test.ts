import fc from 'fast-check';
import { expect, test } from 'vitest';
import { findJsonError } from '../../../src/lib/core/json-error';

const offsetOf = (text: string) => findJsonError(text)?.offset ?? null;

test('agrees with JSON.parse on what is valid', () => {
  fc.assert(fc.property(fc.json(), (text) => offsetOf(text) === null));
  fc.assert(
    fc.property(fc.json(), fc.nat(), (text, cut) => {
      const truncated = text.slice(0, cut % (text.length + 1));
      let valid = true;
      try {
        JSON.parse(truncated);
      } catch {
        valid = false;
      }
      return (offsetOf(truncated) === null) === valid;
    }),
  );
});

test.each([
  ['[1, 2,]', 6],
  ['{"a": tru}', 6],
  ['{"a" 1}', 5],
  ['"tab\there"', 4],
  ['[1] x', 4],
  ['{"a": 1', 7],
])('%j fails at %i', (text, offset) => {
  expect(offsetOf(text)).toBe(offset);
});

test('a deeply nested file is placed, not a stack overflow', () => {
  const deep = '['.repeat(200_000) + '1' + ']'.repeat(199_999);
  expect(offsetOf(deep)).toBe(deep.length);
  expect(offsetOf('{"a":'.repeat(100_000))).toBe(500_000);
});
