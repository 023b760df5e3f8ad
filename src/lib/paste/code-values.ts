/*
 * Values in pasted code: strings (with interpolation), dicts, lists, names assigned earlier in
 * the paste, and references to the environment (`os.environ[...]`, `process.env.X`, `$env:X`).
 * What the paste does not show (the environment, a function's result, a parameter) becomes a
 * variable, as a shell-expanded `$VAR` in a curl command does: its written form stands in its
 * place and the user is asked for it. Nothing is guessed.
 */
import type { CodeLanguage, CodeToken, StringPart } from './code-tokens';
import { tokenize } from './code-tokens';
import { formatFields, formatPercent } from './code-format';

/** Text, or a value the paste does not show. `from` names the assignment a literal came from. */
export type Part =
  { text: string; from?: string } | { variable: { name: string; written: string } };

export type Value =
  /** `raw`: a number or boolean, written into JSON without quotes. */
  | { t: 'str'; parts: Part[]; raw?: boolean }
  | { t: 'dict'; entries: { key: Value; value: Value }[] }
  | { t: 'list'; items: Value[] }
  | { t: 'none' };

/** A call's arguments: positional, then keyword (`headers=` in Python). */
export interface Args {
  positional: Value[];
  keyword: Map<string, Value>;
}

const MAX_DEPTH = 40;
const str = (text: string): Value => ({ t: 'str', parts: [{ text }] });
const unknown = (name: string, written: string): Value => ({
  t: 'str',
  parts: [{ variable: { name, written: written.slice(0, 200) } }],
});

/** Environment lookups, per language: the variable's name or null. */
function envName(callee: string, args: Args | null, language: CodeLanguage): string | null {
  const first = args?.positional[0];
  const literal = first ? plainText(first) : null;
  if (language === 'python' && /^(?:os\.)?(?:getenv|environ\.get)$/.test(callee)) return literal;
  if (language === 'javascript' && /^Deno\.env\.get$/.test(callee)) return literal;
  return null;
}

/** The text of a value that is only literal text, else null. */
export function plainText(value: Value): string | null {
  if (value.t !== 'str') return null;
  let out = '';
  for (const p of value.parts) {
    if (!('text' in p)) return null;
    out += p.text;
  }
  return out;
}

/** A value as text, keeping variables as parts (dicts and lists as JSON). */
export function asText(value: Value): Part[] {
  if (value.t === 'str') return value.parts;
  if (value.t === 'none') return [];
  return toJson(value);
}

/** JSON text of a value; unknown parts stay variables inside the JSON. */
export function toJson(value: Value): Part[] {
  if (value.t === 'none') return [{ text: 'null' }];
  if (value.t === 'str') {
    if (value.raw) return value.parts;
    return [
      { text: '"' },
      ...value.parts.map((p) =>
        'text' in p ? { ...p, text: JSON.stringify(p.text).slice(1, -1) } : p,
      ),
      { text: '"' },
    ];
  }
  if (value.t === 'list') {
    const out: Part[] = [{ text: '[' }];
    value.items.forEach((item, i) => out.push(...(i ? [{ text: ',' }] : []), ...toJson(item)));
    return [...out, { text: ']' }];
  }
  const out: Part[] = [{ text: '{' }];
  value.entries.forEach(({ key, value: v }, i) => {
    out.push(
      ...(i ? [{ text: ',' }] : []),
      ...toJson(key.t === 'str' ? key : str('')),
      { text: ':' },
      ...toJson(v),
    );
  });
  return [...out, { text: '}' }];
}

/**
 * Reads expressions from a token list with the names assigned so far. Positions move forward
 * only; every loop consumes a token, so a pathological paste stays linear.
 */
export class CodeReader {
  readonly tokens: CodeToken[];
  readonly language: CodeLanguage;
  readonly scope = new Map<string, Value>();
  pos = 0;
  #depth = 0;
  #parens = 0;

