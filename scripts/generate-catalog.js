#!/usr/bin/env node
// Writes src/lib/api/generated/catalog.ts from the Redis Cloud API's OpenAPI document.
// The output is committed so the app builds without the document; run this again when the
// document changes:  node scripts/generate-catalog.js [openapi.json] [--out file.ts]
// Names and starter bodies are derived mechanically; the document's prose is not copied.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// A copy of the document is committed beside this script so the catalog can be regenerated (and
// its drift tested) from the repository alone; refresh it when the API publishes a new one.
const DEFAULT_INPUT = resolve(ROOT, 'scripts/redis-cloud-api/openapi.json');
const DEFAULT_OUTPUT = resolve(ROOT, 'src/lib/api/generated/catalog.ts');
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
/** Starter bodies stop nesting here: deep schemas would give an editor full of noise. */
const MAX_DEPTH = 4;

/**
 * @typedef {{ $ref?: string, type?: string, enum?: unknown[], properties?: Record<string, Schema>,
 *   required?: string[], items?: Schema, oneOf?: Schema[], anyOf?: Schema[], allOf?: Schema[],
 *   readOnly?: boolean, additionalProperties?: boolean | Schema }} Schema
 * @typedef {{ name: string, in: string, required?: boolean, schema?: Schema }} Parameter
 * @typedef {{ tags?: string[], summary?: string, operationId?: string, parameters?: Parameter[],
 *   requestBody?: { required?: boolean, content?: Record<string, { schema?: Schema }> },
 *   responses?: Record<string, { description?: string, content?: Record<string, { schema?: Schema }> }> }} Operation
 * @typedef {{ info?: { title?: string, version?: string }, tags?: { name: string, 'x-order'?: string }[],
 *   paths: Record<string, Record<string, Operation>>, components?: { schemas?: Record<string, Schema> } }} Document
 * @typedef {[string, string, 0 | 1, string[]?]} RawParam
 */

/**
 * A short name for a person: the summary without articles, so "Get a single user" becomes
 * "Get single user". Falls back to splitting the operationId ("getTaskById" -> "Get task by id").
 * @param {string | undefined} summary
 * @param {string} operationId
 */
export function shortName(summary, operationId) {
  if (summary && summary.trim() !== '') {
    return summary
      .replace(/\b(a|an|the)\s+/gi, '')
      .replace(/\s+/g, ' ')
      .replace(/[.\s]+$/, '')
      .trim();
  }
  const words = operationId
    .replace(/_\d+$/, '')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * @param {Document} doc
 * @param {Schema | undefined} schema
 * @returns {Schema}
 */
function resolveRef(doc, schema) {
  let current = schema ?? {};
  for (let hops = 0; current.$ref && hops < 20; hops += 1) {
    const name = current.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`Unresolved reference ${current.$ref}`);
    current = target;
  }
  return current;
}

/**
 * @param {Document} doc
 * @param {Schema | undefined} schema
 */
function paramType(doc, schema) {
  const resolved = resolveRef(doc, schema);
  return resolved.type ?? (resolved.properties ? 'object' : 'string');
}

/**
 * A placeholder of the right type: required, writable properties only; the first `oneOf`
 * alternative; the first enum value; one element in arrays.
 * @param {Document} doc
 * @param {Schema | undefined} schema
 * @param {number} depth
 * @returns {unknown}
 */
export function starterValue(doc, schema, depth = 0) {
  const s = resolveRef(doc, schema);
  if (s.enum && s.enum.length > 0) return s.enum[0];
  const parts = [...(s.allOf ?? []), ...(s.oneOf ?? s.anyOf ?? []).slice(0, 1)];
  const type = s.type ?? (s.properties || parts.length > 0 ? 'object' : undefined);
  switch (type) {
    case 'string':
      return '';
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return depth >= MAX_DEPTH || !s.items ? [] : [starterValue(doc, s.items, depth + 1)];
    case 'object': {
      /** @type {Record<string, unknown>} */
      const value = {};
      if (depth >= MAX_DEPTH) return value;
      for (const part of parts) {
        const partValue = starterValue(doc, part, depth);
        if (partValue && typeof partValue === 'object') Object.assign(value, partValue);
      }
      for (const name of s.required ?? []) {
        const property = s.properties?.[name];
        // A required readOnly property is required in responses only (OpenAPI 3.0).
        if (!property || resolveRef(doc, property).readOnly || property.readOnly) continue;
        value[name] = starterValue(doc, property, depth + 1);
      }
      return value;
    }
    default:
      return null;
  }
}

/**
 * @param {Document} doc
 * @param {Parameter} p
 * @returns {RawParam}
 */
function rawParam(doc, p) {
  const resolved = resolveRef(doc, p.schema);
  /** @type {RawParam} */
  const raw = [p.name, paramType(doc, p.schema), p.required ? 1 : 0];
  if (resolved.enum) raw.push(resolved.enum.map(String));
  return raw;
}

/**
 * The top-level property names a schema's objects may hold, through $ref, allOf, oneOf, anyOf.
 * @param {Document} doc
 * @param {Schema | undefined} schema
 * @param {Set<string>} into
 * @param {number} depth
 */
