import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  OPERATIONS,
  findOperation,
  isKnownOperation,
  matchOperation,
  operationsByTag,
  searchOperations,
} from '../../../src/lib/api/catalog';

const ROOT = resolve(import.meta.dirname, '../../..');
/** The committed copy of the API's document: the generator's default input. */
const DOCUMENT = resolve(ROOT, 'scripts/redis-cloud-api/openapi.json');
/** The workspace's shared copy, present only beside a checkout in the team's workspace. */
const SHARED_DOCUMENT = resolve(ROOT, '../shared/redis-cloud-api/openapi.json');
const COMMITTED = resolve(ROOT, 'src/lib/api/generated/catalog.ts');

describe('the catalog holds every operation of the document', () => {
  test('counts per method, as counted in openapi.json', () => {
    const counts: Record<string, number> = {};
    for (const op of OPERATIONS) counts[op.method] = (counts[op.method] ?? 0) + 1;
    expect(counts).toEqual({ GET: 73, PUT: 30, POST: 38, DELETE: 26, PATCH: 2 });
    expect(OPERATIONS).toHaveLength(169);
    expect(new Set(OPERATIONS.map((o) => o.path)).size).toBe(99);
  });

  test('operation ids are unique and every method+path pair appears once', () => {
    expect(new Set(OPERATIONS.map((o) => o.operationId)).size).toBe(169);
    expect(new Set(OPERATIONS.map((o) => `${o.method} ${o.path}`)).size).toBe(169);
  });

  test('64 operations take a body (54 require it), each with a starter body that parses', () => {
    const withBody = OPERATIONS.filter((o) => o.body !== 'none');
    expect(withBody).toHaveLength(64);
    expect(withBody.filter((o) => o.body === 'required')).toHaveLength(54);
    for (const op of withBody) expect(() => JSON.parse(op.starterBody ?? 'x')).not.toThrow();
    expect(OPERATIONS.filter((o) => o.body === 'none').every((o) => !o.starterBody)).toBe(true);
  });

  test('a starter body holds the required, writable properties with typed placeholders', () => {
    const createDb = findOperation('POST', '/v1/subscriptions/1/databases');
    expect(JSON.parse(createDb?.starterBody ?? '{}')).toEqual({ name: '' });
    const redirection = findOperation('POST', '/v1/endpoint-redirections');
    expect(JSON.parse(redirection?.starterBody ?? '{}')).toEqual({
      endpointTargetType: 'public',
      migrationProtection: false,
      sourceDatabaseId: 0,
      targetDatabaseId: 0,
    });
    // subscriptionId, pscServiceId and endpointId are required but readOnly: not sent.
    const psc = findOperation('PUT', '/v1/subscriptions/1/private-service-connect/2/endpoints/3');
    expect(JSON.parse(psc?.starterBody ?? '')).toEqual({});
  });

  test('parameters keep their names, types and whether they are required', () => {
    const logs = findOperation('GET', '/v1/logs');
    expect(logs?.queryParams.map((p) => [p.name, p.type, p.required])).toEqual([
      ['offset', 'integer', false],
      ['limit', 'integer', false],
      ['startTime', 'string', false],
      ['endTime', 'string', false],
      ['resourceId', 'integer', false],
    ]);
    const regions = findOperation('GET', '/v1/regions');
    expect(regions?.queryParams[0]?.values).toEqual(['AWS', 'GCP']);
    const db = findOperation('GET', '/v1/subscriptions/1/databases/2');
    expect(db?.pathParams.map((p) => [p.name, p.type, p.required])).toEqual([
      ['subscriptionId', 'integer', true],
      ['databaseId', 'integer', true],
    ]);
  });

  test('names are short and written without articles', () => {
    expect(findOperation('GET', '/v1/')?.name).toBe('Get current account');
    expect(findOperation('GET', '/v1/tasks/abc')?.name).toBe('Get single task');
    expect(OPERATIONS.every((o) => o.name.length > 0 && o.name.length <= 80)).toBe(true);
  });
});

