// The first screen comes with the page: the build renders the Playground into index.html
// (src/prerender.ts, through Svelte's server renderer), inlines the styles the page links and
// the small script that runs before the app (src/browser/before-start.ts). So the Send button
// is drawn with the HTML, without waiting for a stylesheet or the app's script, and a Send made
// before the app started is kept. The CSP plugin, after this one, allows the inline blocks by hash.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { join } from 'node:path';
import { build, runnerImport } from 'vite';

/**
 * The HTML of the first screen, rendered by the app's own components.
 * @param {string} root
 * @returns {Promise<string>}
 */
async function renderFirstScreen(root) {
  /** @type {{ module: { renderFirstScreen(): string } }} */
  const { module } = await runnerImport(join(root, 'src/prerender.ts'), {
    configFile: false,
    root,
    mode: 'production',
    logLevel: 'error',
    // Styles come from the client build (inlined below); the server render needs none.
    plugins: [svelte({ emitCss: false, compilerOptions: { dev: false } })],
  });
  return module.renderFirstScreen();
}

/**
 * The script that runs before the app, bundled into one classic script for an inline block.
 * @param {string} root
 * @returns {Promise<string>}
 */
async function beforeStartScript(root) {
  const output = await build({
    configFile: false,
    root,
    logLevel: 'error',
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: join(root, 'src/browser/before-start.ts'), formats: ['iife'], name: 'x' },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  const chunk = results
    .flatMap((result) => ('output' in result ? result.output : []))
    .find((file) => file.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('before-start.ts built to nothing.');
  return chunk.code.trim();
}

/**
 * Text safe inside a raw-text element: it cannot close the element early.
 * @param {string} text @param {'script' | 'style'} tag
 */
function rawText(text, tag) {
  if (text.toLowerCase().includes(`</${tag}`)) {
    throw new Error(`An inlined ${tag} holds "</${tag}", which would end it early.`);
  }
  return text;
}

/**
 * A Vite plugin (build only). It goes before the CSP plugin.
 * @returns {import('vite').Plugin}
 */
export function firstScreen() {
  let root = process.cwd();
  return {
    name: 'keycheck-first-screen',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, context) {
        const bundle = context.bundle ?? {};
        // Each linked stylesheet of the page becomes a <style> in its place, in the same order.
        let page = html.replace(
          /<link rel="stylesheet"[^>]*?href="\.?\/?([^"]+\.css)"[^>]*>/g,
          (link, /** @type {string} */ fileName) => {
            const asset = bundle[fileName];
            if (!asset || asset.type !== 'asset') return link;
            return `<style>${rawText(String(asset.source), 'style')}</style>`;
          },
        );
        // Before anything of the body exists, so no Send can be pressed before it runs.
        if (!page.includes('</head>')) throw new Error('index.html has no </head> for the script.');
        const script = rawText(await beforeStartScript(root), 'script');
        page = page.replace('</head>', `  <script>${script}</script>\n  </head>`);
        const body = await renderFirstScreen(root);
        const holder = '<div id="app"></div>';
        if (!page.includes(holder)) throw new Error(`index.html has no ${holder} to render into.`);
        return page.replace(holder, `<div id="app" data-prerendered>${body}</div>`);
      },
    },
  };
}
