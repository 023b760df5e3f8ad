/*
 * Reads a corpus of pastes against the request each describes and prints, per language, how
 * many were read to the same method, URL and headers, and how many threw (must be none).
 *
 *   node scripts/run-ts.js scripts/read-corpus.ts <dir>
 *
 * <dir> holds JSON files, each `{ "language": "python", "text": "...", "request": { "method":
 * "GET", "url": "https://...", "headers": [{ "name": "x-api-key", "value": "..." }] } }` or a
 * list of those. Header names compare without case; values, method and URL exactly. Values the
 * paste takes from the environment compare equal when the reader kept them as a variable of
 * that name (the request then holds `$NAME`, `${NAME}`, `os.environ["NAME"]`, ...).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Header } from '../src/lib/core/exchange';
import { parseRequestPaste } from '../src/lib/paste/paste';

interface Case {
  language: string;
  text: string;
  request: { method: string; url: string; headers: Header[] };
}

const dir = process.argv[3];
if (!dir) {
  console.error('Usage: node scripts/run-ts.js scripts/read-corpus.ts <dir>');
  process.exit(2);
}
const cases: Case[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => {
    const data: unknown = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    return (Array.isArray(data) ? data : [data]) as Case[];
  });

const norm = (headers: readonly Header[]) =>
  headers.map((h) => `${h.name.toLowerCase()}: ${h.value}`).sort();
const tally = new Map<string, { total: number; same: number; threw: number; refused: number }>();
for (const c of cases) {
  const t = tally.get(c.language) ?? { total: 0, same: 0, threw: 0, refused: 0 };
  tally.set(c.language, t);
  t.total++;
  try {
    const result = parseRequestPaste(c.text);
    if (!result.ok) {
      t.refused++;
      continue;
    }
    const wanted = norm(c.request.headers);
    const same = result.value.candidates.some((candidate) => {
      const r = candidate.request;
      if (r.method.toUpperCase() !== c.request.method.toUpperCase() || r.url !== c.request.url)
        return false;
      const got = norm(
        r.headers.filter((h) =>
          c.request.headers.some((w) => w.name.toLowerCase() === h.name.toLowerCase()),
        ),
      );
      return got.length === wanted.length && got.every((g, i) => g === wanted[i]);
    });
    if (same) t.same++;
  } catch {
    t.threw++;
  }
}
for (const [language, t] of [...tally].sort()) {
  const pct = ((100 * t.same) / t.total).toFixed(1);
  console.log(
    `${language.padEnd(12)} ${String(t.same).padStart(5)} / ${String(t.total).padEnd(5)} ${pct.padStart(5)} %  refused ${t.refused}  threw ${t.threw}`,
  );
}
