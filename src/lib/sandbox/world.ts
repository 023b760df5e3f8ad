/**
 * What an account holds besides its users and keys: subscriptions, databases, ACL users, roles
 * and rules, cloud accounts, peerings, Private Link and Private Service Connect services,
 * transit gateways, tags, ... as records of one shape. A record's kind comes from the path
 * parameter that names it (`{databaseId}` under `/v1/fixed/` is an Essentials database), and its
 * parent is the record named by the parameter before it, so the ids a list shows are the ids a
 * GET, a PUT and a DELETE accept.
 */
import { SANDBOX_BASE_URL } from '../core/checklist';
import { EXAMPLES } from './generated/operations';
import type { SandboxAccount, SandboxRecord } from './model';
import { apiTimestamp } from './responses';

/** The kind of record a path parameter names, in a template. */
export function kindOf(param: string, template: string): string {
  const fixed = template.startsWith('/v1/fixed/');
  switch (param) {
    case 'subscriptionId':
      return fixed ? 'fixed-subscription' : 'subscription';
    case 'databaseId':
      return fixed ? 'fixed-database' : 'database';
    case 'userId':
      return 'user';
    case 'aclUserId':
      return 'acl-user';
    case 'aclRoleId':
      return 'acl-role';
    case 'aclRedisRuleId':
      return 'acl-rule';
    case 'cloudAccountId':
      return 'cloud-account';
    case 'peeringId':
      return 'peering';
    case 'TgwId':
      return 'transit-gateway';
    case 'tgwInvitationId':
      return 'tgw-invitation';
    case 'regionId':
      return 'region';
    case 'pscServiceId':
      return 'psc-service';
    case 'endpointId':
      return 'psc-endpoint';
    case 'tagKey':
      return 'tag';
    case 'planId':
      return 'plan';
    case 'redirectionId':
      return 'redirection';
    case 'costReportId':
      return 'cost-report';
    case 'taskId':
      return 'task';
    default:
      return param;
  }
}

/** Kinds a subscription always has one of, so every operation below it has an id to use. */
const BELOW_SUBSCRIPTION = new Set([
  'region',
  'peering',
  'transit-gateway',
  'tgw-invitation',
  'psc-service',
  'psc-endpoint',
  'tag',
]);

/** First id of each kind; later ones count up from the largest in use. */
const FIRST_ID: Readonly<Record<string, number>> = {
  subscription: 60001,
  'fixed-subscription': 61001,
  database: 101,
  'fixed-database': 301,
  'acl-user': 71,
  'acl-role': 81,
  'acl-rule': 91,
  'cloud-account': 1,
  region: 1,
  peering: 11,
  'transit-gateway': 21,
  'tgw-invitation': 31,
  'psc-service': 41,
  'psc-endpoint': 51,
};

export function keyOf(record: Pick<SandboxRecord, 'kind' | 'id'>): string {
  return `${record.kind}:${record.id}`;
}

export function recordsOf(account: SandboxAccount, kind: string, parent?: string): SandboxRecord[] {
  return (account.records ?? []).filter(
    (r) => r.kind === kind && (parent === undefined || r.parent === parent),
  );
}

export function findRecord(
  account: SandboxAccount,
  kind: string,
  id: string,
  parent: string,
): SandboxRecord | undefined {
  return (account.records ?? []).find(
    (r) => r.kind === kind && String(r.id) === id && r.parent === parent,
  );
}

export function nextId(account: SandboxAccount, kind: string): number {
  const used = [
    ...recordsOf(account, kind),
    ...(account.reserved ?? []).filter((r) => r.kind === kind),
  ]
    .map((r) => r.id)
    .filter((id): id is number => typeof id === 'number');
  return used.length > 0 ? Math.max(...used) + 1 : (FIRST_ID[kind] ?? 1);
}

/** Adds a record with the body its GET answers; `data` never holds a value sent as a secret. */
export function addRecord(
  account: SandboxAccount,
  kind: string,
  parent: string,
  fields: Record<string, unknown> = {},
  id: number | string = nextId(account, kind),
): SandboxRecord {
  const record: SandboxRecord = { kind, id, parent, data: {} };
  record.data = { ...defaults(record, parentId(parent), account), ...fields };
  account.records ??= [];
  account.records.push(record);
  return record;
}

/** A record with a new id, not yet in the account: its id stays taken (see `nextId`). */
export function newRecord(
  account: SandboxAccount,
  kind: string,
  parent: string,
  fields: Record<string, unknown> = {},
): SandboxRecord {
  const id = nextId(account, kind);
  const record: SandboxRecord = { kind, id, parent, data: {} };
  record.data = { ...defaults(record, parentId(parent), account), ...fields };
  account.reserved ??= [];
  account.reserved.push(record);
  return record;
}

/** Removes a record and everything below it. */
export function removeRecord(account: SandboxAccount, record: SandboxRecord): void {
  const gone = new Set([record]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of account.records ?? []) {
      if (gone.has(r)) continue;
      // Ids are unique per kind within an account, so a parent key names one record; tags,
      // the one kind keyed by name, have nothing below them.
      if ([...gone].some((g) => g.kind !== 'tag' && r.parent === keyOf(g))) {
        gone.add(r);
        grew = true;
      }
    }
  }
  account.records = (account.records ?? []).filter((r) => !gone.has(r));
}

