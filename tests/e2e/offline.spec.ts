import { expect, test, type Page } from '@playwright/test';

/** Waits until the service worker has cached the app and controls this page. */
async function waitForOfflineCopy(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!registration.active) throw new Error('no active service worker');
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}

test('after the first visit the app works with no network', async ({ page, context }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Playground' })).toBeVisible();
  await waitForOfflineCopy(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Playground' })).toBeVisible();
  await page.getByLabel('Profile').selectOption('sandbox-wrong-user-key');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'auth-failed');

  // A view never opened online still loads: every lazy chunk was cached on the first visit.
  await page.goto('./#/walkthrough/7');
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: /^Step 7 of 10/ })).toBeVisible();
  await page.getByRole('button', { name: 'Try it' }).click();
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'forbidden');

  const nav = page.getByRole('navigation', { name: 'Main' });
  // Every view is part of the app: a missing link fails here instead of being passed over.
  for (const name of ['Profiles', 'Diagnose']) {
    await nav.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  }
});

test('offline, a pasted request is diagnosed', async ({ page, context }) => {
  await page.goto('./');
  const diagnoseLink = page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Diagnose', exact: true });
  await expect(diagnoseLink).toBeVisible();
  await waitForOfflineCopy(page);
  await context.setOffline(true);
  await page.reload();
  await diagnoseLink.click();
  await page
    .getByLabel('Request', { exact: true })
    .fill(
      "curl -i -H 'x-api-key: demo-acct-1001-5f2c8e1a9b3d' -H 'x-api-secret-key: demo-uk-3f9a1c7e5b21' https://api.redislabs.com/v1/",
    );
  await page
    .getByLabel('Response', { exact: true })
    .fill(
      'HTTP/1.1 401 Unauthorized\r\nServer: nginx\r\nContent-Type: text/html\r\n\r\n<html><head><title>401 Authorization Required</title></head><body><center><h1>401 Authorization Required</h1></center><hr><center>nginx</center></body></html>',
    );
  await page.getByRole('button', { name: 'Diagnose', exact: true }).click();
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'auth-failed');
});
