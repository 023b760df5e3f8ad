/**
 * The sandbox's demo accounts. Every value here is fake and public on purpose: keys start with
 * `demo-`, e-mail addresses use `example.com`, and addresses come from the documentation ranges
 * (RFC 5737), so nothing can be mistaken for, or work against, the real API.
 *
 * | Account | Name            | API      | Account key (`x-api-key`)     |
 * | ------- | --------------- | -------- | ----------------------------- |
 * | 1001    | Demo account    | enabled  | `demo-acct-1001-5f2c8e1a9b3d` |
 * | 2002    | Second account  | enabled  | `demo-acct-2002-7a4e0c6d2f18` |
 * | 3003    | Paused account  | disabled | `demo-acct-3003-9c1b5e7a3d60` |
 *
 * | User key (`x-api-secret-key`)          | Account | Key name                 | Role          | Allow list    |
 * | -------------------------------------- | ------- | ------------------------ | ------------- | ------------- |
 * | `demo-user-owner-3f9a1c7e5b20`         | 1001    | `demo-owner-key`         | Owner         | none          |
 * | `demo-user-viewer-8d2e4a6c0f13`        | 1001    | `demo-viewer-key`        | Viewer        | none          |
 * | `demo-user-logs-viewer-6b0d9f2a4e71`   | 1001    | `demo-logs-viewer-key`   | Logs viewer   | none          |
 * | `demo-user-billing-admin-2e7c5a1f9d38` | 1001    | `demo-billing-admin-key` | Billing admin | none          |
 * | `demo-user-member-9a3f7d1b5c62`        | 1001    | `demo-member-key`        | Member        | none          |
 * | `demo-user-allowlist-4c6e8a0b2d95`     | 1001    | `demo-office-only-key`   | Owner         | `10.0.0.0/24` |
 * | `demo-user-owner-7e1a3c5b9f04`         | 2002    | `second-owner-key`       | Owner         | none          |
 * | `demo-user-owner-0d5b7f9a1c86`         | 3003    | `paused-owner-key`       | Owner         | none          |
 *
 * The sandbox sees every request as coming from {@link SANDBOX_CLIENT_IP} (198.51.100.23), which
 * `10.0.0.0/24` does not contain. The Member key exists although a Member may not use the API:
 * it shows what such a key gets. Account 3003 keeps its keys from before the API was turned off.
 */
import type { SandboxAccount, SandboxWorld } from './model';

/** The public address the sandbox pretends every request comes from (RFC 5737 TEST-NET-2). */
export const SANDBOX_CLIENT_IP = '198.51.100.23';

export const DEMO_KEYS = {
  account1001: 'demo-acct-1001-5f2c8e1a9b3d',
  account2002: 'demo-acct-2002-7a4e0c6d2f18',
  account3003: 'demo-acct-3003-9c1b5e7a3d60',
  owner: 'demo-uk-3f9a1c7e5b20',
  viewer: 'demo-uk-8d2e4a6c0f13',
  logsViewer: 'demo-uk-6b0d9f2a4e71',
  billingAdmin: 'demo-uk-2e7c5a1f9d38',
  member: 'demo-uk-9a3f7d1b5c62',
  allowList: 'demo-uk-4c6e8a0b2d95',
  secondOwner: 'demo-uk-7e1a3c5b9f04',
  pausedOwner: 'demo-uk-0d5b7f9a1c86',
  /** Matches no key: the Owner key with its last character changed, a typical copy slip. */
  wrongUser: 'demo-uk-3f9a1c7e5b21',
} as const;

const CARD = { type: 'Visa', nameOnCard: 'Demo Owner', expirationMonth: 4, expirationYear: 2031 };

