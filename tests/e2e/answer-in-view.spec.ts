import { expect, test, type Locator, type Page } from '@playwright/test';

// After Send, Diagnose and Try it, the verdict and the buttons that go with it are wholly on
// screen, and the verdict has the focus: on a laptop and on a phone.
const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** The part of the window not covered by a bar stuck to its bottom (the walkthrough's pager). */
async function visibleBottom(page: Page): Promise<number> {
  return page.evaluate(() => {
    const pager = document.querySelector('.pager');
    const height = window.innerHeight;
    if (!pager) return height;
    const box = pager.getBoundingClientRect();
    return box.top < height ? box.top : height;
  });
}

async function expectWhollyOnScreen(page: Page, locator: Locator, what: string): Promise<void> {
  // The scroll is instant, but the answer may still be laying out: wait for a stable box.
  await expect
    .poll(async () => {
      const box = await locator.boundingBox();
      const bottom = await visibleBottom(page);
      return box !== null && box.y >= 0 && box.y + box.height <= bottom;
    }, what)
    .toBe(true);
}

async function noSidewaysScroll(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
  );
}

for (const size of SIZES) {
  test.describe(`at ${size.width}x${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('after Diagnose the verdict, Copy report and Copy link are all on screen', async ({
      page,
    }) => {
      await page.goto('./#/diagnose');
      await page
        .getByLabel('Request', { exact: true })
        .fill(
          `curl -i https://api.redislabs.com/v1/subscriptions -H 'x-api-key: $ACCOUNT_KEY' -H "x-api-secret-key: $SECRET_KEY"`,
        );
      await page.getByLabel('Response', { exact: true }).fill('HTTP/1.1 401 Unauthorized');
      await page.getByRole('button', { name: 'Diagnose', exact: true }).click();
      const verdict = page.locator('[data-verdict]');
      await expect(verdict).toBeFocused();
      await expectWhollyOnScreen(page, verdict, 'the verdict');
      for (const name of ['Copy report', 'Copy link']) {
        await expectWhollyOnScreen(
          page,
          page.getByRole('button', { name, exact: true }).first(),
          name,
        );
      }
      expect(await noSidewaysScroll(page)).toBe(true);
    });

    test('after Diagnose with Ctrl+Enter in the Request box, the verdict comes into view', async ({
      page,
    }) => {
      await page.goto('./#/diagnose');
      const request = page.getByLabel('Request', { exact: true });
      await request.fill(
        `curl https://api.redislabs.com/v1/ -H 'x-api-key: $A' -H 'x-api-secret-key: $B'`,
      );
      await page.getByLabel('Response', { exact: true }).fill('HTTP/1.1 403 Forbidden');
      await request.focus();
      await page.keyboard.press('Control+Enter');
      const verdict = page.locator('[data-verdict]');
      await expect(verdict).toHaveAttribute('data-verdict', 'forbidden');
      await expectWhollyOnScreen(page, verdict, 'the verdict');
    });

    test('after Send the verdict is on screen and has the focus', async ({ page }) => {
      await page.goto('./#/playground');
      await page.getByLabel('Profile').selectOption('sandbox-mismatched-pair');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      const verdict = page.locator('[data-verdict]');
      await expect(verdict).toBeFocused();
      await expectWhollyOnScreen(page, verdict, 'the verdict');
      expect(await noSidewaysScroll(page)).toBe(true);
    });

    test('after Try it the verdict is on screen above the pager, with the lesson close under it', async ({
      page,
    }) => {
      await page.goto('./#/walkthrough/5');
      await page.getByRole('button', { name: 'Try it' }).click();
      const verdict = page.locator('[data-verdict]');
      await expect(verdict).toHaveAttribute('data-verdict', 'auth-failed');
      await expect(verdict).toBeFocused();
      await expectWhollyOnScreen(page, verdict, 'the verdict');
      const lesson = page.getByRole('heading', { name: 'What it shows' });
      const v = (await verdict.boundingBox())!;
      const l = (await lesson.boundingBox())!;
      // The lesson starts right under the verdict: within 120 px, not screens below.
      expect(l.y).toBeGreaterThan(v.y + v.height - 1);
      expect(l.y - (v.y + v.height)).toBeLessThan(120);
      expect(await noSidewaysScroll(page)).toBe(true);
    });
  });
}
