/**
 * A name for a secret that is safe to show: `sha256:` plus the first 8 hex digits of the
 * SHA-256 of the value's UTF-8 bytes, and its length in characters. Two people can compare
 * fingerprints to agree on which key was used without either showing the key.
 */
export interface Fingerprint {
  /** e.g. `sha256:1a2b3c4d` */
  hash: string;
  /** Length of the value in characters (UTF-16 code units, as a text box counts them). */
  length: number;
}

export async function fingerprint(value: string): Promise<Fingerprint> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value));
  const hex = Array.from(new Uint8Array(digest).subarray(0, 4), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
  return { hash: `sha256:${hex}`, length: value.length };
}

/** `sha256:1a2b3c4d (40 characters)` */
export function formatFingerprint(fp: Fingerprint): string {
  return `${fp.hash} (${fp.length} characters)`;
}
