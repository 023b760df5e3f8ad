import type { SentRequest } from './exchange';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `encodeURIComponent` that cannot throw: a lone surrogate (a cut paste) becomes U+FFFD. */
export function encodeComponent(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'));
}

/** Standard base64 of the UTF-8 bytes of `value` (what curl puts after `Basic `). */
export function base64Utf8(value: string): string {
  return bytesToBase64(new TextEncoder().encode(value));
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep String.fromCharCode's argument count far below engine limits.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Bytes of a base64 (or base64url) text, or null when it is not valid base64. */
export function base64ToBytes(text: string): Uint8Array | null {
  const standard = text.replace(/-/g, '+').replace(/_/g, '/').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(standard)) return null;
  try {
    const binary = atob(standard);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** The `Authorization` value curl sends for `-u user:password`. */
export function basicCredentials(userAndPassword: string): string {
  return `Basic ${base64Utf8(userAndPassword)}`;
}

/** A short, secret-free name for a request: method and path, no query. */
export function requestLabel(request: Pick<SentRequest, 'method' | 'url'>): string {
  const path = request.url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').replace(/[?#].*$/s, '');
  const label = `${request.method} ${path || '/'}`;
  return label.length > 80 ? `${label.slice(0, 79)}…` : label;
}

/**
 * Whether a value is what a CI log prints in place of a registered secret, not a value that was
 * sent (FACTS.md, "What customers paste as the answer": GitHub Actions' `***`; GitLab's
 * `[MASKED]` is the same thing in its own words). A pattern that stops at a bracket may hand
 * over `[MASKED` alone.
 */
export function isCiMask(value: string | null | undefined): boolean {
  return value !== null && value !== undefined && /^(?:\*{3}|\[?MASKED\]?)$/i.test(value.trim());
}
