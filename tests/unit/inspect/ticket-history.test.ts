/**
 * "It worked yesterday, now 401": in a whole ticket, an earlier attempt that authenticated with
 * the same keys is what a profile's last success is to the Playground; the later 401's ranking
 * says so. Keys from shell variables prove no sameness, so they count for nothing.
 */
import { expect, test } from 'vitest';
import { diagnosePaste } from '../../../src/lib/inspect/diagnose-paste';

const NGINX =
  '<html><head><title>401 Authorization Required</title></head><body><center><h1>401 Authorization Required</h1></center><hr><center>nginx</center></body></html>';
const ACCOUNT =
  '{"account":{"id":1001,"name":"Redis","key":{"name":"deploy-key","accountId":1001}}}';

function ticket(first: string, second: string): string {
  return [
    'Hi team, this worked yesterday:',
    '',
    `$ curl -i https://api.redislabs.com/v1/ -H "x-api-key: ${first}" -H "x-api-secret-key: Us3rK3y9Qw8Er7Ty6Ui5Op4"`,
    'HTTP/2 200',
    'content-type: application/json',
    '',
    ACCOUNT,
    '',
    'and today:',
    '',
    `$ curl -i https://api.redislabs.com/v1/ -H "x-api-key: ${second}" -H "x-api-secret-key: Us3rK3y9Qw8Er7Ty6Ui5Op4"`,
    'HTTP/2 401',
    'content-type: text/html',
    '',
    NGINX,
  ].join('\n');
}

const latest = async (text: string) => {
  const out = await diagnosePaste({ request: text, response: '', at: new Date().toISOString() });
  const checklist = out.inspection?.checklist;
  if (!checklist) throw new Error('not diagnosed');
  return (id: string) => checklist.items.find((i) => i.id === id);
};

test('the same keys authenticated in an earlier attempt: a disabled API moves up, a pair from two accounts down', async () => {
  const item = await latest(ticket('Acc0unt1Key2Abc3Def4Gh', 'Acc0unt1Key2Abc3Def4Gh'));
  expect(item('api-enabled')?.rank).toBe(2);
  expect(item('same-account')?.rank).toBe(3);
  expect(item('api-enabled')?.explanation).toContain(
    'The same keys authenticated in attempt 1 of this paste (lines 3–7) for account 1001 (Redis)',
  );
});

test('other keys in the earlier attempt: the ranking learns nothing from it', async () => {
  const item = await latest(ticket('Acc0unt1Key2Abc3Def4Gh', 'Zzz9Yyy8Xxx7Www6Vvv5Uu'));
  expect(item('api-enabled')?.explanation).not.toContain('authenticated in attempt');
  expect(item('same-account')?.rank).toBe(2);
});

test('keys from shell variables prove no sameness', async () => {
  const item = await latest(ticket('$ACCOUNT_KEY', '$ACCOUNT_KEY'));
  expect(item('api-enabled')?.explanation ?? '').not.toContain('authenticated in attempt');
});

test('the same keys authenticated before: the headline does not ask to copy them again', async () => {
  const text = ticket('Acc0unt1Key2Abc3Def4Gh', 'Acc0unt1Key2Abc3Def4Gh');
  const out = await diagnosePaste({ request: text, response: '', at: new Date().toISOString() });
  const headline = out.inspection?.checklist.headline ?? '';
  expect(headline).toMatch(/^Check whether either key was deleted or regenerated since/);
  expect(headline).not.toMatch(/Copy both keys again/);
  const keys = out.inspection?.checklist.items.find((i) => i.id === 'keys-valid');
  expect(keys?.fix).toMatch(/deleted or regenerated/);
});

test('other keys before: the headline still asks to copy the keys again', async () => {
  const text = ticket('Acc0unt1Key2Abc3Def4Gh', 'Zzz9Yyy8Xxx7Www6Vvv5Uu');
  const out = await diagnosePaste({ request: text, response: '', at: new Date().toISOString() });
  expect(out.inspection?.checklist.headline).toMatch(/^Copy both keys again/);
});

test.each(['***', '[MASKED]'])(
  'keys a CI log masked as %s prove no sameness (each step may hold other keys)',
  async (mask) => {
    const text = ticket(mask, mask).replaceAll('Us3rK3y9Qw8Er7Ty6Ui5Op4', mask);
    const item = await latest(text);
    expect(item('api-enabled')?.explanation ?? '').not.toContain('authenticated in attempt');
    expect(item('same-account')?.rank).toBe(2);
  },
);

test("an earlier attempt's allow list and address are what a later 403 is read with", async () => {
  const body = JSON.stringify({
    account: {
      id: 1001,
      name: 'Redis',
      key: {
        name: 'deploy-key',
        accountId: 1001,
        allowedSourceIps: ['79.0.0.0/24'],
        httpSourceIp: '79.0.0.173',
      },
    },
  });
  const key = 'Acc0unt1Key2Abc3Def4Gh';
  const user = 'Us3rK3y9Qw8Er7Ty6Ui5Op4';
  const text = [
    'Worked from the office:',
    '',
    `$ curl -i https://api.redislabs.com/v1/ -H "x-api-key: ${key}" -H "x-api-secret-key: ${user}"`,
    'HTTP/2 200',
    'content-type: application/json',
    '',
    body,
    '',
    'From CI now:',
    '',
    `$ curl -i https://api.redislabs.com/v1/subscriptions -H "x-api-key: ${key}" -H "x-api-secret-key: ${user}"`,
    'HTTP/2 403',
    '',
  ].join('\n');
  const out = await diagnosePaste({ request: text, response: '', at: new Date().toISOString() });
  const ip = out.inspection?.checklist.items.find((i) => i.id === 'source-ip');
  expect(ip?.summary).toContain('79.0.0.0/24');
  expect(ip?.summary).not.toMatch(/not known here/);
});
