/**
 * The sandbox's answer to every operation of the API document, once a request has passed the
 * gate: the request is checked against the document (path and query parameters, body), the ids
 * it names must exist, and the answer is built from the account's world. Writes answer with a
 * task that changes the world when it completes. Loaded with the sandbox's first answer, in a
 * chunk of its own: the operation table and the schema validator weigh more than the rest.
 */
import { matchOperation } from '../api/catalog';
import {
  EXAMPLES,
  SANDBOX_OPERATIONS,
  SCHEMAS,
  type RawSandboxOperation,
  type Schema,
} from './generated/operations';
import type { SandboxRecord } from './model';
import { badRequest, json, notFound } from './responses';
import type { RouteContext } from './context';
import { HANDLERS } from './surface-handlers';
import {
  TEMPLATES,
  create,
  itemParamAfter,
  numeric,
  startTask,
  writableFields,
  type OperationContext,
} from './surface-writes';
import { randomUuid, TASK_LIST_WINDOW_MS, taskStatusAt } from './tasks';
import { schemaProblem } from './validate';
import { findRecord, keyOf, kindOf, recordsOf, removeRecord, seedAccount } from './world';

const OPERATIONS = new Map<string, RawSandboxOperation>(
  SANDBOX_OPERATIONS.map((op) => [op[2], op]),
);
const TASK_SCHEMA = '#/components/schemas/TaskStateUpdate';

/** Answers one authenticated, permitted request to the sandbox. */
export function answer(ctx: RouteContext): Response {
  const path = ctx.url.pathname;
  seedAccount(ctx.account, TEMPLATES);
  settle(ctx);
  const match = matchOperation(ctx.method, path);
  const op = match && OPERATIONS.get(match.operation.operationId);
  if (!match || !op) return notFound(path, ctx.now);
  const [, template, operationId, pathParams, queryParams, body, bodySchema] = op;

  // Spring turns a path variable of the wrong type into a 400 before any handler runs; this is
  // also what an id field left as its `{placeholder}` gets.
  for (const [name, schema] of pathParams) {
    const value = match.params[name] ?? '';
    if (!fitsType(schema, value)) {
      return badRequest(
        path,
        ctx.now,
        `Path parameter "${name}" must be ${typeWord(schema)}: got "${value}".`,
      );
    }
  }
  for (const [name, schema, required] of queryParams) {
    const value = ctx.url.searchParams.get(name);
    // An object parameter is bound from the other query fields by Spring: never "missing".
    if (value === null) {
      if (required === 1 && resolve(schema)['type'] !== 'object') {
        return badRequest(path, ctx.now, `Query parameter "${name}" is required.`);
      }
      continue;
    }
    if (!fitsType(schema, value)) {
      return badRequest(path, ctx.now, `Query parameter "${name}" must be ${typeWord(schema)}.`);
    }
    const values = enumValues(schema);
    if (values.length > 0 && !values.includes(value)) {
      return badRequest(
        path,
        ctx.now,
        `Query parameter "${name}" must be one of: ${values.join(', ')}.`,
      );
    }
  }
  let parsed: unknown;
  if (body > 0 && bodySchema) {
    if (ctx.body.trim() === '') {
      if (body === 2) return badRequest(path, ctx.now, 'The request body is required.');
    } else {
      try {
        parsed = JSON.parse(ctx.body);
      } catch {
        return badRequest(path, ctx.now, 'The request body is not valid JSON.');
      }
      const problem = schemaProblem(bodySchema, parsed);
      if (problem) return badRequest(path, ctx.now, `${problem.field} ${problem.message}.`);
    }
  }

  // Every id in the path must name something this account has, under what the path says.
  const named: Record<string, SandboxRecord> = {};
  let parent = '';
  // In the template's order: the document does not always declare them in that order.
  for (const m of template.matchAll(/\{([^}]+)\}/g)) {
    const name = m[1] ?? '';
    const kind = kindOf(name, template);
    const value = match.params[name] ?? '';
    if (kind === 'task') continue; // tasks live in the store; their handler looks them up
    if (kind === 'user') {
      if (!ctx.account.users.some((u) => String(u.id) === value)) return notFound(path, ctx.now);
      continue;
    }
    const found = findRecord(ctx.account, kind, value, parent);
    if (!found) return notFound(path, ctx.now);
    named[name] = found;
    parent = keyOf(found);
  }

  const octx: OperationContext = {
    ...ctx,
    operationId,
    template,
    params: match.params,
    named,
    parent,
    json: parsed,
  };
  const handler = HANDLERS[operationId];
  if (handler) return handler(octx);
  return generic(octx, op);
}

/** Applies what completed tasks change, once each, in the order they were made. */
function settle({ store, now }: Pick<RouteContext, 'store' | 'now'>): void {
  for (const task of store.tasks) {
    if ('error' in task.outcome || !task.outcome.apply) continue;
    if (taskStatusAt(task, now) !== 'processing-completed') continue;
    const apply = task.outcome.apply;
    delete task.outcome.apply;
    apply();
  }
}

/** The schema a `$ref` points to, or the schema itself. */
function resolve(schema: Schema): Schema {
  const ref = schema['$ref'];
  return typeof ref === 'string'
    ? (SCHEMAS[ref.replace('#/components/schemas/', '')] ?? {})
    : schema;
}

