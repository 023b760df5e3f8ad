import { expect, test, type Locator, type Page } from '@playwright/test';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

const verdict = (page: Page) => page.locator('[data-verdict]');
const checklist = (page: Page) => page.getByRole('list', { name: 'Authentication checklist' });

/** Whether the whole element lies inside the viewport as it is scrolled now. */
async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return box.y >= 0 && box.y + box.height <= size.height && box.x >= 0;
}

/**
 * The words a person sees in the checklist region: text inside an element that is rendered and
 * larger than a pixel (a folded item is kept for screen readers in a 1 px clipped box, and a
 * closed "Why" renders nothing). Tokens without a letter or digit (icons) are not words.
 */
function visibleWords(region: Locator): Promise<string[]> {
  return region.evaluate((root) => {
    const words: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let shown = node.parentElement?.checkVisibility({ visibilityProperty: true }) ?? false;
      for (let el = node.parentElement; shown && el && el !== root.parentElement;) {
        const box = el.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1) shown = false;
        el = el.parentElement;
      }
      if (!shown) continue;
      for (const token of (node.textContent ?? '').split(/\s+/)) {
        if (/[\p{L}\p{N}]/u.test(token)) words.push(token);
      }
    }
    return words;
  });
}

async function send(page: Page, profile: string): Promise<void> {
  await page.getByLabel('Profile').selectOption(profile);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(verdict(page)).toBeVisible();
}

async function diagnose401(page: Page): Promise<void> {
  await page.goto('./#/diagnose');
  await page
    .getByLabel('Request', { exact: true })
    .fill(
      `curl -i https://api.redislabs.com/v1/ -H 'x-api-key: $ACCOUNT_KEY' -H "x-api-secret-key: $SECRET_KEY"`,
    );
  await page.getByLabel('Response', { exact: true }).fill('HTTP/1.1 401 Unauthorized');
  await page.getByRole('button', { name: 'Diagnose', exact: true }).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'auth-failed');
}

test('after Send on a phone the verdict is on screen and has the focus', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('./#/playground');
  await send(page, 'sandbox-mismatched-pair');
  await expect(verdict(page)).toBeFocused();
  expect(await inViewport(page, verdict(page))).toBe(true);
  // Polite: the verdict is a status region, read when it takes focus, not an alert.
  await expect(verdict(page)).toHaveAttribute('role', 'status');
  // Before the request form's details: the body of the form comes after the answer.
  const verdictTop = (await verdict(page).boundingBox())!.y;
  const headersTop = (await page.getByRole('button', { name: 'Browse endpoints' }).boundingBox())!
    .y;
  expect(verdictTop).toBeLessThan(headersTop);
  // A second Send brings the new verdict back into view from anywhere on the page.
  await page.mouse.wheel(0, 3000);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(verdict(page)).toBeFocused();
  expect(await inViewport(page, verdict(page))).toBe(true);
});

for (const viewport of [PHONE, DESKTOP]) {
  test(`after Diagnose at ${viewport.width} px the Copy buttons sit within one screen of the verdict`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await diagnose401(page);
    await expect(verdict(page)).toBeFocused();
    expect(await inViewport(page, verdict(page))).toBe(true);
    const top = (await verdict(page).boundingBox())!.y;
    for (const name of ['Copy report', 'Copy link']) {
      const button = page.getByRole('button', { name, exact: true });
      const box = (await button.boundingBox())!;
      expect(box.y + box.height - top, name).toBeLessThan(viewport.height);
      expect(await inViewport(page, button), `${name} on screen with the verdict`).toBe(true);
    }
  });
}

test("a 401's checklist says under 150 words until something is opened", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.goto('./#/playground');
  await send(page, 'sandbox-wrong-user-key');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'auth-failed');
  const region = page.getByRole('region', { name: 'Checklist' });
  const words = await visibleWords(region);
  expect(words.length, words.join(' ')).toBeLessThan(150);
  // The measure sees what opening adds: it is not a count that cannot grow.
  await region.getByRole('button', { name: /checks passed/ }).click();
  expect((await visibleWords(region)).length).toBeGreaterThan(words.length + 20);
  const opened = (await visibleWords(region)).length;
  await region.locator('summary', { hasText: 'Why' }).first().click();
  expect((await visibleWords(region)).length).toBeGreaterThan(opened);
  // Folded or not, every item keeps its place and its contract.
  await expect(checklist(page).locator('[data-condition]')).toHaveCount(11);
  await expect(checklist(page).getByRole('listitem')).toHaveCount(11);
});

