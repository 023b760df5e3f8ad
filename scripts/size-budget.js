#!/usr/bin/env node
// Prints the gzip size of everything the first load fetches (the HTML and the scripts and styles
// it references, preloads included) and of the whole build; fails when the first load passes
// the budget. Lazy chunks count only in the total: they are fetched when a view needs them.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 60_000;
const dist = process.argv[2] ?? 'dist';

/** @param {string} file */
const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const referenced = [
  ...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g),
].map((m) => join(dist, /** @type {string} */ (m[1])));
const firstLoad = [join(dist, 'index.html'), ...new Set(referenced)];

const kb = (/** @type {number} */ n) => `${(n / 1000).toFixed(1).padStart(7)} KB`;
let first = 0;
console.log('First load (gzip):');
for (const file of firstLoad) {
  const size = gzipSize(file);
  first += size;
  console.log(`  ${kb(size)}  ${relative(dist, file)}`);
}
const all = walk(dist).filter((f) => /\.(html|js|css|json|webmanifest|svg)$/.test(f));
const total = all.reduce((sum, file) => sum + gzipSize(file), 0);
console.log(`  ${kb(first)}  total of the first load (budget ${kb(BUDGET_BYTES).trim()})`);
// After the first load the service worker fetches the rest for offline use, in the background:
// not on the first screen's path, but every visitor downloads it, so it is reported too.
const swPath = join(dist, 'sw.js');
if (existsSync(swPath)) {
  const precached = [...readFileSync(swPath, 'utf8').matchAll(/url:"([^"]+)"/g)]
    .map((m) => join(dist, /** @type {string} */ (m[1])))
    .filter((file) => existsSync(file) && !firstLoad.includes(file));
  const later = precached.reduce((sum, file) => sum + gzipSize(file), 0);
  console.log(`  ${kb(later)}  precached after the first load (${precached.length} files)`);
}
console.log(`  ${kb(total)}  total of the build (${all.length} text files, gzip)`);

// The sandbox's own chunk (src/lib/sandbox/surface.ts: every operation of the API document, its
// schemas and the validator) loads with the sandbox's first answer, never on the first screen.
const sandboxChunks = all.filter((f) => /[\\/]surface-[\w-]+\.js$/.test(f));
if (sandboxChunks.length === 0) {
  console.error('The sandbox chunk (assets/surface-*.js) is missing from the build.');
  process.exit(1);
}
for (const file of sandboxChunks) {
  if (firstLoad.includes(file)) {
    console.error(`The sandbox chunk ${relative(dist, file)} is part of the first load.`);
    process.exit(1);
  }
  console.log(`  ${kb(gzipSize(file))}  the sandbox's own chunk, ${relative(dist, file)} (lazy)`);
}

// keycheck.mjs (scripts/cli-bundle.js) is a download for the terminal: never loaded by the page,
// never precached, so it counts in neither total above.
const cliPath = join(dist, 'keycheck.mjs');
if (!existsSync(cliPath)) {
  console.error('keycheck.mjs, the command-line check, is missing from the build.');
  process.exit(1);
}
console.log(
  `  ${kb(gzipSize(cliPath))}  keycheck.mjs, the command-line check (a download, ${kb(statSync(cliPath).size).trim()} as served, not part of the page)`,
);

if (first > BUDGET_BYTES) {
  console.error(`The first load is ${first - BUDGET_BYTES} bytes over its budget.`);
  process.exit(1);
}
