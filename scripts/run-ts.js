#!/usr/bin/env node
// Runs a TypeScript script through Vite's module runner, so scripts share the app's resolution
// and need no extra runner: `node scripts/run-ts.js scripts/bench-diagnose.ts`.
import { runnerImport } from 'vite';

const [script] = process.argv.slice(2);
if (!script) {
  console.error('Usage: node scripts/run-ts.js <script.ts>');
  process.exit(2);
}
await runnerImport(new URL(script, `file://${process.cwd()}/`).href);
