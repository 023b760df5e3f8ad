import type { Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { createRelay } from '../../public/relay.js';
import {
  ACCOUNT_KEY,
  USER_KEY,
  close,
  closedPort,
  listen,
  startFakeApi,
  type FakeApi,
} from './servers/fake-api';
import { createProfile, item, sendPath, verdict } from './servers/ui';

let api: FakeApi;
let relay: Server;
let relayUrl: string;
const log: string[] = [];

test.beforeAll(async ({ baseURL }) => {
  api = await startFakeApi({ cors: false });
  relay = createRelay({
    target: api.url,
    origins: [new URL(baseURL!).origin],
    log: (line) => log.push(line),
  });
  relayUrl = await listen(relay);
});
test.afterAll(async () => {
  await close(relay);
  await api.close();
});

test('through the local relay the answer arrives and the checklist says the API saw the relay', async ({
  page,
}) => {
  // Without the relay the same server's answer is withheld (it sends no CORS headers).
  await createProfile(page, {
    name: 'Through the relay',
    baseUrl: relayUrl,
    accountKey: ACCOUNT_KEY,
    userKey: USER_KEY,
  });
  await sendPath(page, '/v1/');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'ok');
  const details = page.getByRole('region', { name: 'Response details' });
  await expect(details).toContainText('x-keycheck-relay');
  await expect(page.getByLabel('Response body')).toHaveValue(/"accountId": 1001/);
  const sourceIp = item(page, 'source-ip');
  // The short checklist folds what needs nothing; "show" opens it, then the item's Why.
  await page.getByRole('button', { name: /: show$/ }).click();
  await sourceIp.locator('summary').click();
  await expect(sourceIp).toContainText('local relay');
  await expect(sourceIp).toContainText('the machine the relay runs on');
  expect(api.seen.map((r) => r.path)).toContain('/v1/');
  expect(log.join('\n')).not.toContain(USER_KEY);
});

test.describe('the relay explains itself, told apart from CORS', () => {
  let other: Server | undefined;
  test.afterEach(async () => {
    if (other) await close(other);
    other = undefined;
  });

  test("a relay started for another origin: the page says to restart it with this page's origin", async ({
    page,
    baseURL,
  }) => {
    other = createRelay({ target: api.url, origins: ['https://keycheck.example'], log: () => {} });
    const otherUrl = await listen(other);
    const seenBefore = api.seen.length;
    await createProfile(page, {
      name: 'Relay for another page',
      baseUrl: otherUrl,
      accountKey: ACCOUNT_KEY,
      userKey: USER_KEY,
    });
    await sendPath(page, '/v1/');
    await expect(verdict(page)).toHaveAttribute('data-verdict', 'unreachable');
    const reached = item(page, 'reached-api');
    await expect(reached).toHaveAttribute('data-status', 'fail');
    await expect(reached).toContainText('The local relay refused the request');
    await expect(reached).not.toContainText('CORS');
    await reached.locator('summary').click();
    await expect(reached).toContainText(`node relay.js --origin ${new URL(baseURL!).origin}`);
    // Beside the verdict, the commands that start this site's relay for this page.
    await expect(page.getByLabel('The relay command', { exact: true })).toContainText(
      `node relay.js --origin ${new URL(baseURL!).origin}`,
    );
    // Refused before anything was forwarded.
    expect(api.seen.length).toBe(seenBefore);
  });

  test('a relay that cannot reach the API: unreachable, not a server error and not CORS', async ({
    page,
    baseURL,
  }) => {
    other = createRelay({
      target: await closedPort(),
      origins: [new URL(baseURL!).origin],
      log: () => {},
    });
    const otherUrl = await listen(other);
    await createProfile(page, {
      name: 'Relay without the API',
      baseUrl: otherUrl,
      accountKey: ACCOUNT_KEY,
      userKey: USER_KEY,
    });
    await sendPath(page, '/v1/');
    await expect(verdict(page)).toHaveAttribute('data-verdict', 'unreachable');
    await expect(verdict(page)).toContainText('the relay could not reach api.redislabs.com');
    const reached = item(page, 'reached-api');
    await expect(reached).toHaveAttribute('data-status', 'fail');
    await expect(reached).toContainText('the relay could not reach api.redislabs.com');
    await expect(reached).not.toContainText('CORS');
  });

  test("the API's redirect through the relay is shown with its target, and not followed", async ({
    page,
  }) => {
    const seenBefore = api.seen.length;
    await createProfile(page, {
      name: 'Relay to a redirect',
      baseUrl: relayUrl,
      accountKey: ACCOUNT_KEY,
      userKey: USER_KEY,
    });
    await sendPath(page, '/v1/moved');
    const details = page.getByRole('region', { name: 'Response details' });
    await expect(details).toContainText('302');
    await expect(details).toContainText('location');
    await expect(verdict(page)).not.toHaveAttribute('data-verdict', 'ok');
    expect(api.seen.slice(seenBefore).map((r) => r.path)).toEqual(['/v1/moved']);
  });
});
