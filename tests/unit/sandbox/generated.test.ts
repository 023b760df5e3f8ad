import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { OPERATIONS } from '../../../src/lib/api/catalog';
import { SANDBOX_OPERATIONS } from '../../../src/lib/sandbox/generated/operations';

const ROOT = resolve(import.meta.dirname, '../../..');
const SUBSET = resolve(ROOT, 'tests/fixtures/sandbox/openapi-subset.json');
const COMMITTED = resolve(ROOT, 'src/lib/sandbox/generated/operations.ts');

test('the committed operation table is what the generator writes from the committed subset', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keycheck-sandbox-'));
  try {
    const out = join(dir, 'operations.ts');
    execFileSync(process.execPath, ['scripts/generate-sandbox.js', SUBSET, '--out', out], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(COMMITTED, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the sandbox knows exactly the operations the catalog lists', () => {
  const sandbox = SANDBOX_OPERATIONS.map((op) => `${op[0]} ${op[1]} ${op[2]}`).sort();
  const catalog = OPERATIONS.map((op) => `${op.method} ${op.path} ${op.operationId}`).sort();
  expect(sandbox).toEqual(catalog);
});
