// Whole tickets pasted into the Request box, as support engineers get them: an email, a chat
// export and a CI log, each with prose, commands, what the tools printed and more than one
// attempt. The latest attempt's verdict shows, the other is one click away, and the lines not
// read are named. A hostile paste ends in a verdict or a clear message, never a frozen page.
import { expect, test, type Page } from '@playwright/test';

const ACCOUNT = 'Qx7rT2mLp9Vb4Nc8Zd3Fh6Jk';
const USER = 'S1w5Ey8Ru2Io4Pa7Sd9Fg3Hj6Kl0Zx';
const NGINX =
  '<html><head><title>401 Authorization Required</title></head><body><center><h1>401 Authorization Required</h1></center><hr><center>nginx</center></body></html>';

const EMAIL = `From: Jane Doe <jane@example.com>
Sent: Tuesday, May 7, 2024 10:12 AM
To: support@example.com
Subject: API key stopped working

Hi team,

Our deployment script worked fine yesterday. I ran this:

$ curl -s -i https://api.redislabs.com/v1/ \\
    -H "x-api-key: ${ACCOUNT}" \\
    -H "x-api-secret-key: ${USER}"
HTTP/2 200
content-type: application/json

{"account":{"id":1001,"name":"Redis","key":{"name":"deploy-key","accountId":1001,"accountName":"Redis","allowedSourceIps":["0.0.0.0/0"],"httpSourceIp":"79.0.0.173"}}}

Today the same command gives:

HTTP/2 401
server: nginx
content-type: text/html

${NGINX}

Can you help?

Thanks,
Jane Doe
Platform Engineer | Example Corp
`;

const CHAT = `[10:41] Jane Doe: hey, our terraform apply fails since this morning
[10:42] Jane Doe: │ Error: failed to list subscriptions: 401 - ${NGINX}
[10:43] Bob Smith: did you rotate the keys?
[10:44] Jane Doe: no. I tried from python too and got something else:
[10:44] Jane Doe: import requests
[10:44] Jane Doe: r = requests.get("https://api.redislabs.com/v1/", headers={"x-api-key": "${ACCOUNT}", "x-api-secret-key": "${USER}"})
[10:44] Jane Doe: r.raise_for_status()
[10:45] Jane Doe: requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://api.redislabs.com/v1/
`;

const CI = `2024-05-07T10:00:00.1000000Z ##[group]Run curl -sS -i https://api.redislabs.com/v1/ -H "x-api-key: $KEY" -H "x-api-secret-key: $SECRET"
2024-05-07T10:00:00.1000000Z [36;1mcurl -sS -i https://api.redislabs.com/v1/ -H "x-api-key: ${ACCOUNT}" -H "x-api-secret-key: ${USER}"[0m
2024-05-07T10:00:00.1000000Z shell: /usr/bin/bash -e {0}
2024-05-07T10:00:00.1000000Z ##[endgroup]
2024-05-07T10:00:01.1000000Z HTTP/2 200
2024-05-07T10:00:01.1000000Z content-type: application/json
2024-05-07T10:00:01.1000000Z
2024-05-07T10:00:01.1000000Z {"account":{"id":1001,"name":"Redis","key":{"name":"deploy-key","accountId":1001,"accountName":"Redis","allowedSourceIps":["0.0.0.0/0"],"httpSourceIp":"79.0.0.173"}}}
2024-05-07T10:05:00.1000000Z ##[group]Run curl -sSf https://api.redislabs.com/v1/subscriptions -H "x-api-key: $KEY" -H "x-api-secret-key: $SECRET"
2024-05-07T10:05:00.1000000Z [36;1mcurl -sSf https://api.redislabs.com/v1/subscriptions -H "x-api-key: ${ACCOUNT}" -H "x-api-secret-key: ${USER}"[0m
2024-05-07T10:05:00.1000000Z shell: /usr/bin/bash -e {0}
2024-05-07T10:05:00.1000000Z ##[endgroup]
2024-05-07T10:05:01.2000000Z curl: (22) The requested URL returned error: 401
2024-05-07T10:05:01.2100000Z ##[error]Process completed with exit code 22.
`;