function topFields(doc, schema, into, depth = 0) {
  if (!schema || depth > 10) return;
  const resolved = resolveRef(doc, schema);
  for (const name of Object.keys(resolved.properties ?? {})) into.add(name);
  for (const part of [
    ...(resolved.allOf ?? []),
    ...(resolved.oneOf ?? []),
    ...(resolved.anyOf ?? []),
  ]) {
    topFields(doc, part, into, depth + 1);
  }
}

/**
 * The generated module's text for an OpenAPI document.
 * @param {Document} doc
 * @returns {string}
 */
export function generateCatalog(doc) {
  const ordered = [...(doc.tags ?? [])].sort(
    (a, b) => Number(a['x-order'] ?? 0) - Number(b['x-order'] ?? 0),
  );
  /** @type {string[]} */
  const tags = ordered.map((t) => t.name);
  /** @type {string[]} */
  const starters = [];
  /** @type {string[]} */
  const lines = [];
  /** @type {string[]} */
  const notActive403 = [];
  /** @type {Set<string>} */
  const fields = new Set();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const operationId = op.operationId ?? `${method}${path}`;
      const tag = op.tags?.[0] ?? 'Other';
      if (!tags.includes(tag)) tags.push(tag);
      const params = op.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path').map((p) => rawParam(doc, p));
      const queryParams = params.filter((p) => p.in === 'query').map((p) => rawParam(doc, p));
      const placeholders = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declared = pathParams.map((p) => p[0]).sort();
      if (JSON.stringify([...placeholders].sort()) !== JSON.stringify(declared)) {
        throw new Error(
          `${method.toUpperCase()} ${path}: path parameters do not match the template`,
        );
      }
      const content = op.requestBody?.content;
      const bodySchema =
        content?.['application/json']?.schema ?? Object.values(content ?? {})[0]?.schema;
      const body = op.requestBody ? (op.requestBody.required ? 2 : 1) : 0;
      let starter = -1;
      if (op.requestBody) {
        const text = JSON.stringify(starterValue(doc, bodySchema) ?? {});
        starter = starters.indexOf(text);
        if (starter === -1) starter = starters.push(text) - 1;
      }
      const row = [
        method.toUpperCase(),
        path,
        operationId,
        shortName(op.summary, operationId),
        tags.indexOf(tag),
        pathParams,
        queryParams,
        body,
        starter,
      ];
      lines.push(`  ${JSON.stringify(row)},`);
      for (const [code, answer] of Object.entries(op.responses ?? {})) {
        if (!/^2/.test(code)) continue;
        for (const media of Object.values(answer.content ?? {}))
          topFields(doc, media.schema, fields);
      }
      // The document gives most operations the source-IP text for 403; some another one.
      const forbidden = op.responses?.['403']?.description ?? '';
      if (/not active resource/i.test(forbidden)) notActive403.push(operationId);
    }
  }
  const source = `${doc.info?.title ?? 'OpenAPI document'}, ${doc.info?.version ?? 'unversioned'}`;
  return `// Generated by scripts/generate-catalog.js from the OpenAPI document (${source}).
// Do not edit: run \`node scripts/generate-catalog.js\` instead.

/** [name, type, required, enum values] */
export type RawParam = readonly [string, string, 0 | 1, (readonly string[])?];
/** [method, path, operationId, name, tag index, path params, query params, body (0 none, 1 optional, 2 required), starter body index or -1] */
export type RawOperation = readonly [string, string, string, string, number, readonly RawParam[], readonly RawParam[], 0 | 1 | 2, number];

export const TAGS: readonly string[] = ${JSON.stringify(tags)};

/** Starter request bodies as JSON text, shared by operations with the same request schema. */
export const STARTER_BODIES: readonly string[] = [
${starters.map((s) => `  ${JSON.stringify(s)},`).join('\n')}
];

export const RAW_OPERATIONS: readonly RawOperation[] = [
${lines.join('\n')}
];

/** Operations whose 403 the document explains as "not active resource", not the source IP. */
export const NOT_ACTIVE_403: readonly string[] = ${JSON.stringify(notActive403)};

/** Top-level fields of the operations' documented 2xx bodies: a JSON answer with none is not theirs. */
export const RESPONSE_FIELDS: readonly string[] = ${JSON.stringify([...fields].sort())};
`;
}

/** @param {string[]} argv */
function main(argv) {
  const outIndex = argv.indexOf('--out');
  const output = outIndex === -1 ? DEFAULT_OUTPUT : resolve(argv[outIndex + 1] ?? DEFAULT_OUTPUT);
  const positional = argv.filter((a, i) => a !== '--out' && argv[i - 1] !== '--out');
  const input = positional[0] ? resolve(positional[0]) : DEFAULT_INPUT;
  /** @type {Document} */
  const doc = JSON.parse(readFileSync(input, 'utf8'));
  const text = generateCatalog(doc);
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, text);
  console.log(`Wrote ${output} (${text.length} characters) from ${input}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
