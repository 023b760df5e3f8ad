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

/** Prose from the checklist on one line (explanations may wrap). */
export function prose(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
