/**
 * Checks a request's body and parameters against the OpenAPI document's schemas, in the page:
 * `@cfworker/json-schema` interprets the schema, where Ajv would compile it with `new Function`,
 * which the page's Content-Security-Policy forbids. Loaded with the sandbox's own chunk.
 */
import { Validator, type OutputUnit, type Schema as JsonSchema } from '@cfworker/json-schema';
import { SCHEMAS, type Schema } from './generated/operations';

/** What is wrong, for a person: the field as a path (`databases[0].name`) and the rule broken. */
export interface SchemaProblem {
  field: string;
  message: string;
}

const validators = new WeakMap<Schema, Validator>();

function isReadOnly(property: unknown): boolean {
  if (property === null || typeof property !== 'object') return false;
  const p = property as Schema;
  if (p['readOnly'] === true) return true;
  const ref = p['$ref'];
  return (
    typeof ref === 'string' &&
    SCHEMAS[ref.replace('#/components/schemas/', '')]?.['readOnly'] === true
  );
}

/**
 * The schema as a request must meet it: a property that is `readOnly` and `required` is required
 * in answers only (OpenAPI 3.0), so it leaves every `required` list. The document marks path
 * parameters such as `subscriptionId` and `regionId` this way in request bodies.
 */
function forRequests(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(forRequests);
  if (value === null || typeof value !== 'object') return value;
  const schema = value as Schema;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(schema)) out[key] = forRequests(inner);
  const required = schema['required'];
  const properties = schema['properties'] as Record<string, unknown> | undefined;
  if (Array.isArray(required) && properties) {
    out['required'] = required.filter((name) => !isReadOnly(properties[String(name)]));
  }
  return out;
}

let requestSchemas: unknown;

function validatorFor(schema: Schema): Validator {
  let validator = validators.get(schema);
  if (!validator) {
    requestSchemas ??= forRequests(SCHEMAS);
    // `$ref`s point into `#/components/schemas/`, so the components travel with each root.
    const root = {
      ...(forRequests(schema) as Schema),
      components: { schemas: requestSchemas },
    } as unknown as JsonSchema;
    validator = new Validator(root, '4', false);
    validators.set(schema, validator);
  }
  return validator;
}

/** `#/databases/0/name` as `databases[0].name`; the top level as `body`. */
function fieldName(pointer: string, property?: string): string {
  const parts = pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter((p) => p !== '')
    .map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'));
  if (property !== undefined) parts.push(property);
  let out = '';
  for (const part of parts) out += /^\d+$/.test(part) ? `[${part}]` : out ? `.${part}` : part;
  return out || 'body';
}

function describe(unit: OutputUnit): SchemaProblem {
  if (unit.keyword === 'required') {
    const missing = /"([^"]+)"/.exec(unit.error)?.[1];
    return { field: fieldName(unit.instanceLocation, missing), message: 'is required' };
  }
  if (unit.keyword === 'type') {
    const expected = /Expected "([^"]+)"/.exec(unit.error)?.[1] ?? 'another type';
    return { field: fieldName(unit.instanceLocation), message: `must be of type ${expected}` };
  }
  if (unit.keyword === 'enum') {
    return { field: fieldName(unit.instanceLocation), message: 'is not one of the allowed values' };
  }
  return { field: fieldName(unit.instanceLocation), message: `breaks the rule "${unit.keyword}"` };
}

// The container keywords only repeat that something inside failed; the leaf says what.
const SUMMARY_KEYWORDS = new Set(['properties', 'items', 'allOf', 'anyOf', 'oneOf', '$ref']);

/**
 * The first problem of a request body `value` against `schema`, or null when it conforms
 * (`readOnly` properties are not required of a request). Of the errors the
 * validator reports, the one deepest in the value is named: it is the one a person fixes.
 */
export function schemaProblem(schema: Schema, value: unknown): SchemaProblem | null {
  const result = validatorFor(schema).validate(value);
  if (result.valid) return null;
  const leaves = result.errors.filter((e) => !SUMMARY_KEYWORDS.has(e.keyword));
  const pool = leaves.length > 0 ? leaves : result.errors;
  const deepest = pool.reduce((a, b) =>
    b.instanceLocation.split('/').length > a.instanceLocation.split('/').length ? b : a,
  );
  return describe(deepest);
}

/** The enum values a schema allows (after one `$ref`), for messages; empty when any. */
export function enumOf(schema: Schema): readonly unknown[] {
  const ref = schema['$ref'];
  const target =
    typeof ref === 'string' ? SCHEMAS[ref.replace('#/components/schemas/', '')] : schema;
  const values = target?.['enum'];
  return Array.isArray(values) ? values : [];
}
