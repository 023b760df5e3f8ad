import { describe, expect, test } from 'vitest';
import {
  DEMO_PROFILES,
  NGINX_401_BODY,
  SANDBOX_CLIENT_IP,
  createSandbox,
} from '../../../src/lib/sandbox';
import { clockedSandbox, keyHeaders, profile, send } from './send';

describe('demo profiles', () => {
  test('cover every lesson the walkthrough names, with stable kebab-case ids', () => {
    expect(DEMO_PROFILES.map((p) => p.name)).toEqual([
      'Sandbox: valid Owner key',
      'Sandbox: Viewer key',
      'Sandbox: Logs viewer key',
      'Sandbox: Billing admin key',
      'Sandbox: Member key (no API access)',
      'Sandbox: key with an IP allow list',
      'Sandbox: user key from another account',
      'Sandbox: wrong user key',
      'Sandbox: API disabled',
    ]);
    const ids = DEMO_PROFILES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const p of DEMO_PROFILES) {
      expect(p.accountKey).toMatch(/^demo-acct-/);
      expect(p.userKey).toMatch(/^demo-uk-/);
    }
  });

  test.each(DEMO_PROFILES.map((p) => [p.name, p] as const))(
    '%s answers GET /v1/ with its documented status',
    async (_name, p) => {
      const { sandbox } = clockedSandbox();
      const response = await send(sandbox, p, 'GET', '/v1/');
      expect(response.status).toBe(p.expectedStatus);
      const body = await response.text();
      if (p.expectedStatus === 401) {
        expect(response.headers.get('content-type')).toBe('text/html');
        expect(body).toBe(NGINX_401_BODY);
      } else {
        expect(response.headers.get('content-type')).toBe('application/json');
        expect(JSON.parse(body)).toBeTypeOf('object');
      }
    },
  );
});

describe('GET /v1/ with the Owner key', () => {
  test('has exactly the documented shape, naming the key and the address the API saw', async () => {
    const { sandbox } = clockedSandbox();
    const response = await send(sandbox, profile('sandbox-owner'), 'GET', '/v1/');
    expect(await response.json()).toEqual({
      account: {
        id: 1001,
        name: 'Demo account',
        createdTimestamp: '2023-02-14T09:12:40Z',
        updatedTimestamp: '2024-11-05T16:03:11Z',
        pocStatus: 'inactive',
        marketplaceStatus: 'active',
        key: {
          name: 'demo-owner-key',
          accountId: 1001,
          accountName: 'Demo account',
          allowedSourceIps: ['0.0.0.0/0'],
          createdTimestamp: '2024-03-01T10:00:00Z',
          owner: { name: 'Demo Owner', email: 'owner@example.com' },
          userAccountId: 1,
          httpSourceIp: SANDBOX_CLIENT_IP,
        },
      },
    });
    expect(response.headers.get('X-Rate-Limit-Remaining')).toBe('399');
  });
});

describe('the key with an IP allow list', () => {
  const p = profile('sandbox-ip-allow-list');
  const request = {
    method: 'GET',
    url: 'https://sandbox.keycheck.invalid/v1/',
    headers: keyHeaders(p),
  };

  test('is refused from the simulated client address, and the inside view says why', async () => {
    const { sandbox } = clockedSandbox();
    expect((await send(sandbox, p, 'GET', '/v1/')).status).toBe(403);
    const view = sandbox.insideView(request);
    expect(view.conditions).toEqual({
      keysValid: 'held',
      sameAccount: 'held',
      sourceIp: 'not-held',
    });
    expect(view.userKey.allowList).toEqual(['10.0.0.0/24']);
    expect(view.refusal).toEqual({ status: 403, cause: 'source-ip-not-allowed' });
    expect(view.summary.join('\n')).toContain('198.51.100.23 is outside it');
  });

  test('works from an address inside its allow list, and shows that list', async () => {
    const sandbox = createSandbox({ clientIp: '10.0.0.7' });
    const response = await send(sandbox, p, 'GET', '/v1/');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { account: { key: Record<string, unknown> } };
    expect(body.account.key['allowedSourceIps']).toEqual(['10.0.0.0/24']);
    expect(body.account.key['httpSourceIp']).toBe('10.0.0.7');
    expect(sandbox.insideView(request).conditions.sourceIp).toBe('held');
  });
});