const verdict = (page: Page) => page.locator('[data-verdict]');

async function diagnoseTicket(page: Page, text: string) {
  await page.goto('./#/diagnose');
  await page.getByLabel('Request').fill(text);
  await page.getByRole('button', { name: 'Diagnose' }).click();
  await expect(page.getByRole('list', { name: 'Authentication checklist' })).toBeVisible();
}

async function otherAttemptShows(page: Page, expected: string) {
  const attempts = page.getByRole('region', { name: 'Attempts in the paste' });
  await expect(attempts.getByRole('listitem')).toHaveCount(2);
  // The latest is listed first and shown in full.
  await expect(attempts.getByRole('button').first()).toHaveAttribute('aria-current', 'true');
  await expect(attempts.getByRole('button').first()).toContainText('(latest)');
  await attempts.getByRole('button').nth(1).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', expected);
  await expect(attempts.getByRole('button').nth(1)).toHaveAttribute('aria-current', 'true');
}

async function noKeyOnPage(page: Page) {
  const text =
    (await page.locator('body').innerText()) + (await page.getByLabel('Report').inputValue());
  for (const key of [ACCOUNT, USER]) {
    for (let i = 0; i + 8 <= key.length; i++) expect(text).not.toContain(key.slice(i, i + 8));
  }
}

test('an email with two attempts: the latest 401 first, the 200 one click away, prose named', async ({
  page,
}) => {
  await diagnoseTicket(page, EMAIL);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'auth-failed');
  const unread = page.getByRole('region', { name: 'Lines not read' });
  await expect(unread).toContainText('Lines 1–4: an email header');
  await expect(unread).toContainText('prose');
  await expect(unread).toContainText('a signature');
  await expect(page.getByRole('region', { name: 'Redacted exchange' })).not.toContainText(
    'None pasted',
  );
  await noKeyOnPage(page);
  await otherAttemptShows(page, 'ok');
});

test('a chat export: Terraform 401 and Python 403 both judged, the latest first', async ({
  page,
}) => {
  await diagnoseTicket(page, CHAT);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'forbidden');
  await expect(page.getByRole('region', { name: 'Lines not read' })).toContainText('prose');
  await noKeyOnPage(page);
  await otherAttemptShows(page, 'auth-failed');
});

test('a CI log: the failing step first, its log lines named as not read', async ({ page }) => {
  await diagnoseTicket(page, CI);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'auth-failed');
  await expect(page.getByRole('region', { name: 'Redacted exchange' })).toContainText('401');
  await expect(page.getByRole('region', { name: 'Lines not read' })).toContainText('a CI log line');
  await noKeyOnPage(page);
  await otherAttemptShows(page, 'ok');
});

test('a huge hostile paste ends in a verdict or the clear message, and the page answers meanwhile', async ({
  page,
}) => {
  test.slow();
  // Long runs with no line break, thousands of backslashes and deep brackets, in one ticket.
  const hostile = [
    'Hi, this fails:',
    `curl https://api.redislabs.com/v1/ -H "x-api-key: ${ACCOUNT}" -d '${'a'.repeat(120_000)}'`,
    '\\'.repeat(5_000) + '"',
    '['.repeat(50_000),
    `{"note":"${'Zq9'.repeat(100_000)}`,
  ].join('\n');
  await page.goto('./#/diagnose');
  const box = page.getByLabel('Request');
  await box.evaluate((el, text) => {
    (el as HTMLTextAreaElement).value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, hostile);
  await page.getByRole('button', { name: 'Diagnose' }).click();
  // While it is read, the page answers: typing lands at once.
  const response = page.getByLabel('Response');
  await response.pressSequentially('401', { timeout: 5_000 });
  await expect(response).toHaveValue('401');
  const done = page
    .locator('[data-verdict]')
    .or(page.getByText(/^This paste is too large or too unusual to read: /));
  await expect(done.first()).toBeVisible({ timeout: 20_000 });
  // And a click still works afterwards.
  await page.getByRole('navigation').getByRole('link', { name: 'Playground' }).click();
  await expect(page).toHaveURL(/#\/playground$/);
});
