import { expect, test, type Page } from '@playwright/test';

const ACCOUNT_KEY = 'acctE2E7f3a9c1d5b2e8f4a6c0d9e1b';
const USER_KEY = 'userE2E0b9c8d7e6f5a4b3c2d1e0f9a';

interface Draft {
  name: string;
  accountKey?: string;
  userKey?: string;
  tabOnly?: boolean;
  baseUrl?: string;
}

async function createProfile(page: Page, draft: Draft): Promise<void> {
  await page.getByRole('button', { name: 'New profile' }).click();
  await page.getByLabel('Profile name').fill(draft.name);
  await page.getByLabel('Account key', { exact: true }).fill(draft.accountKey ?? ACCOUNT_KEY);
  await page.getByLabel('User key', { exact: true }).fill(draft.userKey ?? USER_KEY);
  if (draft.baseUrl !== undefined) await page.getByLabel('API base URL').fill(draft.baseUrl);
  if (draft.tabOnly === true) await page.getByLabel('Keep keys only in this tab').check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('article', { name: draft.name })).toBeVisible();
}

/** Everything the page keeps: every IndexedDB database and store, localStorage, sessionStorage. */
function dumpStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const done = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const dump: unknown[] = [{ ...localStorage }, { ...sessionStorage }];
    for (const { name } of await indexedDB.databases()) {
      if (name === undefined) continue;
      const db = await done(indexedDB.open(name));
      for (const store of Array.from(db.objectStoreNames)) {
        const objects = db.transaction(store, 'readonly').objectStore(store);
        const [keys, values] = await Promise.all([
          done(objects.getAllKeys()),
          done(objects.getAll()),
        ]);
        dump.push({ db: name, store, keys, values });
      }
      db.close();
    }
    return JSON.stringify(dump);
  });
}

test('a profile created through the form is still there after a reload', async ({ page }) => {
  await page.goto('./#/profiles');
  await createProfile(page, { name: 'Production EU' });
  await page.reload();
  const profile = page.getByRole('article', { name: 'Production EU' });
  await expect(profile).toBeVisible();
  await profile.getByRole('button', { name: 'Details of Production EU' }).click();
  await expect(profile).toContainText(/sha256:[0-9a-f]{8}, 31 characters/);
  await expect(page.locator('body')).not.toContainText(USER_KEY);
});

test('two pages stay in sync: a profile created in one shows in the other within a second', async ({
  page,
}) => {
  const other = await page.context().newPage();
  await page.goto('./#/profiles');
  await other.goto('./#/profiles');
  await expect(other.getByText(/No profiles yet/)).toBeVisible();
  await createProfile(page, { name: 'Shared between tabs' });
  await expect(other.getByRole('article', { name: 'Shared between tabs' })).toBeVisible({
    timeout: 1000,
  });
  const row = page.getByRole('article', { name: 'Shared between tabs' });
  await row.getByRole('button', { name: 'Actions' }).click();
  await row.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(other.getByRole('article', { name: 'Shared between tabs' })).toHaveCount(0, {
    timeout: 1000,
  });
});

test('with encryption on, storage holds no key in plain text; a tab-only profile holds none at all', async ({
  page,
}) => {
  await page.goto('./#/profiles');
  await createProfile(page, { name: 'Stored keys' });
  expect(await dumpStorage(page)).toContain(USER_KEY);

  await page.getByRole('button', { name: 'Turn on encryption…' }).click();
  await page.getByLabel('I understand').check();
  await page.getByLabel('New passphrase', { exact: true }).fill('correct horse battery staple');
  await page.getByLabel('Confirm passphrase', { exact: true }).fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Turn on encryption', exact: true }).click();
  await expect(page.getByText(/Encryption is on: the keys are stored encrypted/)).toBeVisible({
    timeout: 15_000,
  });

  const tabKey = 'tabOnlyE2E4d3c2b1a0f9e8d7c6b5a4';
  const tabAccount = 'tabAcctE2E9a8b7c6d5e4f3a2b1c0d';
  await createProfile(page, {
    name: 'Customer ticket',
    accountKey: tabAccount,
    userKey: tabKey,
    tabOnly: true,
  });
  const dump = await dumpStorage(page);
  expect(dump).toContain('Stored keys');
  expect(dump).toContain('sealedKeys');
  for (const secret of [ACCOUNT_KEY, USER_KEY, tabKey, tabAccount]) {
    expect(dump).not.toContain(secret);
  }
  expect(page.url()).not.toContain(USER_KEY);

  // A new tab starts locked and asks for the passphrase.
  const other = await page.context().newPage();
  await other.goto('./#/profiles');
  await expect(other.getByRole('region', { name: 'Unlock' })).toBeVisible();
});

test("the Playground's Profile select offers the new profile under My profiles", async ({
  page,
}) => {
  await page.goto('./#/profiles');
  await createProfile(page, { name: 'For the playground' });
  await page.getByRole('navigation').getByRole('link', { name: 'Playground' }).click();
  const select = page.getByRole('combobox', { name: 'Profile', exact: true });
  const mine = select.locator('optgroup[label="My profiles"]');
  await expect(mine.locator('option', { hasText: 'For the playground' })).toHaveCount(1);
  await expect(select.locator('optgroup[label="Sandbox (simulated API)"] option')).not.toHaveCount(
    0,
  );
});

test('the Playground comes back to the profile it last sent with', async ({ page }) => {
  await page.goto('./#/profiles');
  // Loopback where nothing listens: the send fails at once and no fake key reaches the real API.
  await createProfile(page, { name: 'Last used', baseUrl: 'http://127.0.0.1:9' });
  await page.getByRole('link', { name: 'Playground' }).click();
  const select = page.getByRole('combobox', { name: 'Profile', exact: true });
  await select.selectOption({ label: 'Last used' });
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('[data-verdict]')).toBeVisible({ timeout: 15_000 });
  await page.reload();
  await expect(select.locator('option:checked')).toHaveText('Last used');
});

test('Send with a profile whose keys are locked offers the unlock in place, then sends', async ({
  page,
}) => {
  await page.goto('./#/profiles');
  // A profile of one's own, answered by the built-in sandbox, with its demo keys.
  await createProfile(page, {
    name: 'Encrypted sandbox',
    baseUrl: 'https://sandbox.keycheck.invalid',
    accountKey: 'demo-acct-1001-5f2c8e1a9b3d',
    userKey: 'demo-uk-3f9a1c7e5b20',
  });
  await page.getByRole('button', { name: 'Turn on encryption…' }).click();
  await page.getByLabel('I understand').check();
  await page.getByLabel('New passphrase', { exact: true }).fill('correct horse battery staple');
  await page.getByLabel('Confirm passphrase', { exact: true }).fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Turn on encryption', exact: true }).click();
  await expect(page.getByText(/Encryption is on/)).toBeVisible({ timeout: 15_000 });

  // A reload is a new session: the keys are locked.
  await page.goto('./#/playground');
  await page.reload();
  await page.getByLabel('Profile').selectOption({ label: 'Encrypted sandbox (keys locked)' });
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const prompt = page.getByRole('region', { name: 'Unlock to send' });
  await expect(prompt).toContainText('Nothing was sent');
  await expect(page.locator('[data-verdict]')).toHaveCount(0);

  await prompt.getByLabel('Passphrase').fill('correct horse battery staple');
  await prompt.getByRole('button', { name: 'Unlock and send' }).click();
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'ok', {
    timeout: 15_000,
  });
  await expect(prompt).toHaveCount(0);
});