function demoAccount(): SandboxAccount {
  return {
    id: 1001,
    name: 'Demo account',
    apiEnabled: true,
    accountKey: DEMO_KEYS.account1001,
    createdTimestamp: '2023-02-14T09:12:40Z',
    updatedTimestamp: '2024-11-05T16:03:11Z',
    pocStatus: 'inactive',
    marketplaceStatus: 'active',
    users: [
      { id: 1, name: 'Demo Owner', email: 'owner@example.com', role: 'Owner' },
      { id: 2, name: 'Demo Viewer', email: 'viewer@example.com', role: 'Viewer' },
      { id: 3, name: 'Demo Logs Viewer', email: 'logs@example.com', role: 'Logs viewer' },
      { id: 4, name: 'Demo Billing Admin', email: 'billing@example.com', role: 'Billing admin' },
      { id: 5, name: 'Demo Member', email: 'member@example.com', role: 'Member' },
    ],
    userKeys: [
      key('demo-owner-key', DEMO_KEYS.owner, 1, null, '2024-03-01T10:00:00Z'),
      key('demo-viewer-key', DEMO_KEYS.viewer, 2, null, '2024-03-02T10:00:00Z'),
      key('demo-logs-viewer-key', DEMO_KEYS.logsViewer, 3, null, '2024-03-03T10:00:00Z'),
      key('demo-billing-admin-key', DEMO_KEYS.billingAdmin, 4, null, '2024-03-04T10:00:00Z'),
      key('demo-member-key', DEMO_KEYS.member, 5, null, '2024-03-05T10:00:00Z'),
      key('demo-office-only-key', DEMO_KEYS.allowList, 1, ['10.0.0.0/24'], '2024-03-06T10:00:00Z'),
    ],
    subscriptions: [
      sub(51001, 'demo-cache', 'active', 2, 'AWS', 'us-east-1', 2),
      sub(51002, 'demo-sessions', 'active', 2, 'GCP', 'europe-west1', 1),
    ],
    logs: [
      log(9003, '2024-11-05T16:03:11Z', 'Demo Owner', 'Account', 'Account name changed'),
      log(
        9002,
        '2024-03-06T10:00:00Z',
        'Demo Owner',
        'Account',
        'API key demo-office-only-key created',
      ),
      log(9001, '2024-03-01T10:00:00Z', 'Demo Owner', 'Account', 'API access enabled'),
    ],
    paymentMethods: [{ id: 2, creditCardEndsWith: '4242', ...CARD }],
  };
}

function secondAccount(): SandboxAccount {
  return {
    id: 2002,
    name: 'Second account',
    apiEnabled: true,
    accountKey: DEMO_KEYS.account2002,
    createdTimestamp: '2023-06-20T08:30:00Z',
    updatedTimestamp: '2024-09-18T12:45:02Z',
    pocStatus: 'inactive',
    marketplaceStatus: 'active',
    users: [{ id: 21, name: 'Second Owner', email: 'second.owner@example.com', role: 'Owner' }],
    userKeys: [key('second-owner-key', DEMO_KEYS.secondOwner, 21, null, '2024-05-10T09:00:00Z')],
    subscriptions: [sub(52001, 'second-queue', 'active', 7, 'AWS', 'eu-west-1', 1)],
    logs: [log(9101, '2024-05-10T09:00:00Z', 'Second Owner', 'Account', 'API access enabled')],
    paymentMethods: [{ id: 7, creditCardEndsWith: '1881', ...CARD, nameOnCard: 'Second Owner' }],
  };
}

function pausedAccount(): SandboxAccount {
  return {
    id: 3003,
    name: 'Paused account',
    apiEnabled: false,
    accountKey: DEMO_KEYS.account3003,
    createdTimestamp: '2022-10-01T07:00:00Z',
    updatedTimestamp: '2024-12-02T15:20:00Z',
    pocStatus: 'inactive',
    marketplaceStatus: 'active',
    users: [{ id: 31, name: 'Paused Owner', email: 'paused.owner@example.com', role: 'Owner' }],
    userKeys: [key('paused-owner-key', DEMO_KEYS.pausedOwner, 31, null, '2023-01-15T11:00:00Z')],
    subscriptions: [sub(53001, 'paused-archive', 'active', 9, 'AWS', 'us-west-2', 1)],
    logs: [log(9201, '2024-12-02T15:20:00Z', 'Paused Owner', 'Account', 'API access disabled')],
    paymentMethods: [{ id: 9, creditCardEndsWith: '0005', ...CARD, nameOnCard: 'Paused Owner' }],
  };
}

/** A fresh copy of the demo world: each sandbox gets its own, so state never crosses over. */
export function createDemoWorld(): SandboxWorld {
  return { accounts: [demoAccount(), secondAccount(), pausedAccount()] };
}

function key(
  name: string,
  value: string,
  userId: number,
  allowList: string[] | null,
  createdTimestamp: string,
): SandboxAccount['userKeys'][number] {
  return { name, value, userId, allowList, createdTimestamp };
}

function sub(
  id: number,
  name: string,
  status: string,
  paymentMethodId: number,
  provider: 'AWS' | 'GCP',
  region: string,
  numberOfDatabases: number,
): SandboxAccount['subscriptions'][number] {
  return {
    id,
    name,
    status,
    paymentMethodId,
    memoryStorage: 'ram',
    numberOfDatabases,
    provider,
    region,
  };
}

function log(
  id: number,
  time: string,
  originator: string,
  type: string,
  description: string,
): SandboxAccount['logs'][number] {
  return { id, time, originator, type, description };
}
