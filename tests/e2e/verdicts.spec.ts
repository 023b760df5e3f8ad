import { expect, test, type Page } from '@playwright/test';

const ACCOUNT_KEY = 'Hq4Wm8Tz2Lp6Xc9Vb3Nr7Ks5';
const USER_KEY = 'Fd2Gh7Jk4Lm9Qw3Er8Ty6Ui1Op5As0';
const HEADERS = `-H "x-api-key: ${ACCOUNT_KEY}" -H "x-api-secret-key: ${USER_KEY}"`;

const verdict = (page: Page) => page.locator('[data-verdict]');
const checklist = (page: Page) => page.getByRole('list', { name: 'Authentication checklist' });
const item = (page: Page, id: string) => checklist(page).locator(`[data-condition="${id}"]`);

function runsOf(secret: string): string[] {
  const runs: string[] = [];
  for (let i = 0; i + 6 <= secret.length; i++) runs.push(secret.slice(i, i + 6).toLowerCase());
  return runs;
}

async function diagnose(page: Page, request: string, response: string) {
  await page.goto('./#/diagnose');
  await page.getByLabel('Request').fill(request);
  await page.getByLabel('Response').fill(response);
  await page.getByRole('button', { name: 'Diagnose' }).click();
  await expect(checklist(page)).toBeVisible();
}

async function expectNoKeyOnPage(page: Page) {
  const shown = [
    (await page.locator('main').innerText()).toLowerCase(),
    (await page.getByLabel('Report').inputValue()).toLowerCase(),
  ].join('\n');
  // The Request box holds the paste itself; everything else must not.
  const pasted = (await page.getByLabel('Request').inputValue()).toLowerCase();
  const rest = shown.split(pasted).join('');
  for (const run of [...runsOf(ACCOUNT_KEY), ...runsOf(USER_KEY)]) expect(rest).not.toContain(run);
}

test('a curl to the console host is wrong-target: the URL first, the conditions unknown', async ({
  page,
}) => {
  await diagnose(
    page,
    `curl -i https://app.redislabs.com/v1/ ${HEADERS}`,
    `HTTP/2 200
content-type: text/html; charset=utf-8

<!doctype html><html><head><title>Redis Cloud</title></head><body><div id="root"></div></body></html>`,
  );
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'wrong-target');
  await expect(verdict(page)).toHaveAttribute('data-primary-cause', 'endpoint');
  await expect(verdict(page)).toContainText('Not sent to the Redis Cloud API');
  await expect(verdict(page)).toContainText('Use https://api.redislabs.com/v1/');
  await expect(item(page, 'endpoint')).toHaveAttribute('data-status', 'fail');
  for (const id of ['keys-valid', 'same-account', 'source-ip', 'api-enabled']) {
    await expect(item(page, id)).toHaveAttribute('data-status', 'unknown');
  }
  await expect(page.getByLabel('Report')).toHaveValue(/Not sent to the Redis Cloud API/);
  await expectNoKeyOnPage(page);
});

test('a body pasted alone, with no status line, is unknown: it asks for the whole answer', async ({
  page,
}) => {
  await diagnose(
    page,
    `curl https://api.redislabs.com/v1/subscriptions ${HEADERS}`,
    '{"message":"An unexpected error occurred, please try again later"}',
  );
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'unknown');
  await expect(verdict(page)).toHaveAttribute('data-primary-cause', 'reached-api');
  await expect(verdict(page)).toContainText('Paste the whole answer, status line included');
  for (const id of ['keys-valid', 'same-account', 'source-ip', 'api-enabled', 'role-permits']) {
    await expect(item(page, id)).toHaveAttribute('data-status', 'unknown');
  }
  await expect(verdict(page)).not.toContainText('Authenticated');
  await expectNoKeyOnPage(page);
});

test('an empty 403: the keys are unknown, not passed, and the headline is an action', async ({
  page,
}) => {
  await diagnose(page, `curl -i https://api.redislabs.com/v1/ ${HEADERS}`, 'HTTP/2 403\n\n');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'forbidden');
  await expect(item(page, 'keys-valid')).toHaveAttribute('data-status', 'unknown');
  await expect(item(page, 'same-account')).toHaveAttribute('data-status', 'unknown');
  const text = await verdict(page).innerText();
  expect(text.match(/forbidden/gi) ?? []).toHaveLength(1);
  expect(text).not.toContain('Fix first');
});

test('a curl command pasted with its own output in one box: split, said so, and judged by that answer', async ({
  page,
}) => {
  const oneBox = `curl -i https://api.redislabs.com/v1/subscriptions ${HEADERS}
HTTP/2 401
server: nginx
content-type: text/html

<html><head><title>401 Authorization Required</title></head><body><center>nginx</center></body></html>`;
  await diagnose(page, oneBox, '');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'auth-failed');
  await expect(page.getByRole('region', { name: 'How the paste was read' })).toContainText(
    'held the curl command and what it printed',
  );
  await expect(item(page, 'reached-api')).toHaveAttribute('data-status', 'pass');
  await expectNoKeyOnPage(page);
});

test("Cloudflare's error code 1010 is intercepted: the keys were never judged, nothing passes", async ({
  page,
}) => {
  await diagnose(
    page,
    `curl -i https://api.redislabs.com/v1/ ${HEADERS}`,
    'HTTP/2 403\nserver: cloudflare\ncontent-type: text/plain\n\nerror code: 1010',
  );
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'intercepted');
  await expect(verdict(page)).toHaveAttribute('data-primary-cause', 'reached-api');
  await expect(verdict(page)).toContainText('Answered by something other than the API');
  await expect(verdict(page)).toContainText('the keys were never judged');
  await expect(item(page, 'reached-api')).toHaveAttribute('data-status', 'fail');
  for (const id of ['keys-valid', 'same-account', 'source-ip', 'api-enabled', 'role-permits']) {
    await expect(item(page, id)).toHaveAttribute('data-status', 'unknown');
  }
  await expect(page.getByLabel('Report')).toHaveValue(/Answered by something other than the API/);
  await expectNoKeyOnPage(page);
});

test("curl's could-not-resolve in the Response box is unreachable, never a request for the status line", async ({
  page,
}) => {
  await diagnose(
    page,
    `curl https://api.redislabs.com/v1/subscriptions ${HEADERS}`,
    'curl: (6) Could not resolve host: api.redislabs.com',
  );
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'unreachable');
  await expect(verdict(page)).toContainText(
    'Check that this network can resolve api.redislabs.com',
  );
  await expect(verdict(page)).toContainText('never judged');
  await expect(verdict(page)).not.toContainText('status line');
  await expect(verdict(page)).not.toContainText("Check that the URL's host is");
});

test("a failed terraform apply (the Go client's task line) is never 'Nothing to fix'", async ({
  page,
}) => {
  const box = [
    '╷',
    '│ Error: 400 BAD_REQUEST - PAYMENT_INFO_NOT_PROVIDED: Payment info is not provided',
    '│ ',
    '│   with rediscloud_subscription.example,',
    '╵',
  ].join('\n');
  await diagnose(page, box, '');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'request-error');
  await expect(verdict(page)).toContainText('PAYMENT_INFO_NOT_PROVIDED');
  await expect(verdict(page)).not.toContainText('Nothing to fix');
  await expect(item(page, 'keys-valid')).toHaveAttribute('data-status', 'pass');
});
