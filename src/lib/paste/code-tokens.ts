/*
 * A small tokenizer for the code customers paste (Python, JavaScript, PowerShell): strings with
 * their interpolations, names, numbers and punctuation, comments dropped. It does not parse
 * those languages; it gives the readers in `code-values.ts` enough to find a request. One linear
 * pass, no regex that can backtrack, never throws: an unclosed string ends at the end of the text.
 */

export type CodeLanguage = 'python' | 'javascript' | 'powershell';

/** A piece of a string: literal text, or an interpolated expression's source (`{x}`, `${x}`, `$x`). */
export type StringPart = { text: string } | { expr: string };

export type CodeToken =
  | { kind: 'str'; parts: StringPart[]; offset: number; end: number }
  | { kind: 'name'; text: string; offset: number; end: number }
  | { kind: 'num'; text: string; offset: number; end: number }
  | { kind: 'punct'; text: string; offset: number; end: number }
  | { kind: 'nl'; text: '\n'; offset: number; end: number };

const NAME_START = /[A-Za-z_$]/;
const NAME_CHAR = /[A-Za-z0-9_$.]/;
const PS_NAME_CHAR = /[A-Za-z0-9_:.-]/;
const PUNCT2 = new Set(['=>', '==', '**', '@{', '@(', '$(', '?.', '::', '+=']);
const PS_BARE_STOP = new Set([' ', '\t', '\r', '\n', ';', '|', '(', ')', '{', '}', '"', "'", ',']);
const PY_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '0': '\0' };
const PS_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '0': '\0' };

/** Index of the brace that closes the one at `open` (strings inside skipped roughly), or -1. */
function closingBrace(text: string, open: number, openChar = '{', closeChar = '}'): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === openChar) depth++;
    else if (c === closeChar && --depth === 0) return i;
    else if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

/** Splits `text` into tokens as `language` reads it. */
export function tokenize(text: string, language: CodeLanguage): CodeToken[] {
  const tokens: CodeToken[] = [];
  const ps = language === 'powershell';
  let i = 0;
  const push = (token: CodeToken) => {
    tokens.push(token);
    i = token.end;
  };
  while (i < text.length) {
    const c = text[i] ?? '';
    const next = text[i + 1] ?? '';
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (ps && c === '`' && (next === '\n' || next === '\r')) {
      i += next === '\r' && text[i + 2] === '\n' ? 3 : 2;
      continue;
    }
    if (c === '\\' && language === 'python' && (next === '\n' || next === '\r')) {
      i += 2;
      continue;
    }
    if (c === '\n') {
      push({ kind: 'nl', text: '\n', offset: i, end: i + 1 });
      continue;
    }
    // Comments.
    if ((c === '#' && !ps) || (ps && c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? '')))) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (ps && c === '<' && next === '#') {
      const end = text.indexOf('#>', i + 2);
      i = end < 0 ? text.length : end + 2;
      continue;
    }
    if (language === 'javascript' && c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (language === 'javascript' && c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      continue;
    }
    // Strings.
    if (c === '"' || c === "'" || (c === '`' && language === 'javascript')) {
      push(readString(text, i, language, ''));
      continue;
    }
    if (
      ps &&
      c === '@' &&
      (next === '"' || next === "'") &&
      /\r?\n/.test(text.slice(i + 2, i + 4))
    ) {
      push(readHereString(text, i));
      continue;
    }
    if (language === 'python' && /[rRbBfFuU]/.test(c)) {
      const prefix = /^[rRbBfFuU]{1,2}(?=["'])/.exec(text.slice(i, i + 3))?.[0];
      if (prefix) {
        const token = readString(text, i + prefix.length, language, prefix.toLowerCase());
        push({ ...token, offset: i });
        continue;
      }
    }
    if (ps && c === '$' && (NAME_START.test(next) || next === '{')) {
      let j = i + 1;
      if (next === '{') {
        const close = text.indexOf('}', i);
        j = close < 0 ? text.length : close + 1;
      } else while (j < text.length && /[A-Za-z0-9_:]/.test(text[j] ?? '')) j++;
      // `$h.Add(` : the member access stays with the name.
      while (text[j] === '.' && NAME_START.test(text[j + 1] ?? '')) {
        j++;
        while (j < text.length && /[A-Za-z0-9_]/.test(text[j] ?? '')) j++;
      }
      push({ kind: 'name', text: text.slice(i, j), offset: i, end: j });
      continue;
    }
    if (ps && c === '@' && NAME_START.test(next)) {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_]/.test(text[j] ?? '')) j++;
      push({ kind: 'name', text: text.slice(i, j), offset: i, end: j });
      continue;
    }
    if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[0-9._xXa-fA-F]/.test(text[j] ?? '')) j++;
      if (!ps || PS_BARE_STOP.has(text[j] ?? ' ') || text[j] === '=') {
        push({ kind: 'num', text: text.slice(i, j), offset: i, end: j });
        continue;
      }
    }
    const two = c + next;
    if (PUNCT2.has(two)) {
      push({ kind: 'punct', text: two, offset: i, end: i + 2 });
      continue;
    }
    if (ps && (c === '-' ? NAME_START.test(next) : NAME_START.test(c))) {
      let j = i + 1;
      while (j < text.length && PS_NAME_CHAR.test(text[j] ?? '')) j++;
      // A bare word such as a URL: up to a space or a PowerShell operator.
      if (
        j < text.length &&
        !PS_BARE_STOP.has(text[j] ?? '') &&
        text[j] !== '=' &&
        text[j] !== '['
      ) {
        while (j < text.length && !PS_BARE_STOP.has(text[j] ?? '')) j++;
      } else if (text.slice(i, j).includes('://')) {
        while (j < text.length && !PS_BARE_STOP.has(text[j] ?? '')) j++;
      }
      push({ kind: 'name', text: text.slice(i, j), offset: i, end: j });
      continue;
    }
    if (!ps && NAME_START.test(c)) {
      let j = i + 1;
      while (j < text.length && NAME_CHAR.test(text[j] ?? '')) j++;
      push({ kind: 'name', text: text.slice(i, j), offset: i, end: j });
      continue;
    }
    push({ kind: 'punct', text: c, offset: i, end: i + 1 });
  }
  return tokens;
}

