/*
 * Where a JSON text stops being valid, and what was expected there. JSON.parse cannot say it
 * portably (engines differ, and their messages quote the text, which may hold a key), so this
 * scanner runs after JSON.parse fails. Iterative, with an explicit stack: a deeply nested paste
 * cannot overflow the call stack.
 */

type Expect =
  'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

const WANTED: Readonly<Record<Expect, string>> = {
  value: 'a value',
  'value-or-close': 'a value or "]"',
  key: 'a quoted name',
  'key-or-close': 'a quoted name or "}"',
  colon: '":"',
  'comma-or-close': '"," or a closing bracket',
  end: 'the end of the text',
};

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The offset of the first error in `text` and what was expected there, or null when valid. */
export function findJsonError(text: string): { offset: number; expected: string } | null {
  const stack: string[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const after = (): Expect => (stack.length ? 'comma-or-close' : 'end');
  const error = (offset: number, expected = WANTED[expect]) => ({ offset, expected });
  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
    if (i >= text.length) return expect === 'end' ? null : error(text.length);
    const c = text[i] ?? '';
    if (expect === 'value' || expect === 'value-or-close') {
      if (c === ']' && expect === 'value-or-close') {
        stack.pop();
        i++;
        expect = after();
      } else if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        expect = c === '{' ? 'key-or-close' : 'value-or-close';
      } else if (c === '"') {
        const end = scanString(text, i);
        if (end < 0) return error(-end, 'a closed string');
        i = end;
        expect = after();
      } else {
        NUMBER.lastIndex = i;
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
        if (literal) i += literal.length;
        else if (NUMBER.test(text)) i = NUMBER.lastIndex;
        else return error(i);
        expect = after();
      }
    } else if (expect === 'key' || expect === 'key-or-close') {
      if (c === '}' && expect === 'key-or-close') {
        stack.pop();
        i++;
        expect = after();
      } else if (c === '"') {
        const end = scanString(text, i);
        if (end < 0) return error(-end, 'a closed string');
        i = end;
        expect = 'colon';
      } else return error(i);
    } else if (expect === 'colon') {
      if (c !== ':') return error(i);
      i++;
      expect = 'value';
    } else if (expect === 'comma-or-close') {
      const top = stack[stack.length - 1];
      if (c === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        stack.pop();
        i++;
        expect = after();
      } else return error(i);
    } else {
      return error(i);
    }
  }
}

/** The offset after the string opening at `at`, or minus the offset of the error in it. */
function scanString(text: string, at: number): number {
  for (let j = at + 1; j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code === 34) return j + 1;
    if (code < 0x20) return -j;
    if (code === 92) {
      const next = text[j + 1] ?? '';
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return -j;
        j += 5;
      } else if ('"\\/bfnrt'.includes(next) && next !== '') {
        j++;
      } else return -j;
    }
  }
  return -text.length;
}
