/**
 * The first promise through the real UI: keys pasted in places customers put them never show on
 * the page (outside the box they were pasted into), in the report, the link, the page the link
 * opens, the URL, storage or the console.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const ACCOUNT_KEY = 'Hq4Zt8Wm2Rv6Nc1Xb5Ly9Pd3';
const USER_KEY = 'Ke7Jf2Ua9Ss4Gd0Lw3Op6Ty1Ri8';
const html401 =
  '<html><head><title>401 Authorization Required</title></head><body><center>nginx</center></body></html>';

const CASES: { name: string; request: string; response: string }[] = [
  {
    name: 'URL user information',
    request: `curl -i https://${ACCOUNT_KEY}:${USER_KEY}@api.redislabs.com/v1/subscriptions`,
    response: `HTTP/2 401\nserver: nginx\n\n${html401}`,
  },
  {
    name: 'smart quotes, and an answer that echoes the key in lower case',
    request: `curl -H \u201cx-api-key: ${ACCOUNT_KEY}\u201d -H \u201cx-api-secret-key: ${USER_KEY}\u201d https://api.redislabs.com/v1/`,
    response: `HTTP/1.1 401 Bad key ${USER_KEY.slice(0, 7)}\ncontent-type: application/json\n\n{"echo":"${ACCOUNT_KEY.toLowerCase()}"}`,
  },
  {
    name: 'keys in a JSON body and odd header names',
    request: `curl -X POST https://api.redislabs.com/v1/subscriptions -H "accountKey: ${ACCOUNT_KEY}" -H "x-api-secret-key: ${USER_KEY}" -d '{"accountKey":"${ACCOUNT_KEY}","secretKey":"${USER_KEY}"}'`,
    response: `HTTP/1.1 401 Unauthorized\nx-api-key: ${ACCOUNT_KEY}\n\n`,
  },
  // Deny by default: keys where no name points at them, or written where a name belongs.
  {
    name: 'keys with no name: a form field, a User-Agent and a path segment',
    request: `curl -A "deploy-bot/${ACCOUNT_KEY}" -d "k=${USER_KEY}" https://api.redislabs.com/v1/subscriptions/${ACCOUNT_KEY}`,
    response: `HTTP/1.1 401 Unauthorized\n\n`,
  },
  {
    name: 'keys written where a name belongs, and an answer as a PowerShell table',
    request: `curl -H "x-api-key: $(echo ${ACCOUNT_KEY})" -H "x-api-secret-key: \${RC_KEY:-${USER_KEY}}" https://api.redislabs.com/v1/`,
    response: `Name                           Value\n----                           -----\nx-api-key                      ${ACCOUNT_KEY}\nx-api-secret-key               ${USER_KEY}`,
  },
  {
    name: 'os.getenv("<key>"), and an ANSI log that splits the key',
    request: `import os, requests\nr = requests.get("https://api.redislabs.com/v1/", headers={"x-api-key": os.getenv("${ACCOUNT_KEY}"), "x-api-secret-key": "${USER_KEY}"})`,
    response: `\u001b[32mx-api-key:\u001b[0m ${ACCOUNT_KEY.slice(0, 4)}\u001b[1m${ACCOUNT_KEY.slice(4)}\u001b[0m\n< HTTP/1.1 401 Unauthorized`,
  },
  {
    name: 'a HAR whose entry label, comment and escaped header name hold the keys',
    request: JSON.stringify({
      log: {
        version: '1.2',
        comment: `ticket ${USER_KEY}`,
        entries: [
          {
            startedDateTime: '2025-01-17T09:34:25.602Z',
            time: 80,
            comment: `keys ${ACCOUNT_KEY} ${USER_KEY}`,
            request: {
              method: 'GET',
              url: `https://api.redislabs.com/v1/subscriptions/${ACCOUNT_KEY}`,
              headers: [
                { value: USER_KEY, name: 'x-api-secret-key' },
                { name: 'x-api-\u006bey', value: ACCOUNT_KEY },
              ],
            },
            response: {
              status: 401,
              statusText: 'Unauthorized',
              headers: [],
              content: { size: 0, mimeType: 'text/html', text: html401 },
            },
          },
        ],
      },
    }),
    response: '',
  },
];

function pieces(): string[] {
  const out: string[] = [];
  for (const key of [ACCOUNT_KEY, USER_KEY]) {
    for (let i = 0; i + 6 <= key.length; i++) out.push(key.slice(i, i + 6).toLowerCase());
  }
  return out;
}

/** The page's visible text and every form value but the two paste boxes, in lower case. */
async function shown(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea, select')]
      .filter((el) => !['paste-request', 'paste-response'].includes(el.id))
      .map((el) => (el as HTMLInputElement).value);
    return [document.body.innerText, ...values, location.href].join('\n').toLowerCase();
  });
}

function holdsNoPiece(text: string, where: string) {
  for (const piece of pieces()) expect(text, `${where} holds "${piece}"`).not.toContain(piece);
}

for (const c of CASES) {
  test(`${c.name}: no piece of a key on the page, in the report, the link or the page it opens`, async ({
    page,
    context,
  }) => {
    test.slow();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const logged: string[] = [];
    page.on('console', (message) => logged.push(message.text()));
    await page.goto('./#/diagnose');
    await page.getByLabel('Request').fill(c.request);
    await page.getByLabel('Response').fill(c.response);
    await page.getByRole('button', { name: 'Diagnose' }).click();
    await expect(page.locator('[data-verdict]')).toBeVisible();
    // Every folded part opened, so hidden text is read too.
    const show = page.getByRole('button', { name: /checks? passed/ });
    if (await show.count()) await show.first().click();
    await page.evaluate(() => {
      for (const details of document.querySelectorAll('details')) details.open = true;
    });
    const pageText = await shown(page);
    holdsNoPiece(pageText, 'the page');
    holdsNoPiece((await page.getByLabel('Report').inputValue()).toLowerCase(), 'the report');

    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied the link' })).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    holdsNoPiece(link.toLowerCase(), 'the link');
    const other = await context.newPage();
    await other.goto(link);
    await expect(other.getByRole('heading', { name: 'Shared report (read-only)' })).toBeVisible();
    await expect(other.locator('[data-verdict]')).toBeVisible();
    holdsNoPiece(await shown(other), 'the page the link opens');
    await other.close();

    // A HAR paste offers its own sanitized copy: the file holds no piece either.
    const har = page.getByRole('button', { name: 'Download sanitized HAR' });
    if (await har.count()) {
      const [download] = await Promise.all([page.waitForEvent('download'), har.click()]);
      holdsNoPiece(download.suggestedFilename().toLowerCase(), 'the file name');
      const path = await download.path();
      holdsNoPiece(readFileSync(path, 'utf8').toLowerCase(), 'the sanitized HAR');
    }

    const stored = await page.evaluate(() =>
      JSON.stringify({ ...localStorage, ...sessionStorage }),
    );
    holdsNoPiece(stored.toLowerCase(), 'Web Storage');
    holdsNoPiece(logged.join('\n').toLowerCase(), 'the console');
  });
}
