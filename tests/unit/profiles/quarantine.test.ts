import { get, keys } from 'idb-keyval';
import { expect, test } from 'vitest';
import { draft, freshStore, openTestRepository, seed } from './helpers';

test('a corrupt record is moved aside, listed with what is wrong, exportable, never dropped', async () => {
  const store = freshStore();
  const repo = await openTestRepository(store);
  const good = await repo.save(draft());
  if (!good.ok) throw new Error(good.kind);
  const corrupt = {
    schemaVersion: 2,
    id: 'bad',
    name: '',
    baseUrl: 'https://api.redislabs.com',
    notes: '',
    createdAt: 'yesterday',
    updatedAt: '2024-01-01T00:00:00.000Z',
    revision: 1,
    keysInTabOnly: false,
    keys: { accountKey: 'corrupt-ACCOUNT-value-123', userKey: 'corrupt-USER-value-456' },
  };
  await seed(store, [['profile:bad', corrupt]]);

  const listing = await repo.list();
  expect(listing.profiles.map((p) => p.id)).toEqual([good.profile.id]);
  expect(listing.quarantined).toHaveLength(1);
  const entry = listing.quarantined[0];
  expect(entry?.originalKey).toBe('profile:bad');
  expect(entry?.problems).toEqual(
    expect.arrayContaining([
      { field: 'name', message: 'Enter a profile name.' },
      { field: 'createdAt', message: 'Must be an ISO 8601 time.' },
    ]),
  );
  expect(entry?.record).toEqual(corrupt);

  // Moved, not dropped: the record is in the store under the quarantine prefix.
  const storeKeys = (await keys(store)).map(String);
  expect(storeKeys).not.toContain('profile:bad');
  expect(await get(entry?.key ?? '', store)).toMatchObject({ record: corrupt });

  // Still listed on the next load (by this tab or another).
  expect((await (await openTestRepository(store)).list()).quarantined).toHaveLength(1);

  // The export says what is wrong and shows the keys only as fingerprints.
  const exported = await repo.exportQuarantine();
  expect(JSON.parse(exported)).toMatchObject({
    format: 'keycheck-quarantine',
    records: [{ originalKey: 'profile:bad', record: { id: 'bad', createdAt: 'yesterday' } }],
  });
  expect(exported).toContain('Enter a profile name.');
  expect(exported).toMatch(/\[redacted sha256:[0-9a-f]{8} \(25 characters\)\]/);
  expect(exported).not.toContain('corrupt-ACCOUNT-value-123');
  expect(exported).not.toContain('corrupt-USER-value-456');

  // Only an explicit request deletes it.
  expect(await repo.deleteQuarantined(entry?.key ?? '')).toBe(true);
  expect((await repo.list()).quarantined).toEqual([]);
});

test('what is wrong is said without quoting a key', async () => {
  const store = freshStore();
  const wrongShape = {
    schemaVersion: 2,
    id: 'w',
    name: 'Wrong shape',
    keys: 'pasted-SECRET-value-99',
  };
  await seed(store, [['profile:w', wrongShape]]);
  const repo = await openTestRepository(store);
  const { quarantined } = await repo.list();
  const problems = JSON.stringify(quarantined[0]?.problems);
  expect(problems).toContain('"field":"keys"');
  expect(problems).not.toContain('pasted-SECRET-value-99');
  expect(await repo.exportQuarantine()).not.toContain('pasted-SECRET-value-99');
});

test('a record that is not an object at all is kept aside too', async () => {
  const store = freshStore();
  await seed(store, [['profile:x', 'just a string']]);
  const { quarantined } = await (await openTestRepository(store)).list();
  expect(quarantined[0]).toMatchObject({
    record: 'just a string',
    problems: [{ field: 'record', message: 'Not a profile record.' }],
  });
});
