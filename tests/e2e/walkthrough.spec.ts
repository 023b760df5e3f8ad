import { expect, test, type Locator, type Page } from '@playwright/test';
import { STEPS } from '../../src/lib/walkthrough/steps';

/** Presses Tab (Shift+Tab backwards) until `target` has the focus: the keyboard's only way. */
async function tabTo(page: Page, target: Locator, backwards = false): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, 'reachable by Tab').toBeFocused();
}

const heading = (page: Page, n: number) =>
  page.getByRole('heading', { level: 2, name: new RegExp(`^Step ${n} of 10`) });

test('the whole walkthrough by keyboard alone: every trial gives its verdict', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  // From the Playground to the walkthrough through the main navigation, by keyboard.
  await tabTo(
    page,
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Walkthrough' }),
  );
  await page.keyboard.press('Enter');
  await expect(heading(page, 1)).toBeVisible();

  for (const [i, step] of STEPS.entries()) {
    const n = i + 1;
    await expect(heading(page, n)).toBeVisible();
    for (const [t, trial] of step.trials.entries()) {
      await tabTo(page, page.getByRole('button', { name: trial.label, exact: true }));
      // Space on the first trial, Enter on the others: both must work.
      await page.keyboard.press(t === 0 ? 'Space' : 'Enter');
      await expect(page.locator('[data-verdict]'), `${n}: ${trial.id}`).toHaveAttribute(
        'data-verdict',
        trial.expected,
      );
      await expect(
        page.getByRole('complementary', { name: "The sandbox's inside view" }),
      ).toBeVisible();
    }
    if (n === 3) {
      // The created key is masked until asked for, then shown this once.
      await tabTo(page, page.getByRole('button', { name: 'Show value' }));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('region', { name: /shown once/ })).toContainText(
        /demo-uk-[0-9a-f]{12}/,
      );
    }
    if (n < STEPS.length) {
      await tabTo(page, page.getByRole('button', { name: 'Next' }));
      await page.keyboard.press('Enter');
      await expect(heading(page, n + 1)).toBeFocused();
    }
  }
  await expect(page.getByRole('navigation', { name: 'Walkthrough steps' })).toContainText(
    '10 of 10 steps done',
  );
  await expect(page).toHaveURL(/#\/walkthrough\/10$/);

  // Previous goes back a step, by keyboard too.
  await tabTo(page, page.getByRole('button', { name: 'Previous' }));
  await page.keyboard.press('Enter');
  await expect(heading(page, 9)).toBeFocused();
});

test('a deep link opens its step', async ({ page }) => {
  await page.goto('./#/walkthrough/7');
  await expect(heading(page, 7)).toContainText('An allow list that excludes you');
  await expect(
    page.getByRole('navigation', { name: 'Walkthrough steps' }).locator('[aria-current="step"]'),
  ).toHaveText('An allow list that excludes you');
  await page.getByRole('button', { name: 'Try it' }).click();
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'forbidden');
});

test('progress survives a reload, and Reset starts over', async ({ page }) => {
  await page.goto('./#/walkthrough/5');
  await page.getByRole('button', { name: 'Try it' }).click();
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'auth-failed');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(heading(page, 6)).toBeVisible();

  // Without a step in the address, the saved place and the done steps come back.
  await page.goto('./#/walkthrough');
  await page.reload();
  await expect(heading(page, 6)).toBeVisible();
  const steps = page.getByRole('navigation', { name: 'Walkthrough steps' });
  await expect(steps).toContainText('1 of 10 steps done');
  await expect(steps.getByRole('listitem').nth(4)).toContainText('(done)');

  await page.getByRole('button', { name: 'Reset walkthrough' }).click();
  await expect(heading(page, 1)).toBeFocused();
  await expect(steps).toContainText('0 of 10 steps done');
  await page.reload();
  await expect(heading(page, 1)).toBeVisible();
  await expect(steps).toContainText('0 of 10 steps done');
});
