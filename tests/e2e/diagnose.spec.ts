import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PROFILES } from '../../src/lib/sandbox';

const ACCOUNT_KEY = 'Qx7rT2mLp9Vb4Nc8Zd3Fh6Jk';
const USER_KEY = 'S1w5Ey8Ru2Io4Pa7Sd9Fg3Hj6Kl0Zx';
// As customers paste it from a Windows terminal: cmd.exe's `^` continuations.
const REQUEST = `curl -i https://api.redislabs.com/v1/subscriptions ^
  -H "accept: application/json" ^
  -H "x-api-key: ${ACCOUNT_KEY}" ^
  -H "x-api-secret-key: ${USER_KEY}"`;
const RESPONSE = `HTTP/2 401
server: nginx
content-type: text/html

<html><head><title>401 Authorization Required</title></head><body><center>nginx</center></body></html>`;

const verdict = (page: Page) => page.locator('[data-verdict]');

function runsOf(secret: string): string[] {
  const runs: string[] = [];
  for (let i = 0; i + 8 <= secret.length; i++) runs.push(secret.slice(i, i + 8));
  return runs;
}

async function diagnose(page: Page, request: string, response = '') {
  await page.goto('./#/diagnose');
  await page.getByLabel('Request').fill(request);
  await page.getByLabel('Response').fill(response);
  await page.getByRole('button', { name: 'Diagnose' }).click();
  await expect(page.getByRole('list', { name: 'Authentication checklist' })).toBeVisible();
}

test('the navigation leads to Diagnose', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('navigation').getByRole('link', { name: 'Diagnose' }).click();
  await expect(page).toHaveURL(/#\/diagnose$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnose' })).toBeVisible();
});

test('paste, diagnose, copy the report: the clipboard holds the verdict and no piece of a key', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await diagnose(page, REQUEST, RESPONSE);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'auth-failed');
  await page.getByRole('button', { name: 'Copy report' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('**Authentication failed.**');
  expect(copied).toBe(await page.getByLabel('Report').inputValue());
  for (const run of [...runsOf(ACCOUNT_KEY), ...runsOf(USER_KEY)]) {
    expect(copied).not.toContain(run);
  }
});

test('Copy link opens Diagnose on the same verdict in a new page, and the link holds no key', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await diagnose(page, REQUEST, RESPONSE);
  const statuses = await page
    .locator('[data-condition]')
    .evaluateAll((items) => items.map((li) => `${li.dataset.condition}=${li.dataset.status}`));
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the link' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('#/diagnose?share=');
  for (const run of [...runsOf(ACCOUNT_KEY), ...runsOf(USER_KEY)]) expect(link).not.toContain(run);

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { name: 'Shared report (read-only)' })).toBeVisible();
  await expect(verdict(other)).toHaveAttribute('data-verdict', 'auth-failed');
  await expect(
    other.getByRole('navigation').getByRole('link', { name: 'Diagnose' }),
  ).toHaveAttribute('aria-current', 'page');
  expect(
    await other
      .locator('[data-condition]')
      .evaluateAll((items) => items.map((li) => `${li.dataset.condition}=${li.dataset.status}`)),
  ).toEqual(statuses);
  await other.close();
});

test('the diagnosed page has no serious accessibility problem, and no key reaches the console or the URL', async ({
  page,
}) => {
  // axe walks every node of a long checklist: slow on a busy machine.
  test.slow();
  const logged: string[] = [];
  page.on('console', (message) => logged.push(message.text()));
  await diagnose(page, REQUEST, RESPONSE);
  await page.getByLabel('Key to fingerprint').fill(ACCOUNT_KEY);
  await expect(page.getByText('Matches the account key')).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  for (const run of [...runsOf(ACCOUNT_KEY), ...runsOf(USER_KEY)]) {
    expect(page.url()).not.toContain(run);
    expect(logged.join('\n')).not.toContain(run);
  }
});

test('a damaged link says so', async ({ page }) => {
  await page.goto('./#/diagnose?share=1z.not-a-report');
  await expect(page.getByRole('alert')).toContainText('damaged');
});

test('Open in Playground sends the pasted request with keys kept in this tab only', async ({
  page,
}) => {
  const owner = DEMO_PROFILES.find((p) => p.id === 'sandbox-owner');
  expect(owner).toBeDefined();
  await diagnose(
    page,
    `curl https://sandbox.keycheck.invalid/v1/ -H "x-api-key: ${owner!.accountKey}" -H "x-api-secret-key: ${owner!.userKey}"`,
  );
  await page.getByRole('button', { name: 'Open in Playground' }).click();
  await expect(page).toHaveURL(/#\/playground$/);
  const profile = page.getByLabel('Profile');
  await expect(profile.locator('option:checked')).toHaveText('Pasted request (this tab only)');
  await expect(page.getByLabel('Path')).toHaveValue('/v1/');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'ok');
  await expect(page.getByRole('region', { name: 'Response details' })).toContainText('200');
  // The temporary profile's keys are in no storage of the page.
  const stored = await page.evaluate(async () => {
    const parts = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
    for (const info of await indexedDB.databases()) parts.push(info.name ?? '');
    return parts.join('\n') + location.href;
  });
  expect(stored).not.toContain(owner!.userKey);
});

test('a 1 MB paste keeps the page responsive', async ({ page }) => {
  // Chromium itself takes seconds per keystroke in a 1 MB text box on a busy machine.
  test.slow();
  const body = `{"note":"${'x'.repeat(1_000_000)}"}`;
  const request = `curl -X POST https://api.redislabs.com/v1/subscriptions -H "x-api-key: ${ACCOUNT_KEY}" -H "x-api-secret-key: ${USER_KEY}" -d '${body}'`;
  await page.goto('./#/diagnose');
  const box = page.getByLabel('Request');
  // As a paste arrives: the whole text in one input event (fill() types it in slowly).
  await box.evaluate((el, text) => {
    (el as HTMLTextAreaElement).value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, request);
  // The paste is read in a worker, away from the page's thread.
  const worker = page.waitForEvent('worker');
  await page.getByRole('button', { name: 'Diagnose' }).click();
  expect((await worker).url()).toContain('diagnose-worker');
  // The answer arrives and takes focus (as after any Diagnose); the page still takes typing.
  await expect(page.getByRole('list', { name: 'Authentication checklist' })).toBeVisible();
  const response = page.getByLabel('Response');
  await response.pressSequentially('401');
  await expect(response).toHaveValue('401');
  await expect(page.getByLabel('Report')).toHaveValue(/Keycheck report/);
  await expect(page.getByRole('region', { name: 'Redacted exchange' })).toContainText(
    'characters in all',
  );
  await expect(box).toHaveValue(request);
});
