/**
 * With the vault on, no path writes a key into the store in plain text: undo of a delete, the
 * write-back of a migrated record, and records kept aside or from a newer Keycheck when the
 * vault is turned on. Each test reads the raw store.
 */
import { entries, get } from 'idb-keyval';
import { describe, expect, test } from 'vitest';
import { fingerprint, formatFingerprint } from '../../../src/lib/secrets/fingerprint';
import { SCHEMA_VERSION } from '../../../src/lib/profiles';
import {
  ACCOUNT_KEY,
  draft,
  freshStore,
  openTestRepository,
  rawDump,
  seed,
  USER_KEY,
} from './helpers';

const PASS = 'correct horse battery';
const NEW_PASS = 'staple lantern orbit';

const V1_ID = '3c9e1b20-4d5f-4a6b-8c7d-9e0f1a2b3c4d';
const V1_RECORD = {
  id: V1_ID,
  name: 'Old release',
  accountKey: ACCOUNT_KEY,
  secretKey: USER_KEY,
  baseUrl: 'https://api.redislabs.com',
  createdAt: '2024-03-01T10:00:00.000Z',
  updatedAt: '2024-03-01T10:00:00.000Z',
};

async function quarantineEntries(store: ReturnType<typeof freshStore>) {
  return (await entries<string, unknown>(store)).filter(([key]) => key.startsWith('quarantine:'));
}

describe('undo delete (restore) under the vault as it is now', () => {
  test('vault turned on during the undo window: keys go back sealed, never plain', async () => {
    const store = freshStore();
    const repo = await openTestRepository(store);
    const saved = await repo.save(draft());
    if (!saved.ok) throw new Error(saved.kind);
    const deleted = await repo.delete(saved.profile.id);
    if (!deleted.ok) throw new Error(deleted.kind);
    expect(await repo.vault.enable(PASS)).toEqual({ ok: true });

    // Another tab, locked: it cannot seal, so it refuses and writes nothing.
    const lockedTab = await openTestRepository(store);
    const before = await rawDump(store);
    expect(await lockedTab.restore(deleted.deleted)).toMatchObject({ ok: false, kind: 'locked' });
    expect(await rawDump(store)).toBe(before);

    const restored = await repo.restore(deleted.deleted);
    expect(restored).toMatchObject({ ok: true, profile: { name: 'Production' } });
    const dump = await rawDump(store);
    expect(dump).not.toContain(ACCOUNT_KEY);
    expect(dump).not.toContain(USER_KEY);
    const raw = await get(`profile:${saved.profile.id}`, store);
    expect(raw).toHaveProperty('sealedKeys.keyId');
    expect(raw).not.toHaveProperty('keys');
    expect(await repo.get(saved.profile.id)).toMatchObject({
      accountKey: ACCOUNT_KEY,
      userKey: USER_KEY,
      keyState: 'available',
    });
  });

  test('vault turned off during the undo window: the keys come back readable', async () => {
    const store = freshStore();
    const repo = await openTestRepository(store);
    expect(await repo.vault.enable(PASS)).toEqual({ ok: true });
    const saved = await repo.save(draft());
    if (!saved.ok) throw new Error(saved.kind);
    const deleted = await repo.delete(saved.profile.id);
    if (!deleted.ok) throw new Error(deleted.kind);
    expect(await repo.vault.disable(PASS)).toEqual({ ok: true });

    expect(await repo.restore(deleted.deleted)).toMatchObject({ ok: true });
    expect(await repo.get(saved.profile.id)).toMatchObject({
      accountKey: ACCOUNT_KEY,
      keyState: 'available',
    });
  });
});

describe('migrating an old record while the vault is on', () => {
  test('locked: the old record is kept as it is, not written back with plain keys', async () => {
    const store = freshStore();
    const repo = await openTestRepository(store);
    expect(await repo.vault.enable(PASS)).toEqual({ ok: true });
    await seed(store, [[`profile:${V1_ID}`, V1_RECORD]]);

    const lockedTab = await openTestRepository(store);
    const listing = await lockedTab.list();
    expect(listing.vault).toBe('locked');
    expect(listing.profiles.map((p) => p.name)).toEqual(['Old release']);
    expect(await get(`profile:${V1_ID}`, store)).toEqual(V1_RECORD);
  });

  test('unlocked: written back with the keys sealed', async () => {
    const store = freshStore();
    const repo = await openTestRepository(store);
    expect(await repo.vault.enable(PASS)).toEqual({ ok: true });
    await seed(store, [[`profile:${V1_ID}`, V1_RECORD]]);

    await repo.list();
    const raw = await get(`profile:${V1_ID}`, store);
    expect(raw).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      sealedKeys: { keyId: expect.any(String) },
    });
    expect(raw).not.toHaveProperty('keys');
    const dump = await rawDump(store);
    expect(dump).not.toContain(ACCOUNT_KEY);
    expect(dump).not.toContain(USER_KEY);
    expect(await repo.get(V1_ID)).toMatchObject({
      accountKey: ACCOUNT_KEY,
      userKey: USER_KEY,
      keyState: 'available',
    });
  });
});

