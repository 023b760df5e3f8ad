import { expect, test } from '@playwright/test';
import { DEMO_PROFILES } from '../../src/lib/sandbox';

test('pick an operation, send with Ctrl+Enter from the body, follow its task to the end', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto('./#/playground');
  await page.getByRole('button', { name: 'Browse endpoints' }).click();
  await page.getByLabel('Search endpoints').fill('create pro subscription');
  await page
    .getByRole('button', { name: /^POST \/v1\/subscriptions Create Pro subscription/ })
    .click();
  await expect(page.getByLabel('Method')).toHaveValue('POST');
  await expect(page.getByLabel('Path')).toHaveValue('/v1/subscriptions');
  const body = page.getByLabel('Body', { exact: true });
  await expect(body).toHaveValue(/"cloudProviders"/);
  // A broken body is refused with its place.
  await body.fill('{\n  "name": "x",\n}');
  await body.press('Control+Enter');
  await expect(page.getByRole('alert')).toContainText('line 3, column 1');
  await expect(page.locator('[data-verdict]')).toHaveCount(0);
  // The document requires a region's name: the sandbox's 400 names the field.
  await body.fill(
    '{"cloudProviders":[{"regions":[{}]}],"databases":[{"name":"db","protocol":"redis"}]}',
  );
  await body.press('Control+Enter');
  const details = page.getByRole('region', { name: 'Response details' });
  await expect(details).toContainText('400');
  await expect(details.getByLabel('Response body')).toHaveValue(
    /cloudProviders\[0\]\.regions\[0\]\.region is required/,
  );
  await body.fill(
    '{"cloudProviders":[{"regions":[{"region":"us-east-1"}]}],"databases":[{"name":"db","protocol":"redis"}]}',
  );
  await body.press('Control+Enter');
  await expect(details).toContainText('202');
  await page.getByRole('button', { name: 'Follow task' }).click();
  // The end names what the task created and opens it.
  await expect(page.getByRole('region', { name: 'Task' }).getByRole('status')).toHaveText(
    /The task has finished: it\s+created \d+\./,
    { timeout: 30_000 },
  );
  const states = page.getByRole('list', { name: 'Task states' }).getByRole('listitem');
  await expect(states.last()).toHaveAttribute('data-task-status', 'processing-completed');
  await page.getByRole('button', { name: /^GET \/v1\/subscriptions\/\d+$/ }).click();
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'ok');
  await expect(page.getByLabel('Path')).toHaveValue(/^\/v1\/subscriptions\/\d+$/);
});

test('history survives a reload, holds no key, and runs a request again', async ({ page }) => {
  await page.goto('./#/playground');
  await page.getByLabel('Path').fill('/v1/subscriptions?offset=0');
  await page.getByRole('button', { name: 'Send' }).click();
  const history = page.getByRole('list', { name: 'Request history' });
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history).toContainText('GET /v1/subscriptions');
  await expect(history).not.toContainText('offset');
  await page.reload();
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Run again: GET /v1/subscriptions' }).click();
  await expect(history.getByRole('listitem')).toHaveCount(2);
  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('keycheck-history');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = await new Promise<unknown>((resolve) => {
      const request = db.transaction('history').objectStore('history').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return JSON.stringify(all);
  });
  expect(stored).toContain('/v1/subscriptions');
  for (const profile of DEMO_PROFILES) {
    expect(stored).not.toContain(profile.accountKey);
    expect(stored).not.toContain(profile.userKey);
  }
  await page.getByRole('button', { name: 'Clear history' }).click();
  await expect(page.getByText('No request sent with this profile yet.')).toBeVisible();
});

test('Copy as cURL puts the variables, not the keys, on the clipboard', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./#/playground');
  await page.getByRole('button', { name: 'Copy as cURL' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^curl -i /);
  expect(copied).toContain('"x-api-key: $REDIS_CLOUD_ACCOUNT_KEY"');
  for (const profile of DEMO_PROFILES) expect(copied).not.toContain(profile.userKey);
});