function parentId(parent: string): string {
  return parent.slice(parent.indexOf(':') + 1);
}

/** The body a new record of this kind starts with, in the real API's shape. */
function defaults(
  record: SandboxRecord,
  parent: string,
  account: SandboxAccount,
): Record<string, unknown> {
  const id = record.id;
  const now = '2025-01-06T10:00:00Z';
  switch (record.kind) {
    case 'subscription':
      return {
        id,
        name: `subscription-${id}`,
        status: 'active',
        deploymentType: 'single-region',
        paymentMethodId: account.paymentMethods[0]?.id ?? 0,
        paymentMethodType: 'credit-card',
        publicEndpointAccess: true,
        memoryStorage: 'ram',
        storageEncryption: false,
        numberOfDatabases: 0,
        cloudDetails: [
          {
            provider: 'AWS',
            cloudAccountId: 1,
            totalSizeInGb: 0.5,
            regions: [
              {
                region: 'us-east-1',
                networking: [{ deploymentCIDR: '10.0.0.0/24' }],
                preferredAvailabilityZones: [],
                multipleAvailabilityZones: false,
              },
            ],
            links: [],
          },
        ],
        links: [link(`/v1/subscriptions/${id}`)],
      };
    case 'fixed-subscription':
      return {
        id,
        name: `essentials-${id}`,
        status: 'active',
        paymentMethodId: account.paymentMethods[0]?.id ?? 0,
        paymentMethodType: 'credit-card',
        planId: firstPlanId(),
        planName: 'Standard 250MB',
        planType: 'pay-as-you-go',
        size: 250,
        sizeMeasurementUnit: 'MB',
        provider: 'AWS',
        region: 'us-east-1',
        price: 5,
        pricePeriod: 'Month',
        priceCurrency: 'USD',
        maximumDatabases: 1,
        availability: 'No replication',
        connections: '256',
        cidrAllowRules: 4,
        supportDataPersistence: true,
        supportInstantAndDailyBackups: true,
        supportReplication: true,
        supportClustering: false,
        customerSupport: 'Standard',
        creationDate: now,
        links: [link(`/v1/fixed/subscriptions/${id}`)],
      };
    case 'database':
    case 'fixed-database': {
      const port = 10000 + Number(id);
      const host = `redis-${port}.c${parent}.us-east-1-1.ec2.sandbox.keycheck.invalid`;
      const fixed = record.kind === 'fixed-database';
      return {
        databaseId: id,
        name: `db-${id}`,
        protocol: 'redis',
        provider: 'AWS',
        region: 'us-east-1',
        redisVersion: '7.4',
        respVersion: 'resp3',
        status: 'active',
        ...(fixed ? { planMemoryLimit: 250, memoryLimitMeasurementUnit: 'MB' } : {}),
        datasetSizeInGb: 1,
        memoryUsedInMb: 4,
        memoryStorage: 'ram',
        supportOSSClusterApi: false,
        dataPersistence: 'none',
        replication: true,
        dataEvictionPolicy: 'volatile-lru',
        activatedOn: now,
        lastModified: now,
        publicEndpoint: `${host}:${port}`,
        privateEndpoint: `${host.replace('redis-', 'redis-internal-')}:${port}`,
        links: [],
      };
    }
    case 'acl-user':
      return { id, name: `acl-user-${id}`, role: 'Read-Only-Role', status: 'active', links: [] };
    case 'acl-role':
      return { id, name: `role-${id}`, redisRules: [], users: [], status: 'active' };
    case 'acl-rule':
      return { id, name: `rule-${id}`, acl: '+@read ~*', isDefault: false, status: 'active' };
    case 'cloud-account':
      return { id, name: `cloud-account-${id}`, provider: 'AWS', status: 'active', links: [] };
    case 'region':
      return { regionId: id, region: 'us-east-1', deploymentCidr: '10.0.0.0/24', databases: [] };
    case 'peering':
      return {
        vpcPeeringId: id,
        awsAccountId: '000000000000',
        vpcUid: 'vpc-demo',
        status: 'active',
      };
    case 'transit-gateway':
      return { id, awsTgwUid: 'tgw-demo', attachmentStatus: 'available', status: 'available' };
    case 'tgw-invitation':
      return { id, name: 'demo-share', resourceShareUid: 'rs-demo', status: 'pending' };
    case 'psc-service':
      return { id, connectionHostName: 'psc.sandbox.keycheck.invalid', status: 'active' };
    case 'psc-endpoint':
      return { id, gcpProjectId: 'demo-project', gcpVpcName: 'demo-vpc', status: 'active' };
    case 'tag':
      return { key: String(id), value: 'demo', createdAt: now, updatedAt: now, links: [] };
    case 'redirection':
      return { redirectionId: id, status: 'completed', isRevert: false, startedAt: now };
    default:
      return {};
  }
}

