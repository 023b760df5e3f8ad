import type { Header, SentRequest } from '../api/exchange';
import { fingerprint, formatFingerprint } from './fingerprint';

/**
 * Header names whose values are secrets: the two the API reads, their common misspellings, and
 * the generic credential headers. A misspelled name still carries a real key.
 */
const SECRET_HEADER =
  /(^|[-_])(api[-_]?key|secret|token|auth|authorization|password|cookie)([-_]|$)/i;

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADER.test(name.trim());
}

/** A copy of the header with its value replaced by the value's fingerprint when secret. */
export async function redactHeader(header: Header): Promise<Header> {
  if (!isSecretHeader(header.name) || header.value === '') return { ...header };
  return {
    name: header.name,
    value: `[redacted ${formatFingerprint(await fingerprint(header.value))}]`,
  };
}

/**
 * A copy of the request that is safe to display and store: secret header values become
 * fingerprints. The URL and body are kept; callers that show pasted text redact those too.
 */
export async function redactRequest(request: SentRequest): Promise<SentRequest> {
  return { ...request, headers: await Promise.all(request.headers.map(redactHeader)) };
}
