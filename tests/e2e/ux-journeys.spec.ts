import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createProfile, sendPath, verdict } from './servers/ui';
import { ACCOUNT_KEY, USER_KEY, closedPort, startFakeApi, type FakeApi } from './servers/fake-api';

// A support engineer's hour, on a laptop and on a phone: the walkthrough's lesson beside its
// trial, ways past no answer, profiles at a glance, "this tab only" keys that warn, and keys by
// fingerprint that never break.
const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

let noCors: FakeApi;
test.beforeAll(async () => {
  noCors = await startFakeApi({ cors: false });
});
test.afterAll(async () => {
  await noCors.close();
});

const fits = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** How many lines a text takes inside `locator` (1 when it never breaks). */
function linesOf(locator: Locator, text: string): Promise<number> {
  return locator.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    // The text may be split over several nodes (a word per box): find where it starts and ends.
    const nodes: Text[] = [];
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    const whole = nodes.map((n) => n.data).join('');
    const start = whole.indexOf(wanted);
    if (start < 0) return -1;
    const range = document.createRange();
    let offset = 0;
    for (const node of nodes) {
      const end = offset + node.data.length;
      if (start >= offset && start < end) range.setStart(node, start - offset);
      if (start + wanted.length > offset && start + wanted.length <= end)
        range.setEnd(node, start + wanted.length - offset);
      offset = end;
    }
    const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    return tops.size;
  }, text);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function newProfile(page: Page, name: string, i: number, tabOnly = false): Promise<void> {
  await page.getByRole('button', { name: 'New profile' }).click();
  await page.getByLabel('Profile name').fill(name);
  await page.getByLabel('Account key', { exact: true }).fill(`acctUX${i}a9b8c7d6e5f4a3b2c1d0`);
  await page.getByLabel('User key', { exact: true }).fill(`userUX${i}f0e1d2c3b4a5968778695a4b`);
  if (tabOnly) await page.getByLabel('Keep keys only in this tab').check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('article', { name })).toBeVisible();
}

