import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/paste/${name}`, import.meta.url), 'utf8');

test('the readers run in the Diagnose worker: PowerShell is read and named, its keys stay hidden', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('./#/diagnose');
  await page.getByLabel('Request').fill(fixture('powershell-irm.ps1'));
  await page.getByRole('button', { name: 'Diagnose' }).click();
  await expect(page.getByRole('list', { name: 'Authentication checklist' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'How the paste was read' })).toContainText(
    'Read as PowerShell',
  );
  // The value assigned to $env:REDISCLOUD_ACCESS_KEY in the paste shows only as a fingerprint.
  await expect(page.locator('body')).not.toContainText('Acc0unTkEy9876543');
  expect(scripts.some((url) => /diagnose-worker/.test(url))).toBe(true);
});

test('a HAR is offered as a sanitized file without its keys', async ({ page }) => {
  const har = fixture('chromium.har');
  await page.goto('./#/diagnose');
  await page.getByLabel('Request').fill(har);
  await page.getByRole('button', { name: 'Diagnose' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download sanitized HAR' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^sanitized-\d{4}-\d\d-\d\d\.har$/);
  const text = readFileSync((await file.path()) as string, 'utf8');
  const keys = (
    JSON.parse(har).log.entries as { request: { headers: { name: string; value: string }[] } }[]
  )
    .flatMap((e) => e.request.headers)
    .filter((h) => /^x-api-(secret-)?key$/i.test(h.name))
    .map((h) => h.value);
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) expect(text).not.toContain(key.slice(0, 8));
  expect(JSON.parse(text).log.entries.length).toBe(JSON.parse(har).log.entries.length);
});
