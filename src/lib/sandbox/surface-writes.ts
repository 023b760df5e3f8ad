/**
 * How the sandbox's writes answer: with a task that changes the world once it completes
 * (`settle` in surface.ts applies it). Shared by the generic answers and the hand-written ones.
 */
import { SANDBOX_OPERATIONS } from './generated/operations';
import type { SandboxAccount, SandboxRecord } from './model';
import { json } from './responses';
import type { RouteContext } from './context';
import {
  acceptedTaskBody,
  randomUuid,
  subscriptionBodyError,
  type SandboxTask,
  type TaskSuccess,
} from './tasks';
import { addRecord, keyOf, newRecord, seedBelow } from './world';

/** Every path template of the API, in the document's order. */
export const TEMPLATES = [...new Set(SANDBOX_OPERATIONS.map((op) => op[1]))];

/** What the handlers of the sandbox's operations are given. */
export interface OperationContext extends RouteContext {
  operationId: string;
  template: string;
  /** Path parameter values as sent (decoded). */
  params: Record<string, string>;
  /** The records the path names, by parameter. */
  named: Record<string, SandboxRecord>;
  /** The key of the last record the path names, or `''`. */
  parent: string;
  /** The parsed body, or undefined when none was sent. */
  json: unknown;
}

/** Starts a task; it shows up after a few seconds and completes with `outcome`. */
export function startTask(
  ctx: OperationContext,
  outcome: TaskSuccess | SandboxTask['outcome'],
  status: number,
): Response {
  const task: SandboxTask = {
    taskId: randomUuid(),
    accountId: ctx.account.id,
    commandType: commandType(ctx),
    createdAt: ctx.now,
    outcome,
  };
  ctx.store.tasks.push(task);
  if (ctx.method !== 'GET') logWrite(ctx);
  // A 204 has no body, so the document's "204 with a task" cannot be sent: 202 it is.
  return json(
    acceptedTaskBody(task),
    status === 204 ? 202 : status,
    {},
    status === 200 ? 'OK' : 'Accepted',
  );
}

/** `createDatabase` -> `databaseCreateRequest`, the real API's naming for the task's command. */
function commandType({ operationId, method }: OperationContext): string {
  const words = operationId
    .replace(/_\d+$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(' ');
  const verb = words.shift() ?? method.toLowerCase();
  const noun = words.join('');
  return `${noun.charAt(0).toLowerCase()}${noun.slice(1)}${verb.charAt(0).toUpperCase()}${verb.slice(1)}Request`;
}

/** The audit log names the key that asked, never its value (FACTS.md: `apiKeyName`). */
function logWrite({
  account,
  key,
  user,
  now,
  method,
  template,
  operationId,
}: OperationContext): void {
  const resource = template.split('/').filter((p) => p && !p.startsWith('{'))[1] ?? 'account';
  account.logs.unshift({
    id: Math.max(0, ...account.logs.map((l) => l.id)) + 1,
    time: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    originator: user.name,
    apiKeyName: key.name,
    type: resource.charAt(0).toUpperCase() + resource.slice(1),
    description: `${method} ${template} (${operationId}) requested`,
  });
}

/** The parameter a template's next segment names after `path`, when it is a parameter. */
export function itemParamAfter(path: string): string | undefined {
  for (const t of TEMPLATES) {
    const m = t.startsWith(`${path}/{`) ? /^\{([^}]+)\}/.exec(t.slice(path.length + 1)) : null;
    if (m?.[1]) return m[1];
  }
  return undefined;
}

/** Fields a write may set on a record: names and settings, never a password or a key. */
const WRITABLE = new Set([
  'name',
  'protocol',
  'memoryStorage',
  'paymentMethodId',
  'redisVersion',
  'respVersion',
  'datasetSizeInGb',
  'memoryLimitInGb',
  'replication',
  'dataPersistence',
  'dataEvictionPolicy',
  'supportOSSClusterApi',
  'role',
  'redisRule',
  'provider',
  'planId',
  'publicEndpointAccess',
]);

/** A tag's own two fields: `key` is a credential-like name anywhere else, so only tags keep it. */
const TAG_FIELDS = new Set(['key', 'value']);

/**
 * The fields of a write's body a record keeps: an allow list of names and settings, plain
 * values only, so a password, a key or an access secret sent in a body is never echoed back.
 */
export function writableFields(body: unknown, tag = false): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    if (!(tag ? TAG_FIELDS : WRITABLE).has(name)) continue;
    if (['string', 'number', 'boolean'].includes(typeof value)) {
      out[name === 'redisRule' ? 'acl' : name] = value;
    }
  }
  return out;
}

export function numeric(id: number | string): number | undefined {
  return typeof id === 'number' ? id : undefined;
}

/** A POST to a collection: a task that, once completed, adds the record and all it holds. */
export function create(ctx: OperationContext, kind: string, status: number): Response {
  if (ctx.operationId === 'createSubscription') {
    const error = subscriptionBodyError(ctx.body);
    if (error) return startTask(ctx, { error }, status);
  }
  const fields = writableFields(ctx.json);
  // The id is taken now, so two creations in a row get two ids; the record appears once the
  // task completes.
  const record = newRecord(ctx.account, kind, ctx.parent, fields);
  const apply = () => {
    ctx.account.records?.push(record);
    if (kind === 'database' || kind === 'fixed-database') countDatabases(ctx.account, ctx.parent);
    seedBelow(ctx.account, record, TEMPLATES);
    if (kind === 'subscription') createNestedDatabases(ctx, record);
  };
  return startTask(ctx, { resourceId: numeric(record.id) ?? 0, apply }, status);
}

function countDatabases(account: SandboxAccount, parent: string): void {
  const sub = (account.records ?? []).find((r) => keyOf(r) === parent);
  if (!sub) return;
  const count = (account.records ?? []).filter(
    (r) => r.parent === parent && r.kind.endsWith('database'),
  ).length;
  sub.data['numberOfDatabases'] = count;
}

/** `POST /v1/subscriptions` creates the databases its body lists, with the subscription. */
function createNestedDatabases(ctx: OperationContext, sub: SandboxRecord): void {
  const databases = (ctx.json as { databases?: unknown } | undefined)?.databases;
  if (!Array.isArray(databases)) return;
  for (const db of databases) addRecord(ctx.account, 'database', keyOf(sub), writableFields(db));
  countDatabases(ctx.account, keyOf(sub));
}
