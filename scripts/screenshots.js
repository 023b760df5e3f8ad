#!/usr/bin/env node
// Takes the README's screenshots from the real app: the production build served by
// `vite preview`, driven by Playwright in Chromium (/usr/bin/chromium, or $KEYCHECK_CHROMIUM).
// Light theme, 1280 px wide, the viewport only, so each image stays small.
// Run it through `npm run screenshots`, which builds first.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = fileURLToPath(new URL('..', import.meta.url));
// Not the browser tests' port, so both can run at once.
const port = Number(process.env.KEYCHECK_SCREENSHOTS_PORT ?? 4179);
const base = `http://127.0.0.1:${port}/`;
const viteBin = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));

const server = spawn(
  process.execPath,
  [viteBin, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
);

/** Resolves once the preview server answers; fails after 30 s. */
async function serverReady() {
  for (let i = 0; i < 150; i++) {
    if (server.exitCode !== null) throw new Error('vite preview exited early.');
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`vite preview did not answer at ${base}.`);
}

/** @param {import('@playwright/test').Page} page @param {string} name */
async function shoot(page, name) {
  // Let focus rings and transitions settle; the checklist is already rendered.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${root}docs/${name}.png` });
  console.log(`docs/${name}.png`);
}

let browser;
try {
  await serverReady();
  mkdirSync(`${root}docs`, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.KEYCHECK_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
    // The offline copy is not part of what the images show.
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const verdict = page.locator('[data-verdict]');

  await page.goto(`${base}#/playground`);
  await page
    .getByLabel('Profile')
    .selectOption({ label: 'Sandbox: user key from another account' });
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await verdict.waitFor();
  await shoot(page, 'playground');

  await page.goto(`${base}#/walkthrough/6`);
  await page.getByRole('button', { name: 'Try it' }).click();
  await verdict.waitFor();
  await page.getByRole('heading', { level: 2, name: /^Step 6 of 10/ }).scrollIntoViewIfNeeded();
  await shoot(page, 'walkthrough');

  const diagnose = page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Diagnose', exact: true });
  if ((await diagnose.count()) > 0) {
    await page.goto(`${base}#/diagnose`);
    await page.getByLabel('Request', { exact: true }).fill(
      // The sandbox's public demo keys (src/lib/sandbox/demo-data.ts), the user key one character off.
      "curl -i -H 'x-api-key: demo-acct-1001-5f2c8e1a9b3d' -H 'x-api-secret-key: demo-uk-3f9a1c7e5b21' https://api.redislabs.com/v1/",
    );
    await page
      .getByLabel('Response', { exact: true })
      .fill(
        'HTTP/1.1 401 Unauthorized\r\nServer: nginx\r\nContent-Type: text/html\r\n\r\n<html><head><title>401 Authorization Required</title></head><body><center><h1>401 Authorization Required</h1></center><hr><center>nginx</center></body></html>',
      );
    await page.getByRole('button', { name: 'Diagnose', exact: true }).click();
    await verdict.waitFor();
    await shoot(page, 'diagnose');
  } else {
    console.log('docs/diagnose.png skipped: this build has no Diagnose view.');
  }
} finally {
  await browser?.close();
  server.kill();
}
