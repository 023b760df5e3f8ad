import type { Header, SentRequest } from '../core/exchange';
import { fingerprint, formatFingerprint } from '../secrets/fingerprint';
import { misspelledKeyHeader } from './header-checks';

/** Names of generic credential headers, and the usual spellings of the two key headers. */
const SECRET_HEADER =
  /(^|[-_])(api[-_]?key|secret|token|auth|authorization|password|cookie)([-_]|$)/i;

/**
 * Whether a header's value is a secret: the two headers the API reads, every name the checklist
 * reads as a misspelling of one of them (`x-access-key`, `x-user-key`: a misspelled name still
 * carries a real key), and the generic credential headers. The one test of "secret header" for
 * redaction, the report, share links and exports.
 */
export function isSecretHeader(name: string): boolean {
  return SECRET_HEADER.test(name.trim()) || misspelledKeyHeader(name) !== null;
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