for (const size of SIZES) {
  test.describe(`at ${size.width}x${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('step 10: the lesson under the verdict, the relay as a command to copy, no raw marks', async ({
      page,
    }) => {
      await page.goto('./#/walkthrough/10');
      await page.getByRole('button', { name: 'Show a blocked answer' }).click();
      await expect(verdict(page)).toHaveAttribute('data-verdict', 'unreachable');
      const lesson = page.getByRole('heading', { name: 'What it shows' });
      const v = (await verdict(page).boundingBox())!;
      const l = (await lesson.boundingBox())!;
      expect(l.y - (v.y + v.height)).toBeGreaterThanOrEqual(0);
      expect(l.y - (v.y + v.height)).toBeLessThan(120);
      // The checklist's details, the inside view and the raw answer come after the lesson.
      const list = (await page
        .getByRole('list', { name: 'Authentication checklist' })
        .boundingBox())!;
      const inside = (await page
        .getByRole('complementary', { name: "The sandbox's inside view" })
        .boundingBox())!;
      const answer = (await page.getByRole('region', { name: 'Response details' }).boundingBox())!;
      expect(list.y).toBeGreaterThan(l.y);
      expect(inside.y).toBeGreaterThan(list.y);
      expect(answer.y).toBeGreaterThan(inside.y);

      const origin = new URL(page.url()).origin;
      const relay = page.getByLabel('The relay command', { exact: true });
      await expect(relay).toHaveText(
        `curl -O ${origin}/relay.js\nnode relay.js --origin ${origin}`,
      );
      await expect(page.getByRole('button', { name: 'Copy The relay command' })).toBeVisible();
      expect(await linesOf(relay, '--origin')).toBe(1);
      expect(await linesOf(relay, `--origin ${origin}`.split(' ')[0]!)).toBe(1);
      // No raw backticks anywhere a person reads.
      const text = await page.locator('main').innerText();
      expect(text).not.toContain('`');
      expect(await fits(page)).toBe(true);
    });

    test('the walkthrough Response block: labelled status first, then headers, then the body', async ({
      page,
    }) => {
      await page.goto('./#/walkthrough/5');
      await page.getByRole('button', { name: 'Try it' }).click();
      await expect(verdict(page)).toHaveAttribute('data-verdict', 'auth-failed');
      const block = page.getByRole('region', { name: 'Response details' });
      const status = block.getByRole('term').filter({ hasText: 'Status' });
      const header = block.getByRole('term').filter({ hasText: 'Headers' });
      await expect(block.getByRole('definition').nth(1)).toHaveText('content-type: text/html');
      const body = block.getByLabel('Response body');
      await expect(block.getByRole('definition').first()).toHaveText('401 Unauthorized');
      const s = (await status.boundingBox())!;
      const h = (await header.boundingBox())!;
      const b = (await body.boundingBox())!;
      // One column: the labels line up on the left, top to bottom.
      expect(Math.abs(s.x - h.x)).toBeLessThan(2);
      expect(h.y).toBeGreaterThan(s.y);
      expect(b.y).toBeGreaterThan(h.y);
      expect(await fits(page)).toBe(true);
    });

    test('no answer: refused and CORS offer the cURL round trip beside the verdict, CORS the relay too', async ({
      page,
    }) => {
      const keys = { accountKey: ACCOUNT_KEY, userKey: USER_KEY };
      await createProfile(page, { name: 'Nothing there', baseUrl: await closedPort(), ...keys });
      await sendPath(page, '/v1/');
      await expect(verdict(page)).toHaveAttribute('data-verdict', 'unreachable');
      const ways = page.getByRole('region', { name: 'Get the answer from outside this page' });
      await expect(ways).toBeVisible();
      await expect(ways.getByRole('button', { name: 'Copy the request as cURL' })).toBeVisible();
      await expect(ways.getByRole('link', { name: 'Diagnose' })).toHaveAttribute(
        'href',
        '#/diagnose',
      );
      await expect(ways.getByLabel('The relay command', { exact: true })).toHaveCount(0);
      const v = (await verdict(page).boundingBox())!;
      const w = (await ways.boundingBox())!;
      expect(w.y - (v.y + v.height)).toBeLessThan(120);

      await createProfile(page, { name: 'No CORS', baseUrl: noCors.url, ...keys });
      await sendPath(page, '/v1/');
      await expect(verdict(page)).toHaveAttribute('data-verdict', 'unreachable');
      await expect(ways.getByLabel('The relay command', { exact: true })).toContainText(
        `node relay.js --origin ${new URL(page.url()).origin}`,
      );
      await ways.getByRole('button', { name: 'Copy the request as cURL' }).click();
      // The round trip's own status line, the first in the box.
      await expect(ways.getByRole('status').first()).not.toBeEmpty();

      // Offline: the same way out, named for what happened.
      await page.context().setOffline(true);
      await sendPath(page, '/v1/');
      await expect(page.getByRole('region', { name: 'Response details' })).toContainText(
        'This device is offline',
      );
      await expect(verdict(page)).toHaveAttribute('data-verdict', 'unreachable');
      await expect(ways.getByRole('button', { name: 'Copy the request as cURL' })).toBeVisible();
      await expect(ways.getByLabel('The relay command', { exact: true })).toHaveCount(0);
      await page.context().setOffline(false);
      expect(await fits(page)).toBe(true);
    });

    test('profiles: a compact row each, sorting, actions in a menu, the card on demand', async ({
      page,
    }) => {
      test.setTimeout(60_000);
      await page.goto('./#/profiles');
      const names = ['Production EU', 'Staging', 'Customer 4411', 'Billing', 'Another account'];
      for (const [i, name] of names.entries()) await newProfile(page, name, i);
      const rows = page.getByRole('list', { name: 'Profiles' }).getByRole('article');
      await expect(rows).toHaveCount(names.length);
      for (const row of await rows.all()) {
        const box = (await row.boundingBox())!;
        expect(box.height).toBeGreaterThanOrEqual(40);
        // About 48-72 px; a phone takes one more short line.
        expect(box.height).toBeLessThanOrEqual(size.name === 'phone' ? 96 : 76);
        await expect(row.getByText(/^sha256:[0-9a-f]{8}$/)).toHaveCount(2);
        for (const print of await row.getByText(/^sha256:[0-9a-f]{8}$/).all()) {
          const p = (await print.boundingBox())!;
          expect(p.height).toBeLessThan(24);
        }
      }
      const titles = () =>
        rows.evaluateAll((all) => all.map((a) => a.querySelector('h3')?.textContent));
      expect(await titles()).toEqual([...names].sort((a, b) => a.localeCompare(b)));
      // Last use: the Playground sends with one of them.
      await page.goto('./#/playground');
      await page.getByLabel('Profile').selectOption({ label: 'Staging' });
      await page.getByLabel('Path').fill('/v1/');
      await page.getByRole('button', { name: 'Send' }).click();
      await expect(verdict(page)).toBeVisible({ timeout: 15_000 });
      await page.goto('./#/profiles');
      await page.getByLabel('Sort by').selectOption('Last use');
      await expect.poll(async () => (await titles())[0]).toBe('Staging');
      await expect(rows.first()).toContainText('last: ');

      const row = page.getByRole('article', { name: 'Billing' });
      await row.getByRole('button', { name: 'Actions' }).click();
      const menu = row.getByRole('menu');
      await expect(menu).toBeVisible();
      const m = (await menu.boundingBox())!;
      expect(m.x).toBeGreaterThanOrEqual(0);
      expect(m.x + m.width).toBeLessThanOrEqual(size.width);
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(menu).toHaveCount(0);
      await row.getByRole('button', { name: 'Details of Billing' }).click();
      await expect(row.getByRole('button', { name: 'Show' })).toHaveCount(2);
      expect(await fits(page)).toBe(true);
    });

    test('"this tab only" keys: the browser asks before a reload, and the card says what happened', async ({
      page,
    }) => {
      await page.goto('./#/profiles');
      await newProfile(page, 'Ticket 4711', 7, true);
      const row = page.getByRole('article', { name: 'Ticket 4711' });
      await expect(row).toContainText('kept in this tab until a reload');
      await row.getByRole('button', { name: 'Details of Ticket 4711' }).click();
      await expect(row).toContainText('reloading or closing the page drops them');
      // Another tab, while this one is open, sees the profile without its keys, and says so
      // without claiming that any tab was closed.
      const other = await page.context().newPage();
      await other.goto('./#/profiles');
      await expect(other.getByRole('article', { name: 'Ticket 4711' })).toContainText(
        'keys not in this tab',
      );
      await expect(other.locator('main')).not.toContainText('closed');
      await other.close();

      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.type());
        void dialog.accept();
      });
      await page.reload();
      expect(dialogs).toEqual(['beforeunload']);
      const after = page.getByRole('article', { name: 'Ticket 4711' });
      await expect(after).toContainText('keys not in this tab');
      await after.getByRole('button', { name: 'Details of Ticket 4711' }).click();
      await expect(after).toContainText('kept only in the memory of the tab they were entered in');
      await expect(page.locator('main')).not.toContainText('which is closed');
      // Nothing left to lose: a reload now goes without asking.
      await page.reload();
      expect(dialogs).toEqual(['beforeunload']);
    });

    test('with encryption on, a reload starts in the Unlock field, on screen', async ({ page }) => {
      test.setTimeout(60_000);
      await page.goto('./#/profiles');
      await newProfile(page, 'Locked one', 3);
      await page.getByRole('button', { name: 'Turn on encryption…' }).click();
      await page.getByLabel('I understand').check();
      await page.getByLabel('New passphrase', { exact: true }).fill('correct horse battery staple');
      await page
        .getByLabel('Confirm passphrase', { exact: true })
        .fill('correct horse battery staple');
      await page.getByRole('button', { name: 'Turn on encryption', exact: true }).click();
      await expect(page.getByText(/Encryption is on/)).toBeVisible({ timeout: 15_000 });
      await page.reload();
      const field = page.getByRole('region', { name: 'Unlock' }).getByLabel('Passphrase');
      await expect(field).toBeFocused();
      const box = (await field.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
      // Unlocking with Enter from there works.
      await field.fill('correct horse battery staple');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('region', { name: 'Unlock' })).toHaveCount(0, {
        timeout: 15_000,
      });
    });

    test('keys by fingerprint in Diagnose never break inside sha256:xxxxxxxx', async ({ page }) => {
      await page.goto('./#/diagnose');
      await page
        .getByLabel('Request', { exact: true })
        .fill(
          `curl https://api.redislabs.com/v1/ -H 'x-api-key: Qx7rT2mLp9Vb4Nc8Zd3Fh6Jk' -H 'x-api-secret-key: S1w5Ey8Ru2Io4Pa7Sd9Fg3Hj6Kl0Zx'`,
        );
      await page.getByLabel('Response', { exact: true }).fill('HTTP/1.1 401 Unauthorized');
      await page.getByRole('button', { name: 'Diagnose', exact: true }).click();
      const prints = page.getByRole('region', { name: 'Keys by fingerprint' });
      await expect(prints).toContainText(/sha256:[0-9a-f]{8}/);
      const text = await prints.innerText();
      for (const hash of text.match(/sha256:[0-9a-f]{8}/g) ?? []) {
        expect(await linesOf(prints, hash), hash).toBe(1);
      }
      expect(await fits(page)).toBe(true);
    });
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: the new parts are clean in ${scheme}`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./#/walkthrough/10');
    await page.getByRole('button', { name: 'Show a blocked answer' }).click();
    await expect(verdict(page)).toHaveAttribute('data-verdict', 'unreachable');
    expect(await seriousViolations(page), 'walkthrough 10').toEqual([]);
    await page.goto('./#/profiles');
    await newProfile(page, 'Ticket', 1, true);
    await page.getByRole('button', { name: 'Details of Ticket' }).click();
    await page.getByRole('button', { name: 'Actions' }).click();
    expect(await seriousViolations(page), 'profiles').toEqual([]);
    await createProfile(page, {
      name: 'No CORS',
      baseUrl: noCors.url,
      accountKey: ACCOUNT_KEY,
      userKey: USER_KEY,
    });
    await sendPath(page, '/v1/');
    await expect(page.getByLabel('The relay command', { exact: true })).toBeVisible();
    expect(await seriousViolations(page), 'playground, no answer').toEqual([]);
  });
}
