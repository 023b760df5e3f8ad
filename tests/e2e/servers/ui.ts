import { expect, type Page } from '@playwright/test';

export interface ProfileDraft {
  name: string;
  baseUrl: string;
  accountKey: string;
  userKey: string;
}

/** Creates a profile through the Profiles view, as a person would, then opens the Playground. */
export async function createProfile(page: Page, draft: ProfileDraft): Promise<void> {
  await page.goto('./#/profiles');
  await page.getByRole('button', { name: 'New profile' }).click();
  await page.getByLabel('Profile name').fill(draft.name);
  await page.getByLabel('Account key', { exact: true }).fill(draft.accountKey);
  await page.getByLabel('User key', { exact: true }).fill(draft.userKey);
  await page.getByLabel('API base URL').fill(draft.baseUrl);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('article', { name: draft.name })).toBeVisible();
  await page.goto('./#/playground');
  await page.getByLabel('Profile').selectOption({ label: draft.name });
}

export async function sendPath(page: Page, path: string): Promise<void> {
  await page.getByLabel('Path').fill(path);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('[data-verdict]')).toBeVisible({ timeout: 15_000 });
}

export const item = (page: Page, id: string) =>
  page.getByRole('list', { name: 'Authentication checklist' }).locator(`[data-condition="${id}"]`);

export const verdict = (page: Page) => page.locator('[data-verdict]');