describe('turning the vault on with records kept aside or from a newer Keycheck', () => {
  test('quarantined keys are sealed, not dropped: fingerprints in view, a note; newer records untouched', async () => {
    const store = freshStore();
    const newer = {
      schemaVersion: SCHEMA_VERSION + 1,
      id: 'future',
      name: 'From the future',
      keys: { accountKey: 'future-account-key-1234', userKey: 'future-user-key-5678' },
    };
    await seed(store, [
      [
        'quarantine:2024-01-01T00:00:00.000Z:profile:q1',
        {
          originalKey: 'profile:q1',
          quarantinedAt: '2024-01-01T00:00:00.000Z',
          problems: [{ field: 'baseUrl', message: 'Not a web address.' }],
          record: { id: 'q1', name: 'Kept aside v1', accountKey: ACCOUNT_KEY, secretKey: USER_KEY },
        },
      ],
      // Fails validation (http:// to a non-loopback host): list() moves it aside first.
      [
        'profile:q2',
        {
          schemaVersion: SCHEMA_VERSION,
          id: 'q2',
          name: 'Kept aside v2',
          baseUrl: 'http://example.com',
          notes: '',
          createdAt: '2024-01-01T00:00:00.000Z',
          updatedAt: '2024-01-01T00:00:00.000Z',
          revision: 1,
          keysInTabOnly: false,
          keys: { accountKey: `${ACCOUNT_KEY}-2`, userKey: `${USER_KEY}-2` },
        },
      ],
      ['profile:future', newer],
    ]);
    const repo = await openTestRepository(store);

    const result = await repo.vault.enable(PASS);
    expect(result).toMatchObject({ ok: true, newerRecords: 1, warning: expect.any(String) });

    const quarantine = await quarantineEntries(store);
    const dump = JSON.stringify(quarantine);
    for (const key of [ACCOUNT_KEY, USER_KEY]) {
      expect(dump).not.toContain(key);
      expect(dump).toContain(formatFingerprint(await fingerprint(key)));
    }
    expect(dump).toContain(formatFingerprint(await fingerprint(`${ACCOUNT_KEY}-2`)));
    for (const [, entry] of quarantine) {
      expect(entry).toMatchObject({
        problems: expect.arrayContaining([
          expect.objectContaining({
            field: 'keys',
            message: expect.stringContaining('encrypted when encryption was turned on'),
          }),
        ]),
      });
    }
    // Still kept and listed, with what was wrong before.
    const listing = await repo.list();
    expect(listing.quarantined.map((q) => q.name).sort()).toEqual([
      'Kept aside v1',
      'Kept aside v2',
    ]);
    expect(listing.quarantined.find((q) => q.name === 'Kept aside v1')?.problems[0]).toEqual({
      field: 'baseUrl',
      message: 'Not a web address.',
    });
    // The newer Keycheck's record is left exactly as it was.
    expect(await get('profile:future', store)).toEqual(newer);

    // Changing the passphrase later re-seals them: no fingerprint of a fingerprint, no note twice.
    const view = async () =>
      JSON.stringify(
        (await quarantineEntries(store)).map(([key, entry]) => [
          key,
          { ...(entry as Record<string, unknown>), sealedRecord: undefined },
        ]),
      );
    const aside = await view();
    expect(await repo.vault.changePassphrase(PASS, NEW_PASS)).toMatchObject({ ok: true });
    expect(await view()).toBe(aside);
    expect(JSON.stringify(await quarantineEntries(store))).not.toContain(ACCOUNT_KEY);

    // Turning encryption off puts every kept-aside record back exactly as it was found.
    expect(await repo.vault.disable(NEW_PASS)).toMatchObject({ ok: true });
    const back = await quarantineEntries(store);
    const v1 = back.find(([key]) => key.endsWith('profile:q1'))?.[1];
    expect(v1).toEqual({
      originalKey: 'profile:q1',
      quarantinedAt: '2024-01-01T00:00:00.000Z',
      problems: [{ field: 'baseUrl', message: 'Not a web address.' }],
      record: { id: 'q1', name: 'Kept aside v1', accountKey: ACCOUNT_KEY, secretKey: USER_KEY },
    });
    const v2 = back.find(([key]) => key.endsWith('profile:q2'))?.[1] as Record<string, unknown>;
    expect(v2['record']).toMatchObject({
      keys: { accountKey: `${ACCOUNT_KEY}-2`, userKey: `${USER_KEY}-2` },
    });
  });
});
