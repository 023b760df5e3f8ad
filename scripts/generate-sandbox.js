#!/usr/bin/env node
// Writes src/lib/sandbox/generated/operations.ts from the Redis Cloud API's OpenAPI document:
// for every operation, its parameters, its request body's schema, its success status and the
// schema of that answer, plus the component schemas these refer to (without the prose) and the
// document's examples of what a GET answers. The sandbox checks requests and shapes its answers
// from this table, so it answers every operation the document lists.
//
//   node scripts/generate-sandbox.js [openapi.json] [--out file.ts] [--subset file.json]
//
// `--subset` also writes the part of the document the generator reads (tests/fixtures/sandbox/
// openapi-subset.json is committed): the unit test regenerates from it without reading outside
// the repository, and validates the sandbox's answers against the document's own schemas.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_INPUT = resolve(ROOT, '../shared/redis-cloud-api/openapi.json');
const DEFAULT_OUTPUT = resolve(ROOT, 'src/lib/sandbox/generated/operations.ts');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const TASK_SCHEMAS = new Set([
  '#/components/schemas/TaskStateUpdate',
  '#/components/schemas/TasksStateUpdate',
]);
/** Prose and tooling hints: nothing a validator or a body builder reads. */
const DROPPED = new Set(['description', 'title', 'externalDocs', 'xml', 'example', 'examples']);

/**
 * @typedef {Record<string, any>} Schema
 * @typedef {{ name: string, in: string, required?: boolean, schema?: Schema }} Parameter
 * @typedef {{ operationId?: string, parameters?: Parameter[],
 *   requestBody?: { required?: boolean, content?: Record<string, { schema?: Schema }> },
 *   responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }} Operation
 * @typedef {{ info?: { title?: string, version?: string },
 *   paths: Record<string, Record<string, Operation>>,
 *   components?: { schemas?: Record<string, Schema> } }} Document
 */

/**
 * A copy of a schema without prose and examples.
 * @param {unknown} value
 * @returns {unknown}
 */
export function stripSchema(value) {
  if (Array.isArray(value)) return value.map(stripSchema);
  if (value === null || typeof value !== 'object') return value;
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [key, inner] of Object.entries(value)) {
    // `properties` maps names to schemas: a property may be called "description".
    if (key === 'properties' && inner && typeof inner === 'object') {
      out[key] = Object.fromEntries(Object.entries(inner).map(([k, v]) => [k, stripSchema(v)]));
    } else if (!DROPPED.has(key)) out[key] = stripSchema(inner);
  }
  return out;
}

/** @param {{ content?: Record<string, { schema?: Schema }> } | undefined} holder */
function schemaOf(holder) {
  const content = holder?.content;
  if (!content) return undefined;
  return content['application/json']?.schema ?? Object.values(content)[0]?.schema;
}

/**
 * Names of component schemas `schema` refers to, directly or through other schemas.
 * @param {Document} doc
 * @param {unknown} schema
 * @param {Set<string>} seen
 */
function collectRefs(doc, schema, seen) {
  if (Array.isArray(schema)) {
    for (const item of schema) collectRefs(doc, item, seen);
    return;
  }
  if (schema === null || typeof schema !== 'object') return;
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string') {
      const name = value.replace('#/components/schemas/', '');
      if (seen.has(name)) continue;
      seen.add(name);
      const target = doc.components?.schemas?.[name];
      if (!target) throw new Error(`Unresolved reference ${value}`);
      collectRefs(doc, target, seen);
    } else if (!DROPPED.has(key) || key === 'description') collectRefs(doc, value, seen);
  }
}

/**
 * @param {Operation} op
 * @returns {[string, Schema | undefined]}
 */
function success(op) {
  const statuses = Object.keys(op.responses ?? {})
    .filter((s) => /^2\d\d$/.test(s))
    .sort();
  const status = statuses[0] ?? '200';
  return [status, schemaOf(op.responses?.[status])];
}

/**
 * The part of the document the generator reads: operations' parameters, bodies and success
 * answers, and the component schemas (examples kept, prose dropped).
 * @param {Document} doc
 * @returns {Document}
 */
export function subsetOf(doc) {
  /** @type {Document['paths']} */
  const paths = {};
  for (const [path, item] of Object.entries(doc.paths)) {
    /** @type {Record<string, Operation>} */
    const ops = {};
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      /** @type {Operation} */
      const kept = {};
      if (op.operationId) kept.operationId = op.operationId;
      if (op.parameters) {
        kept.parameters = op.parameters.map((p) => {
          /** @type {Parameter} */
          const param = { name: p.name, in: p.in };
          if (p.required) param.required = true;
          if (p.schema) param.schema = /** @type {Schema} */ (stripSchema(p.schema));
          return param;
        });
      }
      if (op.requestBody) {
        const schema = schemaOf(op.requestBody);
        kept.requestBody = {
          ...(op.requestBody.required ? { required: true } : {}),
          content: { 'application/json': schema ? { schema } : {} },
        };
      }
      const [status, schema] = success(op);
      kept.responses = { [status]: schema ? { content: { 'application/json': { schema } } } : {} };
      ops[method] = kept;
    }
    paths[path] = ops;
  }
  /** @type {Record<string, Schema>} */
  const schemas = {};
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    const stripped = /** @type {Schema} */ (stripSchema(schema));
    if (schema['example'] !== undefined) stripped['example'] = schema['example'];
    schemas[name] = stripped;
  }
  return { info: doc.info ?? {}, paths, components: { schemas } };
}