  constructor(text: string, language: CodeLanguage) {
    this.language = language;
    // Markdown code fences around pasted code are not code (in JavaScript, a template's start):
    // blanked to spaces of the same length, so positions stay right.
    this.tokens = tokenize(
      text.replace(/^[ \t]*```[\w-]*[ \t]*$/gm, (m) => ' '.repeat(m.length)),
      language,
    );
  }

  peek(offset = 0): CodeToken | undefined {
    return this.tokens[this.pos + offset];
  }
  is(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t !== undefined && (t.kind === 'punct' || t.kind === 'name') && t.text === text;
  }
  skipNewlines(): void {
    while (this.peek()?.kind === 'nl') this.pos++;
  }

  /** `a + b + ...` (string concatenation); PowerShell command arguments use `primary` instead. */
  expression(): Value {
    let value = this.term();
    // PowerShell adds strings with `+` only inside parentheses (`-Uri ($base + "/x")`): a
    // command's arguments are read one primary at a time.
    let joined: Part[] | null = null;
    while (this.is('+') && (this.language !== 'powershell' || this.#parens > 0)) {
      this.pos++;
      this.skipNewlines();
      const right = this.term();
      // One list grown in place: copying it at every `+` made 35,000 operands take 12 s.
      if (!joined) {
        joined = [...asText(value)];
        value = { t: 'str', parts: joined };
      }
      for (const part of asText(right)) joined.push(part);
    }
    // Python's `a if c else b` and `x or y`: the first is the usual value.
    while (this.is('or') || this.is('||') || this.is('??')) {
      this.pos++;
      this.primary();
    }
    return value;
  }

  /** A primary, and Python's `"%s/x" % value` on it (which binds tighter than `+`). */
  private term(): Value {
    let value = this.primary();
    while (this.is('%') && this.language === 'python' && value.t === 'str') {
      this.pos++;
      value = formatPercent(value, this.primary(), asText);
    }
    return value;
  }

  primary(): Value {
    const token = this.peek();
    if (!token || this.#depth > MAX_DEPTH) return { t: 'none' };
    this.#depth++;
    try {
      return this.postfix(this.atom(token));
    } finally {
      this.#depth--;
    }
  }

  /** `x["key"]` on a dict; `.method(...)` after a value (its result is not known). */
  private postfix(value: Value): Value {
    let out = value;
    for (let guard = 0; guard < 1000; guard++) {
      if (this.is('[') && out.t === 'dict') {
        this.pos++;
        const key = this.expression();
        if (this.is(']')) this.pos++;
        const name = plainText(key);
        out = (name !== null ? entry(out, name) : undefined) ?? unknown('expression', 'value[...]');
        continue;
      }
      if (this.is('.') && this.peek(1)?.kind === 'name') {
        const method = (this.peek(1) as { text: string }).text;
        this.pos += 2;
        const args = this.is('(') ? (this.pos++, this.args(')')) : null;
        if (method === 'format' && args && out.t === 'str' && this.language === 'python')
          out = formatFields(out, args, asText);
        else if (
          !/^(?:strip|trim|rstrip|lstrip|trimEnd|trimStart|toString|encode|decode)$/.test(method)
        )
          out = unknown(method, `.${method}(...)`);
        continue;
      }
      return out;
    }
    return out;
  }

  private atom(token: CodeToken): Value {
    this.pos++;
    if (token.kind === 'str') return { t: 'str', parts: this.interpolate(token.parts) };
    if (token.kind === 'num') return { t: 'str', parts: [{ text: token.text }], raw: true };
    if (token.kind === 'nl') return { t: 'none' };
    if (token.kind === 'punct') {
      if (token.text === '{' || token.text === '@{') return this.dict(token.text === '@{');
      if (token.text === '[' || token.text === '@(')
        return this.list(token.text === '[' ? ']' : ')');
      if (token.text === '(') {
        this.#parens++;
        let list: Value;
        try {
          list = this.list(')');
        } finally {
          this.#parens--;
        }
        return list.t === 'list' && list.items.length === 1 ? (list.items[0] as Value) : list;
      }
      if (token.text === '$(') {
        this.list(')');
        return unknown('expression', '$(...)');
      }
      if (token.text === '-' && this.peek()?.kind === 'num')
        return this.atom(this.peek() as CodeToken);
      return { t: 'none' };
    }
    return this.named(token.text);
  }

  private named(name: string): Value {
    const lower = name.toLowerCase();
    if (['none', 'null', 'undefined', '$null'].includes(lower)) return { t: 'none' };
    if (['true', 'false', '$true', '$false'].includes(lower))
      return { t: 'str', parts: [{ text: lower.replace('$', '') }], raw: true };
    if (name === 'new' || name === 'await') return this.primary();
    if (this.language === 'javascript') {
      const env = /^(?:process\.env|import\.meta\.env)\.([A-Za-z_]\w*)$/.exec(name);
      if (env?.[1]) return unknown(env[1], name);
    }
    if (this.language === 'powershell') {
      const env = /^\$env:([A-Za-z_]\w*)$/i.exec(name);
      if (env?.[1]) return this.scope.get(name.toLowerCase()) ?? unknown(`env:${env[1]}`, name);
      if (/^\[/.test(name)) return { t: 'none' };
    }
    if (this.is('(')) {
      this.pos++;
      const args = this.args(')');
      return this.call(name, args);
    }
    if (this.is('[') && this.isEnvObject(name)) {
      this.pos++;
      const key = this.expression();
      if (this.is(']')) this.pos++;
      const text = plainText(key);
      return text ? unknown(text, `${name}[${JSON.stringify(text)}]`) : unknown(name, name);
    }
    const key = this.language === 'powershell' ? name.toLowerCase() : name;
    const known = this.scope.get(key);
    if (known) return known;
    if (this.language === 'powershell' && !name.startsWith('$')) return str(name);
    return unknown(name.replace(/^\$/, ''), name);
  }

  private isEnvObject(name: string): boolean {
    return (
      (this.language === 'python' && /^(?:os\.)?environ$/.test(name)) ||
      (this.language === 'javascript' && /^(?:process\.env|import\.meta\.env)$/.test(name))
    );
  }

  private call(name: string, args: Args): Value {
    const env = envName(name, args, this.language);
    if (env) return unknown(env, `${name}(${JSON.stringify(env)})`);
    if (/^(?:JSON\.stringify|json\.dumps)$/.test(name) && args.positional[0])
      return { t: 'str', parts: toJson(args.positional[0]) };
    if (/^(?:str|String|f)$/.test(name) && args.positional[0]) return args.positional[0];
    if (name === 'dict') {
      return { t: 'dict', entries: [...args.keyword].map(([k, v]) => ({ key: str(k), value: v })) };
    }
    // `new Headers()`, `new Map()`: an empty dict that `.append`/`.set` fill.
    if (/^(?:Headers|URLSearchParams|Map|dict|Object)$/.test(name) && !args.positional[0])
      return { t: 'dict', entries: [] };
    if (
      /^(?:Headers|URLSearchParams|Object\.assign|Object\.fromEntries)$/.test(name) &&
      args.positional[0]
    )
      return args.positional[args.positional.length - 1] as Value;
    // A method of a known value that returns the value (`.strip()`, `.trim()`).
    const base = /^(.+)\.(?:strip|trim|rstrip|lstrip|trimEnd|trimStart|toString)$/.exec(name)?.[1];
    if (base) {
      const key = this.language === 'powershell' ? base.toLowerCase() : base;
      const known = this.scope.get(key);
      if (known) return known;
    }
    return unknown(name, `${name}(...)`);
  }

  /** Interpolations become the value of their expression when it is a simple name. */
  private interpolate(parts: StringPart[]): Part[] {
    const out: Part[] = [];
    for (const p of parts) {
      if ('text' in p) {
        out.push({ text: p.text });
        continue;
      }
      const expr = p.expr.trim();
      const inner = new CodeReader(expr, this.language);
      for (const [k, v] of this.scope) inner.scope.set(k, v);
      const value = expr.length < 200 ? inner.expression() : unknown('expression', expr);
      const written =
        this.language === 'python'
          ? `{${expr}}`
          : this.language === 'javascript'
            ? `\${${expr}}`
            : expr;
      const text = asText(value).map((part) =>
        'variable' in part && part.variable.written === expr
          ? { variable: { name: part.variable.name, written } }
          : part,
      );
      out.push(...(text.length ? text : [{ variable: { name: expr, written } }]));
    }
    return out;
  }

  /** Arguments up to `close`: positional and `name=value` (Python keyword arguments). */
  args(close: string): Args {
    const positional: Value[] = [];
    const keyword = new Map<string, Value>();
    for (let guard = 0; this.pos < this.tokens.length && guard < 10_000; guard++) {
      this.skipNewlines();
      if (this.is(close)) {
        this.pos++;
        break;
      }
      if (this.is(',')) {
        this.pos++;
        continue;
      }
      const t = this.peek();
      if (t?.kind === 'name' && this.is('=', 1) && this.language === 'python') {
        this.pos += 2;
        keyword.set(t.text, this.expression());
        continue;
      }
      if (this.is('**') || this.is('...')) this.pos++;
      const before = this.pos;
      positional.push(this.expression());
      if (this.pos === before) this.pos++;
    }
    return { positional, keyword };
  }

  private list(close: string): Value {
    const { positional } = this.args(close);
    return { t: 'list', items: positional };
  }

  /** `{k: v, ...}` (Python, JavaScript) or `@{k = v; ...}` (PowerShell). */
  private dict(powershell: boolean): Value {
    const entries: { key: Value; value: Value }[] = [];
    for (let guard = 0; this.pos < this.tokens.length && guard < 10_000; guard++) {
      this.skipNewlines();
      if (this.is('}')) {
        this.pos++;
        break;
      }
      if (this.is(',') || this.is(';')) {
        this.pos++;
        continue;
      }
      const before = this.pos;
      if (this.is('...') || this.is('**')) {
        this.pos++;
        const spread = this.expression();
        if (spread.t === 'dict') entries.push(...spread.entries);
        continue;
      }
      let key: Value;
      const t = this.peek();
      if (t?.kind === 'name' && !powershell && this.language === 'javascript') {
        this.pos++;
        key = str(t.text);
        // `{ headers }`: shorthand for `{ headers: headers }`.
        if (!this.is(':')) {
          entries.push({ key, value: this.scope.get(t.text) ?? unknown(t.text, t.text) });
          continue;
        }
      } else if (t?.kind === 'name' && powershell) {
        this.pos++;
        key = str(t.text);
      } else if (this.is('[')) {
        this.pos++;
        key = this.expression();
        if (this.is(']')) this.pos++;
      } else key = this.primary();
      if (this.is(powershell ? '=' : ':')) this.pos++;
      this.skipNewlines();
      // A key with no value before the closing brace (a command's argument left over, as in
      // `@{ f = Get-Item "x" }`): the brace still closes the dict.
      if (this.is('}')) continue;
      const value = this.expression();
      entries.push({ key, value });
      if (this.pos === before) this.pos++;
    }
    return { t: 'dict', entries };
  }
}

/** The entry of a dict whose key is `name` (without case), or undefined. */
export function entry(value: Value | undefined, name: string): Value | undefined {
  if (value?.t !== 'dict') return undefined;
  const wanted = name.toLowerCase();
  for (let i = value.entries.length - 1; i >= 0; i--) {
    const e = value.entries[i];
    if (e && plainText(e.key)?.toLowerCase() === wanted) return e.value;
  }
  return undefined;
}

/** Sets (or adds) `key` in a dict value, as `headers["x"] = y` or `$h.Add("x", y)` does. */
export function setEntry(dict: Value, key: Value, value: Value): void {
  if (dict.t !== 'dict') return;
  const name = plainText(key)?.toLowerCase();
  const at = dict.entries.findIndex(
    (e) => name !== undefined && plainText(e.key)?.toLowerCase() === name,
  );
  if (at >= 0) dict.entries[at] = { key, value };
  else dict.entries.push({ key, value });
}
