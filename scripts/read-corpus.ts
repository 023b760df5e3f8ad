/*
 * Reads a corpus of pastes against the request each describes and prints, per language, how
 * many were read to the same method, URL and key headers, and how many threw (must be none);
 * then how many of the samples (tests/unit/paste/samples/<format>/*.txt) read, per format.
 *
 *   node scripts/run-ts.js scripts/read-corpus.ts [dir] [--show]
 *
 * <dir> (default tests/corpus) holds JSON files, each `{ "language": "python", "text": "...",
 * "request": { "method": "GET", "url": "https://...", "headers": [{ "name": "x-api-key",
 * "value": "..." }] } }` or a list of those. Header names compare without case; values, method
 * and URL exactly. A value the paste takes from the environment (`$NAME`, `${NAME}`) compares
 * equal when the reader kept it as a variable of that name (the request then holds it as the
 * paste wrote it: `os.getenv('NAME')`, `process.env.NAME`, `$env:NAME`, ...). `--show` prints
 * each case that did not read, with what was read instead.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Header } from '../src/lib/core/exchange';
import { parseRequestPaste } from '../src/lib/paste/paste';
import type { PastedRequest } from '../src/lib/paste/result';

interface Case {
  language: string;
  from?: string;
  text: string;
  request: { method: string; url: string; headers: Header[] };
}

const args = process.argv.slice(3);
const show = args.includes('--show');
const dir = args.find((a) => !a.startsWith('--')) ?? 'tests/corpus';
const cases: Case[] = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => {
        const data: unknown = JSON.parse(readFileSync(join(dir, f), 'utf8'));
        return (Array.isArray(data) ? data : [data]) as Case[];
      })
  : [];

/** `$NAME` or `${NAME}`: a value the customer's environment supplied. */
const ENV_VALUE = /^\$\{?([A-Za-z_]\w*)\}?$/;

function sameHeader(candidate: PastedRequest, wanted: Header): boolean {
  const { headers } = candidate.request;
  return headers.some((h, index) => {
    if (h.name.toLowerCase() !== wanted.name.toLowerCase()) return false;
    if (h.value === wanted.value) return true;
    const env = ENV_VALUE.exec(wanted.value)?.[1];
    return (
      env !== undefined &&
      candidate.variables.some(
        (v) =>
          v.in === 'header' &&
          v.headerIndex === index &&
          v.name.replace(/^env:/i, '') === env &&
          v.written === h.value,
      )
    );
  });
}

/** The URL with each variable the reader kept written as `$NAME`, as the corpus writes it. */
function urlWithVariables(candidate: PastedRequest): string {
  let url = candidate.request.url;
  const uses = candidate.variables.filter((v) => v.in === 'url').sort((a, b) => b.start - a.start);
  for (const v of uses) {
    if (url.slice(v.start, v.start + v.written.length) !== v.written) continue;
    url = `${url.slice(0, v.start)}$${v.name.replace(/^env:/i, '')}${url.slice(v.start + v.written.length)}`;
  }
  return url;
}

function reads(candidate: PastedRequest, c: Case): boolean {
  const r = candidate.request;
  if (r.method.toUpperCase() !== c.request.method.toUpperCase()) return false;
  if (r.url !== c.request.url && urlWithVariables(candidate) !== c.request.url) return false;
  const names = c.request.headers.map((h) => h.name.toLowerCase());
  const extra = r.headers.filter((h) => names.includes(h.name.toLowerCase())).length;
  return (
    extra === c.request.headers.length && c.request.headers.every((w) => sameHeader(candidate, w))
  );
}

const tally = new Map<string, { total: number; same: number; threw: number; refused: number }>();
for (const c of cases) {
  const t = tally.get(c.language) ?? { total: 0, same: 0, threw: 0, refused: 0 };
  tally.set(c.language, t);
  t.total++;
  try {
    const result = parseRequestPaste(c.text);
    if (!result.ok) {
      t.refused++;
      if (show)
        console.log(`REFUSED ${c.language} ${c.from ?? ''}: ${result.error.message}\n${c.text}\n`);
      continue;
    }
    if (result.value.candidates.some((candidate) => reads(candidate, c))) t.same++;
    else if (show) {
      const got = result.value.candidates.map((x) => ({
        method: x.request.method,
        url: x.request.url,
        headers: x.request.headers,
      }));
      console.log(
        `DIFFERS ${c.language} ${c.from ?? ''}\n${c.text}\nwanted ${JSON.stringify(c.request)}\ngot    ${JSON.stringify(got)}\n`,
      );
    }
  } catch (error) {
    t.threw++;
    if (show) console.log(`THREW ${c.language}: ${String(error)}\n${c.text}\n`);
  }
}
const pct = (a: number, b: number) => (b === 0 ? '  -  ' : ((100 * a) / b).toFixed(1).padStart(5));
console.log('corpus');
for (const [language, t] of [...tally].sort()) {
  console.log(
    `  ${language.padEnd(12)} ${String(t.same).padStart(5)} / ${String(t.total).padEnd(5)} ${pct(t.same, t.total)} %  refused ${t.refused}  threw ${t.threw}`,
  );
}

// Every sample: read as its folder's format (or refused, when its expectation says so).
const samples = 'tests/unit/paste/samples';
if (existsSync(samples)) {
  console.log('samples');
  for (const format of readdirSync(samples).sort()) {
    const files = readdirSync(join(samples, format)).filter((f) => f.endsWith('.txt'));
    let read = 0;
    for (const f of files) {
      const expected = JSON.parse(
        readFileSync(join(samples, format, f.replace(/\.txt$/, '.json')), 'utf8'),
      ) as { format?: string; error?: string };
      const result = parseRequestPaste(readFileSync(join(samples, format, f), 'utf8'));
      if (
        expected.error !== undefined
          ? !result.ok
          : result.ok && result.value.format === (expected.format ?? format)
      )
        read++;
    }
    console.log(`  ${format.padEnd(20)} ${String(read).padStart(3)} / ${files.length}`);
  }
}