test('folded items keep data-condition and data-status; "show" opens them', async ({ page }) => {
  await page.goto('./#/playground');
  await send(page, 'sandbox-owner');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'ok');
  // A 200 keeps the conditions that held in sight; a passed request check folds.
  await expect(checklist(page).locator('[data-condition="keys-valid"]')).toBeInViewport();
  const keys = checklist(page).locator('[data-condition="account-key-header"]');
  await expect(keys).toHaveAttribute('data-status', 'pass');
  await expect(checklist(page).getByRole('listitem')).toHaveCount(11);
  // Folded: nothing of it takes room on screen.
  expect((await keys.boundingBox())?.height ?? 0).toBeLessThanOrEqual(1);
  const toggle = page.getByRole('button', { name: /^\d+ checks passed(, \d+ skipped)?: show$/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(page.getByRole('button', { name: /: hide$/ })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  expect((await keys.boundingBox())!.height).toBeGreaterThan(20);
  await expect(keys).toBeInViewport();
});

test('the walkthrough: Try it focuses the verdict, the answer takes the full width, Next stays in reach', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await page.goto('./#/walkthrough/5');
  await page.getByRole('button', { name: 'Try it' }).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'auth-failed');
  await expect(verdict(page)).toBeFocused();
  expect(await inViewport(page, verdict(page))).toBe(true);
  const answer = page.getByRole('region', { name: 'Response details' });
  const checklistBox = (await page.getByRole('region', { name: 'Checklist' }).boundingBox())!;
  const answerBox = (await answer.boundingBox())!;
  // Under the checklist, as wide as it: the HTML body no longer wraps every few characters.
  expect(answerBox.y).toBeGreaterThan(checklistBox.y + checklistBox.height - 1);
  expect(answerBox.width).toBeGreaterThanOrEqual(checklistBox.width - 1);
  // Next is on screen without scrolling past the checklist and the answer.
  await expect(page.getByRole('button', { name: 'Next' })).toBeInViewport();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Step 6 of 10/ })).toBeFocused();
});

test('the last walkthrough step says where to go next instead of a dead Next', async ({ page }) => {
  await page.goto('./#/walkthrough/10');
  await expect(page.getByRole('button', { name: 'Next' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Next: add your own keys in Profiles' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profiles' })).toBeVisible();
});

test('a skip link is the first Tab stop and moves focus to the content', async ({ page }) => {
  await page.goto('./#/diagnose');
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnose' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(page).toHaveURL(/#\/diagnose$/);
  // The next Tab goes into the view, not back to the navigation.
  await page.keyboard.press('Tab');
  const inMain = await page.evaluate(() =>
    document.querySelector('main')!.contains(document.activeElement),
  );
  expect(inMain).toBe(true);
});

test('forms opened by a button take focus without a browser warning and give it back', async ({
  page,
}) => {
  const messages: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') messages.push(m.text());
  });
  await page.goto('./#/profiles');
  const newProfile = page.getByRole('button', { name: 'New profile' });
  await newProfile.click();
  await expect(page.getByLabel('Profile name')).toBeFocused();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(newProfile).toBeFocused();

  const turnOn = page.getByRole('button', { name: 'Turn on encryption…' });
  await turnOn.click();
  await expect(page.getByLabel(/I understand/)).toBeFocused();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Turn on encryption…' })).toBeFocused();
  expect(messages.filter((m) => /autofocus/i.test(m))).toEqual([]);
});

test('no console error or warning on any route, with an answer on each', async ({ page }) => {
  const messages: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  await page.goto('./#/playground');
  await send(page, 'sandbox-mismatched-pair');
  await page.goto('./#/walkthrough/3');
  await page.getByRole('button', { name: 'Create a user key and use it' }).click();
  await expect(verdict(page)).toBeVisible();
  await page.goto('./#/profiles');
  await page.getByRole('button', { name: 'New profile' }).click();
  await expect(page.getByLabel('Profile name')).toBeFocused();
  await diagnose401(page);
  expect(messages).toEqual([]);
});
