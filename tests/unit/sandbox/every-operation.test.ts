// Every operation of the catalog, sent once to the sandbox with the Owner demo key and ids the
// sandbox lists; each 2xx body is validated against the document's own schema by Ajv (a
// devDependency: the page cannot use it, its compiled validators need `eval`).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, test } from 'vitest';
import { OPERATIONS, type Operation } from '../../../src/lib/api/catalog';
import { DEMO_KEYS } from '../../../src/lib/sandbox';
import { clockedSandbox, send } from './send';

interface Doc {
  paths: Record<string, Record<string, SubsetOperation>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}
interface SubsetOperation {
  requestBody?: { content: { 'application/json': { schema?: Record<string, unknown> } } };
  responses: Record<string, { content?: { 'application/json': { schema?: object } } }>;
}

const DOC = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../fixtures/sandbox/openapi-subset.json'), 'utf8'),
) as Doc;

/** OpenAPI 3.0 writes `exclusiveMinimum: true` beside `minimum` (draft 4); Ajv reads draft 7. */
function toDraft7(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toDraft7);
  if (value === null || typeof value !== 'object') return value;
  const out = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDraft7(v)]));
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[flag] === 'boolean') {
      if (out[flag]) out[flag] = out[bound];
      else delete out[flag];
      if (out[flag] !== undefined) delete out[bound];
    }
  }
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema({ components: toDraft7(DOC.components) }, 'doc');
const refTo = (schema: object): object =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/')) as object;

const owner = { accountKey: DEMO_KEYS.account1001, userKey: DEMO_KEYS.owner };

/** A request body the document accepts: required fields only, a sensible value for each. */
function validBody(schema: Record<string, unknown> | undefined, depth = 0): unknown {
  let s = schema ?? {};
  const ref = s['$ref'];
  if (typeof ref === 'string') s = DOC.components.schemas[ref.split('/').pop() ?? ''] ?? {};
  const values = s['enum'];
  if (Array.isArray(values)) return values[0];
  switch (s['type']) {
    case 'string':
      return 'demo-value';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [validBody(s['items'] as Record<string, unknown>, depth + 1)];
    default: {
      const out: Record<string, unknown> = {};
      const parts = [
        ...((s['allOf'] as Record<string, unknown>[] | undefined) ?? []),
        ...(((s['oneOf'] ?? s['anyOf']) as Record<string, unknown>[] | undefined) ?? []).slice(
          0,
          1,
        ),
      ];
      for (const part of parts) Object.assign(out, validBody(part, depth + 1));
      const properties = (s['properties'] ?? {}) as Record<string, Record<string, unknown>>;
      for (const name of (s['required'] as string[] | undefined) ?? []) {
        out[name] = depth > 8 ? {} : validBody(properties[name], depth + 1);
      }
      return out;
    }
  }
}

async function pathFor(sandbox: ReturnType<typeof clockedSandbox>['sandbox'], op: Operation) {
  const ids = await sandbox.ids(owner.accountKey, op.path);
  let path = op.path.replace('/**', '/anything');
  for (const param of op.pathParams) {
    let value = ids[param.name]?.[0];
    if (param.name === 'taskId') {
      const listed = (await (await send(sandbox, owner, 'GET', '/v1/tasks')).json()) as {
        tasks: { taskId: string }[];
      };
      value = listed.tasks[0]?.taskId;
    }
    path = path.replace(`{${param.name}}`, encodeURIComponent(value ?? 'none'));
  }
  const query = op.queryParams
    .filter((q) => q.required && q.type !== 'object')
    .map((q) => `${q.name}=${ids['subscriptionId']?.[0] ?? '51001'}`);
  if (op.path === '/v1/fixed/redis-versions') {
    const fixed = await sandbox.ids(owner.accountKey, '/v1/fixed/subscriptions/{subscriptionId}');
    query.splice(0, query.length, `subscriptionId=${fixed['subscriptionId']?.[0] ?? ''}`);
  }
  return query.length > 0 ? `${path}?${query.join('&')}` : path;
}

describe('every operation of the API document answers', () => {
  test(
    'at least 95% answer 2xx to the Owner key, and every 2xx body is as documented',
    { timeout: 60_000 },
    async () => {
      const { sandbox, advance } = clockedSandbox();
      // One task exists before the task operations are tried.
      await send(
        sandbox,
        owner,
        'POST',
        '/v1/cost-report',
        '{"startDate":"2025-01-01","endDate":"2025-01-31"}',
      );
      advance(10_000);
      const failures: string[] = [];
      let ok = 0;
      // Reads first, then writes, then deletes: a delete must not take an id a later call needs.
      const order = (o: Operation) => (o.method === 'GET' ? 0 : o.method === 'DELETE' ? 2 : 1);
      for (const op of [...OPERATIONS].sort((a, b) => order(a) - order(b))) {
        const path = await pathFor(sandbox, op);
        const subset = DOC.paths[op.path]?.[op.method.toLowerCase()];
        const bodySchema = subset?.requestBody?.content['application/json'].schema;
        const body = op.body === 'none' ? undefined : JSON.stringify(validBody(bodySchema));
        const response = await send(sandbox, owner, op.method, path, body);
        const text = await response.text();
        if (response.status < 200 || response.status > 299) {
          failures.push(`${op.method} ${path} -> ${response.status} ${text.slice(0, 160)}`);
          continue;
        }
        ok += 1;
        const documented = Object.values(subset?.responses ?? {})[0]?.content?.['application/json']
          .schema;
        if (!documented || text === '') continue;
        const valid = ajv.validate(refTo(documented), JSON.parse(text));
        expect(valid, `${op.method} ${op.path}: ${ajv.errorsText()}`).toBe(true);
      }
      console.warn(`${ok} of ${OPERATIONS.length} operations answered 2xx`, failures);
      expect(ok / OPERATIONS.length).toBeGreaterThanOrEqual(0.95);
    },
  );
});
