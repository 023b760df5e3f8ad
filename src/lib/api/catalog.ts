/**
 * The Redis Cloud API's operations, from the generated table. Loaded lazily by the app (dynamic
 * import): nothing in the first-load path may import this module, so it imports only its data.
 */
import { NOT_ACTIVE_403, RAW_OPERATIONS, STARTER_BODIES, TAGS } from './generated/catalog';
import type { RawParam } from './generated/catalog';

/** An operation's parameter, as the OpenAPI document declares it. */
export interface OperationParam {
  name: string;
  /** The schema type: `integer`, `string`, `boolean` or `object`. */
  type: string;
  required: boolean;
  /** Allowed values, when the document lists them. */
  values?: readonly string[];
}

export interface Operation {
  /** Upper case, e.g. `GET`. */
  method: string;
  /** The path template, e.g. `/v1/subscriptions/{subscriptionId}`. */
  path: string;
  operationId: string;
  /** Short name for a person, e.g. "Get current account". */
  name: string;
  tag: string;
  pathParams: readonly OperationParam[];
  queryParams: readonly OperationParam[];
  /** `none`: takes no body; `optional` or `required`: takes a JSON body. */
  body: 'none' | 'optional' | 'required';
  /**
   * For operations that take a body: the required, writable properties with placeholder values
   * of the right type, as indented JSON for an editor.
   */
  starterBody?: string;
}

/** An operation and the path parameter values read from a concrete path. */
export interface OperationMatch {
  operation: Operation;
  /** Template name to value, URL-decoded, e.g. `{ subscriptionId: '123' }`. */
  params: Record<string, string>;
  /** For a `/**` template: the rest of the path after the fixed part. */
  rest?: string;
}

function toParam([name, type, required, values]: RawParam): OperationParam {
  return values
    ? { name, type, required: required === 1, values }
    : { name, type, required: required === 1 };
}

const BODY = ['none', 'optional', 'required'] as const;
const prettyStarters = STARTER_BODIES.map((text) => JSON.stringify(JSON.parse(text), null, 2));

/** All 169 operations, in the document's order. */
export const OPERATIONS: readonly Operation[] = RAW_OPERATIONS.map(
  ([method, path, operationId, name, tag, pathParams, queryParams, body, starter]) => {
    const operation: Operation = {
      method,
      path,
      operationId,
      name,
      tag: TAGS[tag] ?? 'Other',
      pathParams: pathParams.map(toParam),
      queryParams: queryParams.map(toParam),
      body: BODY[body],
    };
    const starterBody = prettyStarters[starter];
    if (starterBody !== undefined) operation.starterBody = starterBody;
    return operation;
  },
);

// A segment's rank when two templates match: a fixed word beats a parameter, which beats the
// `**` tail. `/v1/subscriptions/redis-versions` must not be read as subscription "redis-versions".
const LITERAL = 3;
const PARAM = 2;
const WILDCARD = 1;

interface CompiledTemplate {
  operation: Operation;
  segments: readonly string[];
  ranks: readonly number[];
  wildcard: boolean;
}

const COMPILED: readonly CompiledTemplate[] = OPERATIONS.map((operation) => {
  const segments = operation.path.split('/').slice(1);
  const wildcard = segments.at(-1) === '**';
  const fixed = wildcard ? segments.slice(0, -1) : segments;
  const ranks = fixed.map((s) => (/^\{[^}]+\}$/.test(s) ? PARAM : LITERAL));
  return { operation, segments: fixed, ranks: wildcard ? [...ranks, WILDCARD] : ranks, wildcard };
});

