import { expect, test } from '@playwright/test';
import { createProfile, item, sendPath, verdict } from './servers/ui';
import {
  ACCOUNT_KEY,
  BIG_BODY,
  USER_KEY,
  closedPort,
  startFakeApi,
  type FakeApi,
} from './servers/fake-api';

let api: FakeApi;
let noCors: FakeApi;

test.beforeAll(async () => {
  api = await startFakeApi({ cors: true });
  noCors = await startFakeApi({ cors: false });
});
test.afterAll(async () => {
  await api.close();
  await noCors.close();
});

const keys = { accountKey: ACCOUNT_KEY, userKey: USER_KEY };

test('a valid pair against a server that answers like the API: authenticated', async ({ page }) => {
  await createProfile(page, { name: 'Local API', baseUrl: api.url, ...keys });
  await sendPath(page, '/v1/');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'ok');
  await expect(item(page, 'reached-api')).toHaveAttribute('data-status', 'pass');
  const details = page.getByRole('region', { name: 'Response details' });
  await expect(details).toContainText('200');
  await expect(page.getByLabel('Response body')).toHaveValue(/"httpSourceIp": "203.0.113.7"/);
});

test('401 with the nginx page, 403 and 429 with its retry header', async ({ page }) => {
  await createProfile(page, {
    name: 'Wrong user key',
    baseUrl: api.url,
    ...keys,
    userKey: 'userE2Ewrong-0000000000000000',
  });
  await sendPath(page, '/v1/');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'auth-failed');
  await expect(page.getByLabel('Response body')).toHaveValue(/401 Authorization Required/);
  await expect(page.getByRole('region', { name: 'Response details' }).locator('title')).toHaveCount(
    0,
  );

  await createProfile(page, { name: 'Right keys', baseUrl: api.url, ...keys });
  await sendPath(page, '/v1/subscriptions');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'forbidden');
  await sendPath(page, '/v1/logs');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'rate-limited');
  await expect(item(page, 'rate-limit')).toContainText('17');
});

test('a slow answer past the chosen timeout is named a timeout', async ({ page }) => {
  await createProfile(page, { name: 'Slow API', baseUrl: api.url, ...keys });
  await page.getByLabel('Timeout (s)').fill('1');
  await sendPath(page, '/v1/users');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'unreachable');
  await expect(item(page, 'reached-api')).toContainText('No answer came within the time limit');
});

test('a server without CORS headers: the checklist says CORS, not a network failure', async ({
  page,
}) => {
  await createProfile(page, { name: 'No CORS', baseUrl: noCors.url, ...keys });
  await sendPath(page, '/v1/');
  const reached = item(page, 'reached-api');
  await expect(reached).toHaveAttribute('data-status', 'fail');
  await expect(reached).toContainText('CORS');
  await expect(reached).toContainText('withheld');
  await expect(verdict(page)).toContainText('CORS');
  // The ways forward are offered, the relay's command with this page's origin filled in.
  await expect(reached).toContainText(/relay|cURL/);
  await expect(reached).toContainText(`node relay.js --origin ${new URL(page.url()).origin}`);
});

test('a closed port is unreachable', async ({ page }) => {
  await createProfile(page, { name: 'Nothing there', baseUrl: await closedPort(), ...keys });
  await sendPath(page, '/v1/');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'unreachable');
  await expect(item(page, 'reached-api')).toContainText('Nothing answered');
  await expect(item(page, 'reached-api')).not.toContainText('CORS');
});

test('a user key holding U+200B is refused before sending, the character named', async ({
  page,
}) => {
  const before = api.seen.length;
  const withSpace = `${USER_KEY.slice(0, 10)}\u200b${USER_KEY.slice(10)}`;
  // The Profiles form already refuses to keep such a key, and names the character.
  await page.goto('./#/profiles');
  await page.getByRole('button', { name: 'New profile' }).click();
  await page.getByLabel('User key', { exact: true }).fill(withSpace);
  await expect(page.getByText(/U\+200B/).first()).toBeVisible();
  // A key that reaches a request by another way (here typed into a header row) is refused by
  // the Playground before anything is sent.
  await createProfile(page, { name: 'Local API', baseUrl: api.url, ...keys });
  await page.getByRole('button', { name: 'Add header' }).click();
  await page.getByLabel('Header 1 name').fill('x-api-secret-key');
  await page.getByLabel('Header 1 value').fill(withSpace);
  await sendPath(page, '/v1/');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'not-sent');
  await expect(item(page, 'reached-api')).toContainText('U+200B ZERO WIDTH SPACE');
  expect(api.seen.length).toBe(before);
});

test('a base URL outside the page policy is told so at the request stage, nothing sent', async ({
  page,
}) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await createProfile(page, { name: 'Elsewhere', baseUrl: 'https://api.example.com', ...keys });
  await sendPath(page, '/v1/');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'not-sent');
  await expect(item(page, 'reached-api')).toContainText('Content-Security-Policy');
  expect(requests.filter((url) => url.includes('example.com'))).toEqual([]);
});

test('a 5 MB answer: a cut view, the whole body as a download, and the page stays responsive', async ({
  page,
}) => {
  await createProfile(page, { name: 'Big answer', baseUrl: api.url, ...keys });
  await sendPath(page, '/v1/cloud-accounts');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'ok');
  const details = page.getByRole('region', { name: 'Response details' });
  await expect(details).toContainText('5.');
  await expect(details).toContainText('MB');
  await expect(details).toContainText('Showing the first');
  const shown = await page.getByLabel('Response body').inputValue();
  expect(shown.length).toBeLessThanOrEqual(100_000);
  // Responsive: typing into the Path box shows at once.
  const path = page.getByLabel('Path');
  await path.click();
  const started = Date.now();
  await page.keyboard.type('xyz');
  await expect(path).toHaveValue('/v1/cloud-accountsxyz', { timeout: 1000 });
  expect(Date.now() - started).toBeLessThan(1000);
  await page.getByRole('radio', { name: 'Raw' }).check();
  await expect(page.getByLabel('Response body')).toHaveValue(/^\{"cloudAccounts":\[\{"id":0,/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download the whole body' }).click(),
  ]);
  const file = await download.path();
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(file, 'utf8')).toBe(BIG_BODY);
});

test('a redirect is not followed with the keys: the page says so', async ({ page }) => {
  const seenBefore = api.seen.length;
  await createProfile(page, { name: 'Redirecting API', baseUrl: api.url, ...keys });
  await sendPath(page, '/v1/moved');
  // Followed, it would have reached /v1/ and come back authenticated.
  await expect(verdict(page)).not.toHaveAttribute('data-verdict', 'ok');
  const reached = item(page, 'reached-api');
  await expect(reached).toHaveAttribute('data-status', 'fail');
  await expect(reached).toContainText('redirect');
  expect(api.seen.slice(seenBefore).map((r) => r.path)).toEqual(['/v1/moved']);
});

test('the page loads with no console error (a Content-Security-Policy Chromium accepts)', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Playground' })).toBeVisible();
  expect(errors).toEqual([]);
});
