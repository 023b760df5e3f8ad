// Builds keycheck.mjs, the command-line check a customer runs (src/cli/main.ts), as one
// self-contained ES module for Node 18 or later: src/lib and its dependencies bundled in, Node's
// built-ins imported, lazy chunks inlined. `vite build` runs it after the site is written, so
// the file sits beside index.html and relay.js in dist/; tests can build it alone with
// `buildCli()` on a clone where dist/ does not exist yet.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_FILE = 'keycheck.mjs';

/**
 * Writes `<outDir>/keycheck.mjs`.
 * @param {{ outDir?: string, emptyOutDir?: boolean }} [options] outDir relative to the project root (default dist)
 */
export async function buildCli(options = {}) {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    // The relay's own command line must not start when the bundle imports it (public/relay.js).
    define: { 'globalThis.KEYCHECK_BUNDLED_RELAY': 'true' },
    build: {
      ssr: 'src/cli/main.ts',
      outDir: options.outDir ?? 'dist',
      emptyOutDir: options.emptyOutDir ?? false,
      target: 'node18',
      minify: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rollupOptions: {
        output: {
          format: 'es',
          entryFileNames: CLI_FILE,
          // One file: the sandbox's lazy surface and the paste readers go in the same file.
          codeSplitting: false,
          banner: '#!/usr/bin/env node',
        },
      },
    },
    // Every dependency inside the file: nothing to install on the customer's machine.
    ssr: { noExternal: true, target: 'node' },
  });
}

/**
 * The site's build also writes keycheck.mjs into its output folder; the dev server builds it
 * from the current sources on each request, so the site's download links work there too.
 * @returns {import('vite').Plugin}
 */
export function cliBundle() {
  /** @type {string} */
  let outDir = 'dist';
  let building = false;
  return {
    name: 'keycheck-cli-bundle',
    configResolved(config) {
      outDir = config.build.outDir;
      building = config.command === 'build';
    },
    configureServer(server) {
      const cache = join(ROOT, 'node_modules', '.cache', 'keycheck-cli');
      server.middlewares.use(`/${CLI_FILE}`, (req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        buildCli({ outDir: cache, emptyOutDir: true })
          .then(() => readFile(join(cache, CLI_FILE)))
          .then((file) => {
            res.setHeader('content-type', 'text/javascript; charset=utf-8');
            res.end(req.method === 'HEAD' ? undefined : file);
          })
          .catch(next);
      });
    },
    async closeBundle() {
      // Only the site's build (vitest and the dev server also load this plugin).
      if (!building) return;
      await buildCli({ outDir });
    },
  };
}
