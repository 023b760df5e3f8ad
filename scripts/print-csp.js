#!/usr/bin/env node
// Prints the Content-Security-Policy of the build in dist/ (or the folder given), for hosts
// that set the header themselves: it allows the build's own inline blocks by hash.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cspOfBuild } from './csp.js';

const dist = process.argv[2] ?? 'dist';
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`No build in ${dist}/: run \`npm run build\` first.`);
  process.exit(1);
}
console.log(cspOfBuild(dist));