function readHereString(text: string, at: number): CodeToken {
  const quote = text[at + 1] ?? '"';
  const start = text.indexOf('\n', at) + 1;
  const closing = new RegExp(`\\r?\\n${quote}@`, 'g');
  closing.lastIndex = start - 1;
  const match = closing.exec(text);
  const end = match ? match.index : text.length;
  const body = text.slice(start, end);
  const parts: StringPart[] = quote === '"' ? psInterpolate(body) : [{ text: body }];
  return {
    kind: 'str',
    parts,
    offset: at,
    end: match ? match.index + match[0].length : text.length,
  };
}

/** `$name`, `$env:NAME` and `$(...)` inside a PowerShell double-quoted string. */
function psInterpolate(body: string): StringPart[] {
  const parts: StringPart[] = [];
  let literal = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c === '$' && /[A-Za-z_{(]/.test(body[i + 1] ?? '')) {
      let j = i + 1;
      if (body[j] === '(') j = closingBrace(body, j, '(', ')') + 1 || body.length;
      else if (body[j] === '{') j = body.indexOf('}', j) + 1 || body.length;
      else while (j < body.length && /[A-Za-z0-9_:]/.test(body[j] ?? '')) j++;
      if (literal) parts.push({ text: literal });
      literal = '';
      parts.push({ expr: body.slice(i, j) });
      i = j - 1;
      continue;
    }
    literal += c;
  }
  if (literal) parts.push({ text: literal });
  return parts;
}

function readString(
  text: string,
  at: number,
  language: CodeLanguage,
  prefix: string,
): CodeToken & { kind: 'str' } {
  const quote = text[at] ?? '"';
  const triple = language === 'python' && text.slice(at, at + 3) === quote.repeat(3);
  const close = triple ? quote.repeat(3) : quote;
  const raw = prefix.includes('r');
  const interpolate =
    (language === 'python' && prefix.includes('f')) ||
    (language === 'javascript' && quote === '`') ||
    (language === 'powershell' && quote === '"');
  const escape = language === 'powershell' ? '`' : '\\';
  let i = at + close.length;
  let literal = '';
  const parts: StringPart[] = [];
  const flush = () => {
    if (literal) parts.push({ text: literal });
    literal = '';
  };
  while (i < text.length) {
    if (text.startsWith(close, i)) {
      // PowerShell doubles a quote to write it inside quotes.
      if (language === 'powershell' && text[i + 1] === quote) {
        literal += quote;
        i += 2;
        continue;
      }
      flush();
      return { kind: 'str', parts, offset: at, end: i + close.length };
    }
    const c = text[i] ?? '';
    // A line end closes a one-line string that was never closed: keep going would eat the paste.
    if (c === '\n' && !triple && quote !== '`' && language !== 'powershell') break;
    if (c === escape && !raw && !(language === 'powershell' && quote === "'")) {
      const n = text[i + 1] ?? '';
      const hex =
        n === 'u'
          ? /^[0-9a-fA-F]{4}/.exec(text.slice(i + 2, i + 6))
          : n === 'x'
            ? /^[0-9a-fA-F]{2}/.exec(text.slice(i + 2, i + 4))
            : null;
      if (hex && language !== 'powershell') {
        literal += String.fromCharCode(parseInt(hex[0], 16));
        i += 2 + hex[0].length;
        continue;
      }
      literal += (language === 'powershell' ? PS_ESCAPES[n] : PY_ESCAPES[n]) ?? n;
      i += 2;
      continue;
    }
    if (interpolate && language === 'python' && c === '{') {
      if (text[i + 1] === '{') {
        literal += '{';
        i += 2;
        continue;
      }
      const end = closingBrace(text, i);
      if (end < 0) break;
      flush();
      parts.push({ expr: text.slice(i + 1, end).replace(/[!:][^}]*$/, '') });
      i = end + 1;
      continue;
    }
    if (interpolate && language === 'python' && c === '}' && text[i + 1] === '}') {
      literal += '}';
      i += 2;
      continue;
    }
    if (interpolate && language === 'javascript' && c === '$' && text[i + 1] === '{') {
      const end = closingBrace(text, i + 1);
      if (end < 0) break;
      flush();
      parts.push({ expr: text.slice(i + 2, end) });
      i = end + 1;
      continue;
    }
    if (
      interpolate &&
      language === 'powershell' &&
      c === '$' &&
      /[A-Za-z_{(]/.test(text[i + 1] ?? '')
    ) {
      let j = i + 1;
      if (text[j] === '(') j = closingBrace(text, j, '(', ')') + 1 || text.length;
      else if (text[j] === '{') j = text.indexOf('}', j) + 1 || text.length;
      else while (j < text.length && /[A-Za-z0-9_:]/.test(text[j] ?? '')) j++;
      // `$env:X:` is not a longer name: a drive-qualified name ends before a trailing colon.
      let expr = text.slice(i, j);
      if (expr.endsWith(':')) {
        expr = expr.slice(0, -1);
        j--;
      }
      flush();
      parts.push({ expr });
      i = j;
      continue;
    }
    literal += c;
    i++;
  }
  flush();
  return { kind: 'str', parts, offset: at, end: Math.min(i, text.length) };
}