/** The path part of a path or URL: no origin, query or fragment. */
function pathOnly(pathOrUrl: string): string {
  let path = pathOrUrl.trim();
  const origin = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i.exec(path);
  if (origin) path = path.slice(origin[0].length) || '/';
  return path.replace(/[?#].*$/s, '');
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matchTemplate(template: CompiledTemplate, parts: readonly string[]) {
  const { segments, wildcard } = template;
  if (wildcard ? parts.length <= segments.length : parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [i, segment] of segments.entries()) {
    const part = parts[i] ?? '';
    if (template.ranks[i] === PARAM) {
      if (part === '') return null;
      params[segment.slice(1, -1)] = decode(part);
    } else if (decode(part) !== segment) {
      return null;
    }
  }
  return { params, rest: wildcard ? parts.slice(segments.length).join('/') : undefined };
}

function moreSpecific(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return a.length > b.length;
}

/**
 * The operation a concrete request is for, with its path parameter values. `path` may be a full
 * URL and may carry a query string (ignored). The method is compared without case; the path is
 * case-sensitive and a trailing slash counts (`/v1/` is an operation, `/v1` is not), as in the
 * API. A parameter matches any non-empty segment whatever its declared type, so a mistyped id
 * still names the operation the user meant. When several templates match, fixed words win.
 */
export function matchOperation(method: string, path: string): OperationMatch | undefined {
  const upper = method.trim().toUpperCase();
  const concrete = pathOnly(path);
  if (!concrete.startsWith('/')) return undefined;
  const parts = concrete.split('/').slice(1);
  let best: CompiledTemplate | undefined;
  let bestFound: ReturnType<typeof matchTemplate> = null;
  for (const template of COMPILED) {
    if (template.operation.method !== upper) continue;
    const found = matchTemplate(template, parts);
    if (found && (!best || moreSpecific(template.ranks, best.ranks))) {
      best = template;
      bestFound = found;
    }
  }
  if (!best || !bestFound) return undefined;
  const match: OperationMatch = { operation: best.operation, params: bestFound.params };
  if (bestFound.rest !== undefined) match.rest = bestFound.rest;
  return match;
}

/** The operation for METHOD and a concrete path (see `matchOperation`), or undefined. */
export function findOperation(method: string, path: string): Operation | undefined {
  return matchOperation(method, path)?.operation;
}

const NOT_ACTIVE = new Set(NOT_ACTIVE_403);

/**
 * What the API document says a 403 means for METHOD PATH: `not-active` for the operations whose
 * 403 text is "not allowed to create requested resource (primarily due to not active resource)",
 * `source-ip` for the others, undefined for a path that is no operation.
 */
export function forbiddenMeaning(
  method: string,
  path: string,
): 'not-active' | 'source-ip' | undefined {
  const operation = findOperation(method, path);
  if (!operation) return undefined;
  return NOT_ACTIVE.has(operation.operationId) ? 'not-active' : 'source-ip';
}

/** Whether METHOD PATH is an operation of the API (the checklist's `endpoint` item uses it). */
export function isKnownOperation(method: string, path: string): boolean {
  return matchOperation(method, path) !== undefined;
}

// The verbs people type for each method; "create database" means a POST.
const VERBS: Readonly<Record<string, string>> = {
  create: 'POST',
  add: 'POST',
  new: 'POST',
  get: 'GET',
  list: 'GET',
  show: 'GET',
  read: 'GET',
  update: 'PUT',
  change: 'PUT',
  set: 'PUT',
  delete: 'DELETE',
  remove: 'DELETE',
};

/** A word without a plural ending, so "database" meets "databases". */
function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function stems(text: string): Set<string> {
  return new Set(
    text
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .map(stem),
  );
}

interface Indexed {
  operation: Operation;
  index: number;
  haystack: string;
  name: Set<string>;
  segments: Set<string>;
  last: string;
  depth: number;
}

const INDEXED: readonly Indexed[] = OPERATIONS.map((operation, index) => {
  const path = operation.path.toLowerCase();
  const literals = path
    .split('/')
    .filter((s) => s !== '' && s !== 'v1' && !s.startsWith('{') && !s.startsWith('*'));
  return {
    operation,
    index,
    haystack:
      `${operation.method} ${path} ${operation.name} ${operation.tag} ${operation.operationId}`.toLowerCase(),
    name: stems(operation.name.toLowerCase()),
    segments: new Set(literals.flatMap((s) => [...stems(s)])),
    last: stem(literals.at(-1) ?? ''),
    depth: path.split('/').length,
  };
});

/** How well one query word fits an operation: whole words of the name and path count most. */
function wordScore(word: string, entry: Indexed): number {
  const w = stem(word);
  let score = 0;
  if (entry.name.has(w)) score += 4;
  if (VERBS[word] === entry.operation.method || word.toUpperCase() === entry.operation.method)
    score += 3;
  if (entry.last === w) score += 3;
  else if (entry.segments.has(w)) score += 2;
  if (word.includes('/') && entry.operation.path.toLowerCase().includes(word)) score += 3;
  return score;
}

/**
 * Operations whose method, path, name, tag or operationId hold every word of the query, without
 * case (a verb such as "list" or "create" also holds for its method). Best fits first: a concrete path (`/v1/subscriptions/12/databases`) puts the templates it
 * matches on top; then operations whose name and path hold the words as whole words (plural or
 * not), with a verb matching the method ("create" for POST, "delete" for DELETE), so "create
 * database" puts `POST /v1/subscriptions/{subscriptionId}/databases` first; ties go to the
 * shorter path, then to the document's order. An empty query returns every operation.
 */
export function searchOperations(query: string): Operation[] {
  const trimmed = query.trim();
  if (trimmed === '') return [...OPERATIONS];
  const exact = new Set<Operation>();
  if (trimmed.includes('/')) {
    const asPath = trimmed.split(/\s+/).find((w) => w.includes('/')) ?? trimmed;
    for (const method of new Set(OPERATIONS.map((o) => o.method))) {
      const found = findOperation(method, asPath);
      if (found) exact.add(found);
    }
  }
  const words = trimmed.toLowerCase().split(/\s+/);
  const scored: { entry: Indexed; score: number }[] = [];
  for (const entry of INDEXED) {
    const isExact = exact.has(entry.operation);
    const holds = (w: string) => entry.haystack.includes(w) || VERBS[w] === entry.operation.method;
    if (!isExact && !words.every(holds)) continue;
    const score = (isExact ? 100 : 0) + words.reduce((n, w) => n + wordScore(w, entry), 0);
    scored.push({ entry, score });
  }
  return scored
    .sort(
      (a, b) => b.score - a.score || a.entry.depth - b.entry.depth || a.entry.index - b.entry.index,
    )
    .map((s) => s.entry.operation);
}

/** Operations grouped by tag, tags in the document's order, operations in document order. */
export function operationsByTag(): ReadonlyMap<string, readonly Operation[]> {
  const groups = new Map<string, Operation[]>(TAGS.map((tag) => [tag, []]));
  for (const operation of OPERATIONS) {
    const group = groups.get(operation.tag);
    if (group) group.push(operation);
    else groups.set(operation.tag, [operation]);
  }
  for (const [tag, list] of groups) if (list.length === 0) groups.delete(tag);
  return groups;
}