/**
 * The generated module's text for an OpenAPI document (the full one or its subset).
 * @param {Document} doc
 * @returns {string}
 */
export function generateSandbox(doc) {
  /** @type {unknown[]} */
  const rows = [];
  const referenced = new Set(/** @type {string[]} */ ([]));
  const exampled = new Set(/** @type {string[]} */ ([]));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const params = op.parameters ?? [];
      const pathParams = params
        .filter((p) => p.in === 'path')
        .map((p) => [p.name, stripSchema(p.schema ?? { type: 'string' })]);
      const queryParams = params
        .filter((p) => p.in === 'query')
        .map((p) => [p.name, stripSchema(p.schema ?? { type: 'string' }), p.required ? 1 : 0]);
      const bodySchema = op.requestBody ? (schemaOf(op.requestBody) ?? {}) : null;
      const body = op.requestBody ? (op.requestBody.required ? 2 : 1) : 0;
      const [status, responseSchema] = success(op);
      const ref = responseSchema?.['$ref'];
      // Tasks are built by the sandbox itself (tasks.ts): their schemas, with the 30 KB list of
      // task error names, would only weigh down the chunk.
      const isTask = typeof ref === 'string' && TASK_SCHEMAS.has(ref);
      collectRefs(
        doc,
        [pathParams, queryParams, bodySchema, isTask ? null : responseSchema],
        referenced,
      );
      if (method === 'get' && typeof ref === 'string') {
        const name = ref.replace('#/components/schemas/', '');
        if (doc.components?.schemas?.[name]?.['example'] !== undefined) exampled.add(name);
      }
      rows.push([
        method.toUpperCase(),
        path,
        op.operationId ?? `${method}${path}`,
        pathParams,
        queryParams,
        body,
        bodySchema === null ? null : stripSchema(bodySchema),
        Number(status),
        responseSchema ? stripSchema(responseSchema) : null,
      ]);
    }
  }
  const schemas = Object.fromEntries(
    [...referenced].sort().map((name) => [name, stripSchema(doc.components?.schemas?.[name])]),
  );
  const examples = Object.fromEntries(
    [...exampled].sort().map((name) => [name, doc.components?.schemas?.[name]?.['example']]),
  );
  const source = `${doc.info?.title ?? 'OpenAPI document'}, ${doc.info?.version ?? 'unversioned'}`;
  return `// Generated by scripts/generate-sandbox.js from the OpenAPI document (${source}).
// Do not edit: run \`npm run sandbox-operations\` instead.

/** A JSON Schema as the OpenAPI document writes it (draft 4 style, \`$ref\` into SCHEMAS). */
export type Schema = { readonly [keyword: string]: unknown };
/** [name, schema] */
export type RawPathParam = readonly [string, Schema];
/** [name, schema, required] */
export type RawQueryParam = readonly [string, Schema, 0 | 1];
/** [method, path, operationId, path params, query params, body (0 none, 1 optional, 2 required), body schema, success status, success schema] */
export type RawSandboxOperation = readonly [string, string, string, readonly RawPathParam[], readonly RawQueryParam[], 0 | 1 | 2, Schema | null, number, Schema | null];

/** The component schemas the operations refer to, without prose. */
export const SCHEMAS: { readonly [name: string]: Schema } = ${JSON.stringify(schemas)};

/** The document's own examples of what a GET answers, by schema name. */
export const EXAMPLES: { readonly [name: string]: unknown } = ${JSON.stringify(examples)};

export const SANDBOX_OPERATIONS: readonly RawSandboxOperation[] = [
${rows.map((r) => `  ${JSON.stringify(r)},`).join('\n')}
];
`;
}

/** @param {string[]} argv */
function main(argv) {
  /** @param {string} flag */
  const option = (flag) => {
    const i = argv.indexOf(flag);
    return i === -1 ? undefined : argv[i + 1];
  };
  const output = resolve(option('--out') ?? DEFAULT_OUTPUT);
  const subset = option('--subset');
  const positional = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  const input = positional[0] ? resolve(positional[0]) : DEFAULT_INPUT;
  /** @type {Document} */
  const doc = JSON.parse(readFileSync(input, 'utf8'));
  const text = generateSandbox(doc);
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, text);
  console.log(`Wrote ${output} (${text.length} characters) from ${input}`);
  if (subset) {
    mkdirSync(dirname(resolve(subset)), { recursive: true });
    writeFileSync(resolve(subset), `${JSON.stringify(subsetOf(doc))}\n`);
    console.log(`Wrote ${resolve(subset)}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
