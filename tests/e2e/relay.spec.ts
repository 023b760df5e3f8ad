import type { Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { createRelay } from '../../public/relay.js';
import {
  ACCOUNT_KEY,
  USER_KEY,
  close,
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
