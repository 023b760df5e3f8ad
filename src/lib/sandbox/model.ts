/**
 * The sandbox's world: accounts, their users and user keys, and what each account holds. Plain
 * data, copied per sandbox so one sandbox's new keys, tasks and logs never leak into another.
 */

/** The roles FACTS.md names; Manager and Member may not use the API at all. */
export type Role = 'Owner' | 'Viewer' | 'Logs viewer' | 'Billing admin' | 'Manager' | 'Member';

export const ROLES: readonly Role[] = [
  'Owner',
  'Viewer',
  'Logs viewer',
  'Billing admin',
  'Manager',
  'Member',
];

export interface SandboxUser {
  /** Shown as `userAccountId` in `GET /v1/` and as `id` in `GET /v1/users`. */
  id: number;
  name: string;
  email: string;
  role: Role;
}

export interface SandboxUserKey {
  /** 10 to 50 characters: letters, digits, `-` and `_` (FACTS.md). */
  name: string;
  value: string;
  userId: number;
  /** The key's CIDR allow list; `null` when it has none (then every address is allowed). */
  allowList: string[] | null;
  createdTimestamp: string;
}

/** The demo data's subscriptions, copied into the account's records when the sandbox starts. */
export interface SandboxSubscription {
  id: number;
  name: string;
  status: string;
  paymentMethodId: number;
  memoryStorage: 'ram' | 'ram-and-flash';
  numberOfDatabases: number;
  provider: 'AWS' | 'GCP';
  region: string;
}

export interface SandboxLogEntry {
  id: number;
  time: string;
  originator: string;
  type: string;
  description: string;
  apiKeyName?: string;
  resource?: string;
  resourceId?: number;
}

export interface SandboxPaymentMethod {
  id: number;
  type: string;
  creditCardEndsWith: string;
  nameOnCard: string;
  expirationMonth: number;
  expirationYear: number;
}

export interface SandboxAccount {
  id: number;
  name: string;
  /** The API is off on every real account until an owner enables it. */
  apiEnabled: boolean;
  /** Kept even when the API is disabled: the sandbox then answers as for any bad key. */
  accountKey: string;
  createdTimestamp: string;
  updatedTimestamp: string;
  pocStatus: string;
  marketplaceStatus: string;
  users: SandboxUser[];
  userKeys: SandboxUserKey[];
  subscriptions: SandboxSubscription[];
  logs: SandboxLogEntry[];
  paymentMethods: SandboxPaymentMethod[];
  /**
   * Everything else the account holds (see `world.ts`), filled from `subscriptions` and the
   * API's templates the first time the sandbox answers for the account; undefined until then.
   */
  records?: SandboxRecord[];
  /** Records whose creation task has not completed yet: their ids are taken. */
  reserved?: SandboxRecord[];
}

/**
 * One thing an account holds: a subscription, a database, an ACL user, a peering, a tag, ...
 * `parent` is the key (`kind:id`) of the record it sits under, or `''` at the account's level.
 */
export interface SandboxRecord {
  kind: string;
  id: number | string;
  parent: string;
  /** The body its GET answers (and its entry in a list), in the real API's shape. */
  data: Record<string, unknown>;
}

export interface SandboxWorld {
  accounts: SandboxAccount[];
}

/** The account whose account key has this exact value, or undefined. */
export function accountByKey(world: SandboxWorld, value: string): SandboxAccount | undefined {
  return world.accounts.find((a) => a.accountKey === value);
}

/** The user key with this exact value, with its account and user, or undefined. */
export function userKeyByValue(
  world: SandboxWorld,
  value: string,
): { account: SandboxAccount; key: SandboxUserKey; user: SandboxUser } | undefined {
  for (const account of world.accounts) {
    const key = account.userKeys.find((k) => k.value === value);
    const user = key && account.users.find((u) => u.id === key.userId);
    if (key && user) return { account, key, user };
  }
  return undefined;
}
