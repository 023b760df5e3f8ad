import { expect, test, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ACCOUNT_KEY, USER_KEY, startFakeApi } from './servers/fake-api';
import { createProfile, sendPath, verdict } from './servers/ui';

/** Waits until the service worker controls the page, so it is what serves the download. */
async function underServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}

test("Diagnose gives the two lines for each shell with this site's address, and the file they download runs", async ({
  page,
  baseURL,
}) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto('./#/diagnose');
  const box = page.getByRole('region', { name: 'Ask the customer to run this' });
  await expect(box).toBeVisible();
  const url = new URL('keycheck.mjs', baseURL).href;
  await expect(box.getByLabel('Commands for Linux or macOS (a terminal)')).toHaveText(
    `curl -O ${url}\nnode keycheck.mjs check`,
  );
  await expect(box.getByLabel('Commands for Windows (PowerShell)')).toHaveText(
    `Invoke-WebRequest ${url} -OutFile keycheck.mjs\nnode keycheck.mjs check`,
  );

  // What curl -O fetches: the file itself, not the app's page.
  const fetched = await page.request.get(url);
  expect(fetched.status()).toBe(200);
  const text = await fetched.text();
  expect(text.startsWith('#!/usr/bin/env node')).toBe(true);

  // The link, with the service worker in charge: a download, not the app's fallback page.
  await underServiceWorker(page);
  await page.reload();
  await expect(box).toBeVisible();
  const downloading = page.waitForEvent('download');
  await box.getByRole('link', { name: 'Download keycheck.mjs' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('keycheck.mjs');
  const saved = join(await mkdtemp(join(tmpdir(), 'keycheck-download-')), 'keycheck.mjs');
  await download.saveAs(saved);
  expect(await readFile(saved, 'utf8')).toBe(text);

  // The downloaded file is the check: it runs against the sandbox with nothing installed.
  const run = await promisify(execFile)(
    process.execPath,
    [saved, 'check', '--sandbox', '--profile', 'sandbox-owner', '--json'],
    { env: { PATH: process.env.PATH ?? '' } },
  );
  expect(JSON.parse(run.stdout).verdict).toBe('ok');
  expect(errors).toEqual([]);
});

test("the walkthrough's last step shows how to run the same check in a terminal", async ({
  page,
  baseURL,
}) => {
  await page.goto('./#/walkthrough/10');
  const line = page.getByRole('complementary', { name: 'Run the check in a terminal' });
  await expect(line).toContainText(
    `curl -O ${new URL('keycheck.mjs', baseURL).href} && node keycheck.mjs check`,
  );
});

test('a server the browser may not read (no CORS): the Playground says the terminal check would not meet it', async ({
  page,
  baseURL,
}) => {
  const noCors = await startFakeApi({ cors: false });
  try {
    await createProfile(page, {
      name: 'No CORS',
      baseUrl: noCors.url,
      accountKey: ACCOUNT_KEY,
      userKey: USER_KEY,
    });
    await sendPath(page, '/v1/');
    await expect(verdict(page)).toContainText('CORS');
    const line = page
      .getByRole('region', { name: 'Get the answer from outside this page' })
      .getByRole('complementary', { name: 'Run the check in a terminal' });
    await expect(line).toContainText(`curl -O ${new URL('keycheck.mjs', baseURL).href}`);
  } finally {
    await noCors.close();
  }
});
