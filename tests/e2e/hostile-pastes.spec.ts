// Hostile pastes, each alone, in the built app: a 120 KB run of letters in a body, 5,000
// backslashes before a quote and a 5 MB HAR each end in a verdict or the clear message within a
// few seconds, the page answers a click while they are read, and no key reaches the page.
import { expect, test, type Page } from '@playwright/test';

const ACCOUNT = 'Hn4Rw8Tz2Lq6Vm9Xc3Bd7Kp5';
const USER = 'Uy3Ge7Wa1Os5Ld9Fh2Jk6Zx8Cv4Bn';
const HEADERS = `-H "x-api-key: ${ACCOUNT}" -H "x-api-secret-key: ${USER}"`;

/** A HAR of about `bytes`, every entry with both keys, to the API, answered 401 by nginx. */
function bigHar(bytes: number): string {
  const page = 'x'.repeat(40_000);
  const entry = (i: number) => ({
    startedDateTime: '2026-12-01T10:00:00.000Z',
    time: 120,
    request: {
      method: 'GET',
      url: `https://api.redislabs.com/v1/subscriptions?page=${i}`,
      httpVersion: 'HTTP/2',
      headers: [
        { name: 'x-api-key', value: ACCOUNT },
        { name: 'x-api-secret-key', value: USER },
      ],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: 401,
      statusText: 'Unauthorized',
      httpVersion: 'HTTP/2',
      headers: [{ name: 'content-type', value: 'text/html' }],
      cookies: [],
      content: { size: page.length, mimeType: 'text/html', text: page },
      redirectURL: '',
      headersSize: -1,
      bodySize: page.length,
    },
    cache: {},
    timings: { send: 1, wait: 100, receive: 19 },
  });
  const entries = [];
  for (let i = 0; entries.length * 40_500 < bytes; i++) entries.push(entry(i));
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'test' }, entries } });
}

const SHAPES: Array<[string, () => string]> = [
  [
    'a 120 KB run of letters in a body',
    () =>
      `curl https://api.redislabs.com/v1/subscriptions ${HEADERS} -d 'name=${'a'.repeat(120_000)}'`,
  ],
  [
    '5,000 backslashes before a quote',
    () => `curl https://api.redislabs.com/v1/ ${HEADERS} -d '{"a":"${'\\'.repeat(5_000)}"}'`,
  ],
  ['a 5 MB HAR', () => bigHar(5_000_000)],
];

async function paste(page: Page, text: string): Promise<void> {
  await page.getByLabel('Request').evaluate((el, value) => {
    (el as HTMLTextAreaElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

for (const [name, make] of SHAPES) {
  test(`${name}: a verdict or the clear message, and the page answers meanwhile`, async ({
    page,
  }) => {
    test.slow();
    await page.goto('./#/diagnose');
    await paste(page, make());
    await page.getByRole('button', { name: 'Diagnose' }).click();
    // While it is read, a click lands: the theme select answers at once.
    const theme = page.getByLabel('Theme');
    await theme.selectOption('dark', { timeout: 3_000 });
    await expect(theme).toHaveValue('dark');
    const done = page
      .locator('[data-verdict]')
      .or(page.getByText(/^This paste is too large or too unusual to read: /));
    // A few seconds: the worker's own limit is 8 s; the rest is the machine's slack.
    await expect(done.first()).toBeVisible({ timeout: 15_000 });
    const shown = await page.evaluate(() => {
      for (const box of document.querySelectorAll('textarea')) {
        if (box.getAttribute('aria-label') !== 'Report' && !box.readOnly) box.value = '';
      }
      return document.body.innerText;
    });
    for (const key of [ACCOUNT, USER]) {
      for (let i = 0; i + 6 <= key.length; i++) expect(shown).not.toContain(key.slice(i, i + 6));
    }
  });
}
