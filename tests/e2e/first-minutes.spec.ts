import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const bodyBackground = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const LIGHT_BG = 'rgb(251, 251, 250)';
const DARK_BG = 'rgb(21, 21, 20)';

/**
 * The theme saved in IndexedDB, read the way the app stores it. Reading must never create the
 * database: an empty one made before the app's first open would have no store for the app to
 * save into, so an open that would create it is aborted and reads as nothing saved yet.
 */
const savedTheme = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('keycheck-preferences');
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () =>
          open.error?.name === 'AbortError'
            ? resolve(undefined)
            : reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('preferences')) {
            db.close();
            return resolve(undefined);
          }
          const get = db.transaction('preferences').objectStore('preferences').get('theme');
          get.onsuccess = () => {
            db.close();
            resolve(get.result);
          };
          get.onerror = () => reject(get.error ?? new Error('get failed'));
        };
      }),
  );

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Every view in a state that shows its controls and, where it has one, an answer. */
async function eachViewWithAnAnswer(page: Page, check: (view: string) => Promise<void>) {
  await page.goto('./#/playground');
  await page.getByLabel('Profile').selectOption('sandbox-mismatched-pair');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.locator('[data-verdict]')).toBeVisible();
  await check('playground');
  await page.goto('./#/walkthrough/3');
  await page.getByRole('button', { name: 'Create a user key and use it' }).click();
  await expect(page.locator('[data-verdict]')).toBeVisible();
  await check('walkthrough');
  await page.goto('./#/profiles');
  await page.getByRole('button', { name: 'New profile' }).click();
  await expect(page.getByLabel('Profile name')).toBeVisible();
  await check('profiles');
  await page.goto('./#/diagnose');
  await page
    .getByLabel('Request', { exact: true })
    .fill(
      `curl -i https://api.redislabs.com/v1/ -H 'x-api-key: $ACCOUNT_KEY' -H "x-api-secret-key: $SECRET_KEY"`,
    );
  await page.getByLabel('Response', { exact: true }).fill('HTTP/1.1 401 Unauthorized');
  await page.getByRole('button', { name: 'Diagnose', exact: true }).click();
  await expect(page.locator('[data-verdict]')).toBeVisible();
  await check('diagnose');
}

test('the first screen says what to do, with the walkthrough one click away', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByLabel('Profile')).toHaveValue('sandbox-owner');
  await page.locator('.lead').getByRole('link', { name: 'Take the walkthrough' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Walkthrough' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of 10/ })).toBeVisible();
});

test('the theme follows the system until chosen, and the choice is kept', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  const theme = page.getByLabel('Theme');
  await expect(theme).toHaveValue('system');
  expect(await bodyBackground(page)).toBe(DARK_BG);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await bodyBackground(page)).toBe(LIGHT_BG);

  await theme.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await bodyBackground(page)).toBe(DARK_BG);
  await expect.poll(() => savedTheme(page), { timeout: 15_000 }).toBe('dark');
  await page.reload();
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await bodyBackground(page)).toBe(DARK_BG);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).toBe('{}');

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByLabel('Theme').selectOption('light');
  expect(await bodyBackground(page)).toBe(LIGHT_BG);
  await page.getByLabel('Theme').selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  expect(await bodyBackground(page)).toBe(DARK_BG);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation with the system in ${scheme}`, async ({
    page,
  }) => {
    // axe over four full views takes a while on a slow machine.
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    await eachViewWithAnAnswer(page, async (view) => {
      expect(await seriousViolations(page), `${view} in ${scheme}`).toEqual([]);
    });
  });
}

test('axe finds no serious or critical violation with the toggle set against the system', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./');
  await page.getByLabel('Theme').selectOption('dark');
  await expect.poll(() => savedTheme(page), { timeout: 15_000 }).toBe('dark');
  await page.reload();
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  await eachViewWithAnAnswer(page, async (view) => {
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await seriousViolations(page), `${view} in dark by the toggle`).toEqual([]);
  });
});

test('at 360 px wide no view scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const fits = () =>
    page.evaluate(
      () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
    );
  await eachViewWithAnAnswer(page, async (view) => {
    expect(await fits(), view).toBe(true);
  });
  // Every view in the navigation, including ones this test does not know by name.
  await page.goto('./');
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThanOrEqual(2);
  for (const href of hrefs) {
    await page.goto(`./${href}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await fits(), href).toBe(true);
  }
});

test('every control reached by Tab shows where the focus is', async ({ page }) => {
  for (const path of ['./#/playground', './#/walkthrough/7']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return {
          name: `${el.tagName} ${el.textContent?.trim().slice(0, 30) ?? ''} ${el.getAttribute('aria-label') ?? ''}`,
          visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        };
      });
      if (!focus) continue;
      seen.add(focus.name);
      expect(focus.visible, `focus ring on ${focus.name} (${path})`).toBe(true);
    }
    expect(seen.size, path).toBeGreaterThan(5);
  }
});
