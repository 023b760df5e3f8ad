/** Control characters shown as escapes, so one value stays on one line and nothing hides. */
export function oneLine(text: string): string {
  // Control characters are exactly what this must find.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Inline code that cannot be broken out of: the fence is longer than any backtick run inside. */
export function code(text: string): string {
  const value = oneLine(text);
  let longest = 0;
  for (const run of value.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') || value === '' ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/**
 * Text that renders as itself in Markdown and never as HTML, a link or an image: characters
 * Markdown gives meaning to are escaped, `<` can start no tag, and a web address cannot turn
 * into a link by itself. Pasted text can stand inside the checklist's sentences (a header name
 * as the customer wrote it), so every sentence goes through here.
 */
export function escapeText(text: string): string {
  return oneLine(text.replace(/\s+/g, ' ').trim())
    .replace(/[\\`*_[\]<>|~{}]/g, '\\$&')
    .replace(/^([#+\-=]|\d+\.)/, '\\$1')
    .replace(/:\/\//g, ':\\/\\/')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`);
}

/**
 * A sentence of the checklist: its `code spans` stay code (fenced safely), the rest is escaped.
 * An unpaired backtick is escaped with the rest.
 */
export function prose(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const parts = flat.split(/`([^`]+)`/);
  return parts.map((part, i) => (i % 2 === 1 ? code(part) : escapeText(part))).join('');
}
