import fc from 'fast-check';
import { expect, test } from 'vitest';
import { jsonErrorOffset } from '../../../src/lib/profiles/json-position';

test('agrees with JSON.parse on what is valid', () => {
  fc.assert(fc.property(fc.json(), (text) => jsonErrorOffset(text) === null));
  fc.assert(
    fc.property(fc.json(), fc.nat(), (text, cut) => {
      const truncated = text.slice(0, cut % (text.length + 1));
      let valid = true;
      try {
        JSON.parse(truncated);
      } catch {
        valid = false;
      }
      return (jsonErrorOffset(truncated) === null) === valid;
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
  expect(jsonErrorOffset(text)).toBe(offset);
});
