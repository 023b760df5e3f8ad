/**
 * "Download sanitized HAR": the pasted HAR with its secrets as fingerprints, saved as a file.
 * The sanitizer loads on the click, with Diagnose, never on the first screen.
 */
import { downloadText, type Download } from './download';

/** The file name holds nothing from the paste: only the date. */
export function sanitizedHarName(now: Date = new Date()): string {
  return `sanitized-${now.toISOString().slice(0, 10)}.har`;
}

/** Saves the sanitized HAR; resolves to a sentence for a status line (never quoting the paste). */
export async function downloadSanitizedHar(
  text: string,
  download: Download = downloadText,
  now: Date = new Date(),
): Promise<string> {
  const { sanitizeHar } = await import('../lib/paste/har-sanitize');
  const result = await sanitizeHar(text);
  if (!result.ok) {
    return `Could not sanitize: ${result.error.message} (line ${result.error.line}, column ${result.error.column})`;
  }
  download(sanitizedHarName(now), result.value.text);
  const n = result.value.replaced;
  return `Saved ${sanitizedHarName(now)}: ${n} value${n === 1 ? '' : 's'} replaced by fingerprints.`;
}
