import type { ReceivedResponse } from '../core/exchange';

/** The body as text, pretty-printed when it is JSON; never interpreted as HTML. */
export function formatBody(response: ReceivedResponse): string {
  const text = response.body;
  if (!/^\s*[[{]/.test(text)) return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