describe('findOperation', () => {
  test('matches concrete paths against templates, ignoring query and origin', () => {
    expect(findOperation('get', '/v1/subscriptions/123/databases')?.operationId).toBe(
      'getSubscriptionDatabases',
    );
    expect(findOperation('GET', '/v1/subscriptions/123/databases?offset=0&limit=5')?.path).toBe(
      '/v1/subscriptions/{subscriptionId}/databases',
    );
    expect(findOperation('GET', 'https://api.redislabs.com/v1/')?.operationId).toBe(
      'getCurrentAccount',
    );
    expect(matchOperation('DELETE', '/v1/subscriptions/7/databases/42/tags/env')?.params).toEqual({
      subscriptionId: '7',
      databaseId: '42',
      tagKey: 'env',
    });
  });

  test('a fixed word beats a parameter in the same place', () => {
    expect(findOperation('GET', '/v1/subscriptions/redis-versions')?.operationId).toBe(
      'getRedisVersions',
    );
    expect(findOperation('GET', '/v1/fixed/plans/subscriptions/5')?.operationId).toBe(
      'getFixedSubscriptionsPlansBySubscriptionId',
    );
    expect(findOperation('GET', '/v1/fixed/plans/5')?.operationId).toBe(
      'getFixedSubscriptionsPlanById',
    );
    expect(findOperation('GET', '/v1/subscriptions/9/regions/peerings')?.operationId).toBe(
      'getActiveActiveVpcPeerings',
    );
  });

  test('the /** template takes one or more extra segments, the bare path takes none', () => {
    const deep = matchOperation('POST', '/v1/subscriptions/3/data-integration-workspace/a/b');
    expect(deep?.operation.path).toBe(
      '/v1/subscriptions/{subscriptionId}/data-integration-workspace/**',
    );
    expect(deep?.rest).toBe('a/b');
    expect(findOperation('POST', '/v1/subscriptions/3/data-integration-workspace')?.path).toBe(
      '/v1/subscriptions/{subscriptionId}/data-integration-workspace',
    );
  });

  test('unknown methods, paths and near misses are not operations', () => {
    expect(isKnownOperation('GET', '/v1/account')).toBe(false);
    expect(isKnownOperation('GET', '/v1')).toBe(false);
    expect(isKnownOperation('GET', '/subscriptions')).toBe(false);
    expect(isKnownOperation('PATCH', '/v1/subscriptions/1')).toBe(false);
    expect(isKnownOperation('GET', '/v1/subscriptions//databases')).toBe(false);
    expect(isKnownOperation('GET', '/v1/Subscriptions')).toBe(false);
    expect(isKnownOperation('GET', '')).toBe(false);
    expect(isKnownOperation('GET', '/v1/subscriptions')).toBe(true);
  });

  test('every template matches itself with sample values', () => {
    for (const op of OPERATIONS) {
      const concrete = op.path.replace(/\{[^}]+\}/g, '12').replace('/**', '/x');
      expect(findOperation(op.method, concrete), `${op.method} ${op.path}`).toBe(op);
    }
  });
});

describe('searchOperations and operationsByTag', () => {
  test('finds by name words, by tag and by path, without case', () => {
    const names = searchOperations('flush').map((o) => o.operationId);
    expect(names).toEqual(['flushCrdb']);
    expect(searchOperations('TASK').map((o) => o.path)).toEqual(
      expect.arrayContaining(['/v1/tasks', '/v1/tasks/{taskId}']),
    );
    expect(
      searchOperations('essentials backup')
        .map((o) => o.operationId)
        .sort(),
    ).toEqual(['backupDatabase_1', 'getDatabaseBackupStatus_1']);
    expect(searchOperations('no such operation')).toEqual([]);
    expect(searchOperations('  ')).toHaveLength(169);
  });

  test('a concrete path finds its operations first', () => {
    const found = searchOperations('/v1/subscriptions/123/databases');
    expect(found.slice(0, 2).map((o) => `${o.method} ${o.path}`)).toEqual([
      'GET /v1/subscriptions/{subscriptionId}/databases',
      'POST /v1/subscriptions/{subscriptionId}/databases',
    ]);
  });

  test('exact words of the name, the verb and the path rank first', () => {
    const top = (q: string, n = 1) =>
      searchOperations(q)
        .slice(0, n)
        .map((o) => `${o.method} ${o.path}`);
    expect(top('create database')).toEqual(['POST /v1/subscriptions/{subscriptionId}/databases']);
    // "Add database tag" (operationId createTag) holds both words too, but not as its name.
    const names = searchOperations('create database').map((o) => o.name);
    expect(names.indexOf('Add database tag')).toBeGreaterThan(
      names.indexOf('Create Essentials database'),
    );
    // Data Integration's paths run under /subscriptions/ too: they must not lead.
    expect(top('subscription', 2)).toEqual(['GET /v1/subscriptions', 'POST /v1/subscriptions']);
    expect(top('subscriptions', 2)).toEqual(['GET /v1/subscriptions', 'POST /v1/subscriptions']);
    expect(top('delete database')).toEqual([
      'DELETE /v1/subscriptions/{subscriptionId}/databases/{databaseId}',
    ]);
    expect(top('list tasks')).toEqual(['GET /v1/tasks']);
    expect(top('/v1/tasks')).toEqual(['GET /v1/tasks']);
  });

  test('groups every operation under its tag, in the document order of tags', () => {
    const groups = operationsByTag();
    expect([...groups.keys()][0]).toBe('Account');
    expect(groups.get('Account')?.map((o) => o.operationId)).toContain('getCurrentAccount');
    expect(groups.get('Tasks')).toHaveLength(2);
    expect([...groups.values()].reduce((n, list) => n + list.length, 0)).toBe(169);
  });
});

test('the committed catalog is what the generator writes from the committed document', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keycheck-catalog-'));
  try {
    const out = join(dir, 'catalog.ts');
    // No input argument: the generator's default input is the committed copy.
    execFileSync(process.execPath, ['scripts/generate-catalog.js', '--out', out], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(COMMITTED, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Only the workspace holds the shared document; elsewhere the test above already proves the
// committed catalog matches the committed document.
test.skipIf(!existsSync(SHARED_DOCUMENT))(
  "the committed document is the workspace's shared one",
  () => {
    expect(readFileSync(DOCUMENT, 'utf8')).toBe(readFileSync(SHARED_DOCUMENT, 'utf8'));
  },
);
