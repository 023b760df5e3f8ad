/*
 * String formatting the code readers meet in URLs and headers: Python's `"{}/x".format(a)` and
 * `"%s/x" % a`. Fields take the argument's parts, so a variable stays a variable. One pass
 * over the template: linear in its length.
 */
import type { Args, Part, Value } from './code-values';

type Text = (value: Value) => Part[];

/** `template.format(*positional, **keyword)`: `{}`, `{0}`, `{name}`; `{{` and `}}` are braces. */
export function formatFields(template: Value, args: Args, asText: Text): Value {
  if (template.t !== 'str') return template;
  const out: Part[] = [];
  let next = 0;
  for (const part of template.parts) {
    if (!('text' in part)) {
      out.push(part);
      continue;
    }
    const text = part.text;
    let run = '';
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if ((c === '{' || c === '}') && text[i + 1] === c) {
        run += c;
        i++;
        continue;
      }
      const close = c === '{' ? text.indexOf('}', i) : -1;
      if (close < 0) {
        run += c;
        continue;
      }
      const field = text.slice(i + 1, close).replace(/[!:].*$/s, '');
      const value = /^\d+$/.test(field)
        ? args.positional[Number(field)]
        : field === ''
          ? args.positional[next++]
          : args.keyword.get(field);
      if (run) out.push({ text: run });
      run = '';
      out.push(
        ...(value
          ? asText(value)
          : [{ variable: { name: field || 'value', written: text.slice(i, close + 1) } }]),
      );
      i = close;
    }
    if (run) out.push({ text: run });
  }
  return { t: 'str', parts: out };
}

/** `template % values`: `%s`, `%d`, `%r` and friends in order; `%%` is a percent sign. */
export function formatPercent(template: Value, values: Value, asText: Text): Value {
  if (template.t !== 'str') return template;
  const list = values.t === 'list' ? values.items : [values];
  const out: Part[] = [];
  let next = 0;
  for (const part of template.parts) {
    if (!('text' in part)) {
      out.push(part);
      continue;
    }
    let run = '';
    const text = part.text;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c !== '%' || i + 1 >= text.length) {
        run += c;
        continue;
      }
      if (text[i + 1] === '%') {
        run += '%';
        i++;
        continue;
      }
      // A conversion: flags, width and precision, then its letter.
      const spec = /^[-+ #0]*\d*(?:\.\d+)?[sdifrxXeEgGc]/.exec(text.slice(i + 1, i + 20));
      if (!spec) {
        run += c;
        continue;
      }
      const value = list[next++];
      if (run) out.push({ text: run });
      run = '';
      out.push(...(value ? asText(value) : []));
      i += spec[0].length;
    }
    if (run) out.push({ text: run });
  }
  return { t: 'str', parts: out };
}
