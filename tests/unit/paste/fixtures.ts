import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A paste from tests/fixtures/paste, read exactly as saved (CRLF kept). */
export function fixture(name: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../fixtures/paste/${name}`, import.meta.url)),
    'utf8',
  );
}
