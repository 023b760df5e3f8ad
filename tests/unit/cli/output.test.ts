// Colour in the terminal: on a terminal only, never with NO_COLOR, --no-color or TERM=dumb; the
// status words stay, so colour is never the only signal.
import { describe, expect, test } from 'vitest';
import { checklistText, useColor } from '../../../src/cli/output';
import { diagnose } from '../../../src/lib/auth/diagnose';

const ESC = '\u001b[';
const terminal = { write: () => true, isTTY: true };
const pipe = { write: () => true, isTTY: false };

describe('useColor', () => {
  test.each([
    ['a terminal', terminal, {}, undefined, true],
    ['a pipe or a file', pipe, {}, undefined, false],
    ['NO_COLOR set', terminal, { NO_COLOR: '1' }, undefined, false],
    ['TERM=dumb', terminal, { TERM: 'dumb' }, undefined, false],
    ['--no-color', terminal, {}, false, false],
  ] as const)('%s: %s', (_name, stream, env, choice, expected) => {
    expect(useColor(stream, env, choice)).toBe(expected);
  });
});

test('the checklist in colour and without: the same words, escape codes only in colour', () => {
  const checklist = diagnose({
    source: 'pasted',
    request: {
      method: 'GET',
      url: 'https://api.redislabs.com/v1/',
      headers: [
        { name: 'x-api-key', value: 'a' },
        { name: 'x-api-secret-key', value: 'b' },
      ],
    },
    response: { status: 401, statusText: 'Unauthorized', headers: [], body: '', size: 0 },
  });
  const plain = checklistText(checklist, false);
  const coloured = checklistText(checklist, true);
  expect(plain).not.toContain(ESC);
  expect(coloured).toContain(ESC);
  // eslint-disable-next-line no-control-regex
  expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  expect(plain).toContain('Authentication checklist');
  expect(plain.split('\n').filter((l) => /^ {4}\S/.test(l))).toHaveLength(11);
});
