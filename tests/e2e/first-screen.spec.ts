// The first screen is drawn with the page (prerendered at build time): usable before the app's
// script has run, and handed over to the app without losing what the person did meanwhile.
import { expect, test, type Page } from '@playwright/test';

/** Holds the app's own script until `release()`, as a slow network would; records errors. */
async function holdAppScript(page: Page) {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return { errors, release };
}

const started = (page: Page) =>
  page.evaluate(() => document.documentElement.hasAttribute('data-started'));

test('Send works before the app has started: what was chosen and typed is sent once it has', async ({
  page,
}) => {
  const { errors, release } = await holdAppScript(page);
  await page.goto('./', { waitUntil: 'commit' });
  const send = page.getByRole('button', { name: 'Send', exact: true });
  await expect(send).toBeVisible();
  expect(await started(page)).toBe(false);
  // Controls that need the app wait for it, holding their place.
  await expect(page.getByRole('button', { name: 'Browse endpoints' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Copy as cURL' })).toBeHidden();

  await page.getByLabel('Profile').selectOption('sandbox-wrong-user-key');
  await page.getByLabel('Path').fill('/v1/subscriptions');
  await send.click();
  await expect(page.locator('form[data-held-submit]')).toHaveCount(1);
  await expect(page.locator('[data-verdict]')).toHaveCount(0);
  expect(await started(page)).toBe(false);

  release();
  const verdict = page.locator('[data-verdict]');
  await expect(verdict).toHaveAttribute('data-verdict', 'auth-failed');
  await expect(verdict).toBeFocused();
  await expect(page.getByLabel('Profile')).toHaveValue('sandbox-wrong-user-key');
  await expect(page.getByLabel('Path')).toHaveValue('/v1/subscriptions');
  // The history names what was sent: the path typed before the app started.
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await expect(page.locator('main')).toContainText('GET /v1/subscriptions');
  await expect(page.getByRole('button', { name: 'Browse endpoints' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('an address naming another view never shows the drawn Playground', async ({ page }) => {
  const { errors, release } = await holdAppScript(page);
  await page.goto('./#/diagnose', { waitUntil: 'commit' });
  await expect(page.locator('main')).toBeAttached();
  await expect(page.getByRole('heading', { level: 1, name: 'Playground' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeHidden();

  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnose' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Playground' })).toHaveCount(0);
  // And the views the app draws afterwards are shown, the Playground included.
  await page.getByRole('navigation').getByRole('link', { name: 'Playground' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Playground' })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Walkthrough' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Walkthrough' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a link clicked before the app started opens that view, not the Playground', async ({
  page,
}) => {
  const { errors, release } = await holdAppScript(page);
  await page.goto('./', { waitUntil: 'commit' });
  await page.getByRole('navigation').getByRole('link', { name: 'Profiles' }).click();
  await expect(page).toHaveURL(/#\/profiles$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Playground' })).toBeHidden();
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Profiles' })).toBeVisible();
  expect(errors).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the drawn Send is within the first screen before the app starts', async ({ page }) => {
    const { errors, release } = await holdAppScript(page);
    await page.goto('./', { waitUntil: 'commit' });
    const send = page.getByRole('button', { name: 'Send', exact: true });
    await expect(send).toBeInViewport();
    expect(await started(page)).toBe(false);
    release();
    await send.click();
    await expect(page.locator('[data-verdict]')).toBeInViewport();
    expect(errors).toEqual([]);
  });
});