function link(path: string): Record<string, string> {
  return { rel: 'self', href: `${SANDBOX_BASE_URL}${path}`, type: 'GET' };
}

/** The plans of the document's own example, so `{planId}` accepts what `GET /v1/fixed/plans` lists. */
function plans(): Record<string, unknown>[] {
  const example = EXAMPLES['FixedSubscriptionsPlans'] as { plans?: unknown } | undefined;
  return Array.isArray(example?.plans)
    ? example.plans.filter(
        (p): p is Record<string, unknown> =>
          typeof p === 'object' && p !== null && typeof p.id === 'number',
      )
    : [];
}

function planIds(): number[] {
  return plans().map((p) => Number(p['id']));
}

function firstPlanId(): number {
  return planIds()[0] ?? 1;
}

/**
 * Fills an account with its records the first time the sandbox answers one of its requests:
 * the demo subscriptions with their databases, one of each thing a subscription can hold, an
 * Essentials subscription, ACL users, roles and rules, a cloud account, the plans, and so on.
 * `templates` are the API's path templates: a subscription gets one record of every kind that
 * some template names below it.
 */
export function seedAccount(account: SandboxAccount, templates: readonly string[]): void {
  if (account.records) return;
  account.records = [];
  const dbCount = new Map<number, number>();
  for (const s of account.subscriptions) {
    addRecord(
      account,
      'subscription',
      '',
      {
        name: s.name,
        status: s.status,
        paymentMethodId: s.paymentMethodId,
        memoryStorage: s.memoryStorage,
        numberOfDatabases: s.numberOfDatabases,
        cloudDetails: [
          {
            provider: s.provider,
            cloudAccountId: 1,
            totalSizeInGb: 0.5,
            regions: [
              {
                region: s.region,
                networking: [{ deploymentCIDR: '10.0.0.0/24' }],
                preferredAvailabilityZones: [],
                multipleAvailabilityZones: false,
              },
            ],
            links: [],
          },
        ],
      },
      s.id,
    );
    dbCount.set(s.id, s.numberOfDatabases);
  }
  // Database ids follow the subscription's: 51001 holds 5100101 and 5100102.
  for (const [subId, count] of dbCount) {
    for (let i = 1; i <= count; i += 1) {
      addRecord(
        account,
        'database',
        `subscription:${subId}`,
        { name: `db-${subId}-${i}` },
        subId * 100 + i,
      );
    }
  }
  const essentials = addRecord(
    account,
    'fixed-subscription',
    '',
    {
      name: 'demo-essentials',
    },
    account.id * 10 + 1 + 60000,
  );
  addRecord(account, 'fixed-database', keyOf(essentials), { name: 'demo-essentials-db' });
  for (const plan of plans()) addRecord(account, 'plan', '', { ...plan }, Number(plan['id']));
  addRecord(account, 'cloud-account', '', { name: 'Redis internal resources' });
  const rule = addRecord(account, 'acl-rule', '', { name: 'Read-Only', isDefault: true });
  addRecord(account, 'acl-role', '', {
    name: 'Read-Only-Role',
    redisRules: [{ ruleId: rule.id, ruleName: 'Read-Only', databases: [] }],
  });
  addRecord(account, 'acl-user', '', { name: 'demo-acl-user' });
  addRecord(account, 'redirection', '', {}, '5f0c6c1e-0000-4000-8000-000000000001');
  addRecord(account, 'cost-report', '', {}, 'demo-cost-report-1');
  for (const sub of recordsOf(account, 'subscription')) seedBelow(account, sub, templates);
  for (const sub of recordsOf(account, 'fixed-subscription')) seedBelow(account, sub, templates);
}

/** Gives a new subscription or database one record of each kind the templates name below it. */
export function seedBelow(
  account: SandboxAccount,
  record: SandboxRecord,
  templates: readonly string[],
): void {
  for (const template of templates) {
    const params = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
    const kinds = params.map((p) => kindOf(p, template));
    const at = kinds.indexOf(record.kind);
    if (at === -1) continue;
    ensureChain(account, kinds.slice(at + 1), keyOf(record));
  }
}

function ensureChain(account: SandboxAccount, kinds: readonly string[], parent: string): void {
  const [kind, ...rest] = kinds;
  if (kind === undefined) return;
  let found = recordsOf(account, kind, parent);
  if (found.length === 0) {
    if (!BELOW_SUBSCRIPTION.has(kind)) return;
    found = [
      addRecord(account, kind, parent, {}, kind === 'tag' ? 'environment' : nextId(account, kind)),
    ];
  }
  for (const record of found) ensureChain(account, rest, keyOf(record));
}

/** The session log the sandbox shows: console sign-ins of the account's users. */
export function sessionLog(account: SandboxAccount, now: number): Record<string, unknown>[] {
  return account.users.map((u, i) => ({
    id: `session-${account.id}-${u.id}`,
    time: apiTimestamp(now - (i + 1) * 3_600_000),
    user: u.email,
    userAgent: 'Mozilla/5.0',
    ipAddress: '198.51.100.23',
    userRole: u.role,
    type: 'Login',
    action: 'login',
  }));
}
