import { get } from 'idb-keyval';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { SCHEMA_VERSION } from '../../../src/lib/profiles';
import { freshStore, openTestRepository, seed } from './helpers';

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/profiles/v1-store.json', import.meta.url), 'utf8'),
) as { entries: [string, unknown][] };

test('v1 records are migrated to v2, written back, and a bad one is quarantined', async () => {
  const store = freshStore();
  await seed(store, fixture.entries);
  const repo = await openTestRepository(store);
  const { profiles, quarantined } = await repo.list();

  expect(profiles.map((p) => p.name)).toEqual(['Local relay', 'Production (owner key)']);
  const production = profiles.find((p) => p.name === 'Production (owner key)');
  expect(production).toMatchObject({
    id: '9f0c2a61-0d1e-4a4b-9a59-0b1f3c0e7a01',
    accountKey: 'A1b2C3d4E5f6G7h8I9j0-fixture-account',
    // The docs renamed "secret key" to "user key"; v1 stored it as secretKey.
    userKey: 'S9r8Q7p6O5n4M3l2K1j0-fixture-user',
    allowList: ['10.0.0.0/24', '203.0.113.7'],
    revision: 1,
    keysInTabOnly: false,
    createdAt: '2024-03-01T10:00:00.000Z',
  });
  expect(profiles.find((p) => p.name === 'Local relay')).toMatchObject({
    notes: '',
    baseUrl: 'http://127.0.0.1:8787',
  });

  // Written back as v2, so the next load has nothing to migrate.
  const raw = await get('profile:9f0c2a61-0d1e-4a4b-9a59-0b1f3c0e7a01', store);
  expect(raw).toMatchObject({ schemaVersion: SCHEMA_VERSION, revision: 1 });
  expect(raw).not.toHaveProperty('secretKey');

  // http:// to a non-loopback host and a bad CIDR: not valid v2, so kept aside with reasons.
  expect(quarantined).toHaveLength(1);
  expect(quarantined[0]).toMatchObject({
    originalKey: 'profile:5e1f0a33-7b6c-4d5e-9f80-1a2b3c4d5e03',
    name: 'Staging over plain http',
  });
  const fields = quarantined[0]?.problems.map((p) => p.field);
  expect(fields).toEqual(expect.arrayContaining(['baseUrl', 'allowList']));

  // A migrated profile saves normally from its revision.
  if (production === undefined) throw new Error('missing');
  expect(await repo.save({ ...production, notes: 'after migration' })).toMatchObject({
    ok: true,
    profile: { revision: 2 },
  });
});

test('a record from a newer Keycheck is left alone, not quarantined', async () => {
  const store = freshStore();
  const future = { schemaVersion: SCHEMA_VERSION + 1, id: 'f', name: 'From the future' };
  await seed(store, [['profile:f', future]]);
  const repo = await openTestRepository(store);
  expect(await repo.list()).toMatchObject({ profiles: [], quarantined: [], newerRecords: 1 });
  expect(await get('profile:f', store)).toEqual(future);
});