function fitsType(schema: Schema, value: string): boolean {
  switch (resolve(schema)['type']) {
    case 'integer':
      return /^-?\d+$/.test(value);
    case 'number':
      return value.trim() !== '' && Number.isFinite(Number(value));
    case 'boolean':
      return value === 'true' || value === 'false';
    default:
      return value !== '' || resolve(schema)['type'] === 'object';
  }
}

function typeWord(schema: Schema): string {
  const type = schema['type'];
  if (type === 'integer') return 'a whole number';
  if (type === 'number') return 'a number';
  if (type === 'boolean') return 'true or false';
  return 'a non-empty value';
}

function enumValues(schema: Schema): string[] {
  const values = schema['enum'];
  return Array.isArray(values) ? values.map(String) : [];
}

/** Create, update, delete, read-through-a-task or synchronous answers, from the template's shape. */
function generic(ctx: OperationContext, op: RawSandboxOperation): Response {
  const [method, template, , , , , , status, responseSchema] = op;
  const ref = responseSchema?.['$ref'];
  const lastIsParam = /\/\{[^}]+\}$/.test(template);
  const lastParam = /\{([^}]+)\}$/.exec(template)?.[1];
  if (ref === TASK_SCHEMA) {
    if (method === 'POST' && !lastIsParam) {
      const param = itemParamAfter(template);
      if (param && param !== 'tagKey') return create(ctx, kindOf(param, template), status);
    }
    if (lastIsParam && lastParam) {
      const record = ctx.named[lastParam];
      if (method === 'DELETE' && record) {
        return startTask(
          ctx,
          { resourceId: numeric(record.id), apply: () => removeRecord(ctx.account, record) },
          status,
        );
      }
      if ((method === 'PUT' || method === 'PATCH') && record) {
        const fields = writableFields(ctx.json);
        return startTask(
          ctx,
          { resourceId: numeric(record.id), apply: () => Object.assign(record.data, fields) },
          status,
        );
      }
    }
    if (method === 'GET') {
      const param = itemParamAfter(template);
      const resource = param
        ? {
            [listName(kindOf(param, template))]: recordsOf(
              ctx.account,
              kindOf(param, template),
              ctx.parent,
            ).map((r) => ({ ...r.data })),
          }
        : {};
      return startTask(ctx, { resource }, status);
    }
    return startTask(ctx, {}, status);
  }
  if (responseSchema === null) {
    return status === 204 ? new Response(null, { status: 204 }) : new Response('', { status });
  }
  return json(sampleOf(responseSchema, ctx), status);
}

function listName(kind: string): string {
  const names: Record<string, string> = {
    peering: 'peerings',
    'transit-gateway': 'tgws',
    'tgw-invitation': 'invitations',
    'psc-service': 'pscServices',
    'psc-endpoint': 'endpoints',
    region: 'regions',
  };
  return names[kind] ?? `${kind}s`;
}

/**
 * A body that fits `schema`: the document's own example where it has one, else a value built
 * from the schema (every declared property, empty arrays, today's date for dates).
 */
export function sampleOf(schema: Schema, ctx: Pick<RouteContext, 'now'>): unknown {
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    if (EXAMPLES[name] !== undefined) return structuredClone(EXAMPLES[name]);
  }
  return build(schema, ctx.now, 0);
}

function build(schema: Schema | undefined, now: number, depth: number): unknown {
  let s: Schema = schema ?? {};
  const ref = s['$ref'];
  if (typeof ref === 'string') s = SCHEMAS[ref.replace('#/components/schemas/', '')] ?? {};
  const values = s['enum'];
  if (Array.isArray(values) && values.length > 0) return values[0];
  switch (s['type']) {
    case 'string':
      return s['format'] === 'date-time'
        ? new Date(now).toISOString()
        : s['format'] === 'uuid'
          ? randomUuid()
          : '';
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    default: {
      const properties = s['properties'] as Record<string, Schema> | undefined;
      const out: Record<string, unknown> = {};
      if (!properties || depth > 3) return out;
      for (const [name, property] of Object.entries(properties)) {
        out[name] = build(property, now, depth + 1);
      }
      return out;
    }
  }
}

/**
 * The ids the account has for each path parameter of `template`, in order: each parameter's ids
 * sit under the value chosen (or else the first id) for the parameter before it. A `taskId` is
 * offered the tasks `GET /v1/tasks` would list, newest first.
 */
export function idsFor(
  at: Pick<RouteContext, 'account' | 'store' | 'now'>,
  template: string,
  chosen: Readonly<Record<string, string>> = {},
): Record<string, string[]> {
  const { account, store, now } = at;
  seedAccount(account, TEMPLATES);
  settle(at);
  const out: Record<string, string[]> = {};
  let parent = '';
  for (const m of template.matchAll(/\{([^}]+)\}/g)) {
    const param = m[1] ?? '';
    const kind = kindOf(param, template);
    if (kind === 'task') {
      out[param] = store.tasks
        .filter((t) => t.accountId === account.id && now - t.createdAt <= TASK_LIST_WINDOW_MS)
        .map((t) => t.taskId)
        .reverse();
      break;
    }
    if (kind === 'user') {
      out[param] = account.users.map((u) => String(u.id));
      continue;
    }
    const records = recordsOf(account, kind, parent);
    out[param] = records.map((r) => String(r.id));
    const pick = records.find((r) => String(r.id) === chosen[param]) ?? records[0];
    if (!pick) break;
    parent = keyOf(pick);
  }
  return out;
}
