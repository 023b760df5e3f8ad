/**
 * Where a JSON text goes wrong. `JSON.parse` does not always say (V8 reports a position for some
 * errors and only a quote of the text for others, and the quote may hold a key), so this small
 * scanner finds the offset of the first character that cannot be part of valid JSON.
 */

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings.
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

class Failure {
  constructor(readonly offset: number) {}
}

/** The offset of the first error in `text`, or null when it is valid JSON. */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const skip = (): void => {
    while (i < text.length && WHITESPACE.has(text[i] as string)) i += 1;
  };
  const expect = (char: string): void => {
    skip();
    if (text[i] !== char) throw new Failure(i);
    i += 1;
  };
  const string = (): void => {
    expect('"');
    STRING_BODY.lastIndex = i;
    if (!STRING_BODY.test(text)) {
      // Walk to the bad character: the first control character or bad escape, or the end.
      while (i < text.length && text[i] !== '"' && text.charCodeAt(i) >= 0x20) {
        i += text[i] === '\\' ? 2 : 1;
      }
      throw new Failure(Math.min(i, text.length));
    }
    i = STRING_BODY.lastIndex;
  };
  const value = (): void => {
    skip();
    const c = text[i];
    if (c === '{') {
      i += 1;
      skip();
      if (text[i] === '}') {
        i += 1;
        return;
      }
      for (;;) {
        string();
        expect(':');
        value();
        skip();
        if (text[i] === ',') i += 1;
        else return expect('}');
      }
    }
    if (c === '[') {
      i += 1;
      skip();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (;;) {
        value();
        skip();
        if (text[i] === ',') i += 1;
        else return expect(']');
      }
    }
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      return;
    }
    throw new Failure(i);
  };
  try {
    value();
    skip();
    return i < text.length ? i : null;
  } catch (failure) {
    if (failure instanceof Failure) return failure.offset;
    throw failure;
  }
}

/** Line and column (both from 1) of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
