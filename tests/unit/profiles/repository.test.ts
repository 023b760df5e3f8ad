import { get } from 'idb-keyval';
import { describe, expect, test } from 'vitest';
import { ACCOUNT_KEY, draft, freshStore, openTestRepository, rawDump, USER_KEY } from './helpers';

describe('repository', () => {
  test('create, list, get, update, delete', async () => {
    const store = freshStore();
    const repo = await openTestRepository(store);
    expect(repo.storage).toEqual({ persistent: true });
    const created = await repo.save(
      draft({ name: '  Production  ', keyName: 'capi-api-key-name' }),
    );
    if (!created.ok) throw new Error(created.kind);
    expect(created.profile).toMatchObject({
      name: 'Production',
      revision: 1,
      keyState: 'available',
    });
    expect(created.profile.accountKey).toBe(ACCOUNT_KEY);

    const { profiles } = await repo.list();
    expect(profiles.map((p) => p.name)).toEqual(['Production']);
    expect(await repo.get(created.profile.id)).toEqual(created.profile);

    const updated = await repo.save({ ...created.profile, notes: 'changed' });
    expect(updated.ok && updated.profile.revision).toBe(2);

    const removed = await repo.delete(created.profile.id);
    expect(removed.ok && removed.deleted.profile.notes).toBe('changed');
    expect((await repo.list()).profiles).toEqual([]);
    expect(await repo.delete(created.profile.id)).toMatchObject({ ok: false, kind: 'not-found' });

    // Undo puts back exactly what was there.
    if (!removed.ok) throw new Error('delete failed');
    expect((await repo.restore(removed.deleted)).ok).toBe(true);
    expect(await repo.get(created.profile.id)).toMatchObject({ notes: 'changed', revision: 2 });
  });

  test('a second profile with the same name is refused', async () => {
    const repo = await openTestRepository(freshStore());
    await repo.save(draft());
    expect(await repo.save(draft({ name: 'PRODUCTION' }))).toMatchObject({
      ok: false,
      kind: 'invalid',
      errors: { name: 'Another profile is already named "Production".' },
    });
  });

  test('a save from a stale revision is a conflict carrying the stored version', async () => {
    const store = freshStore();
    const tabA = await openTestRepository(store);
    const tabB = await openTestRepository(store);
    const created = await tabA.save(draft());
    if (!created.ok) throw new Error(created.kind);
    const inB = await tabB.get(created.profile.id);
    if (inB === undefined) throw new Error('not found');

    expect((await tabA.save({ ...created.profile, notes: 'from A' })).ok).toBe(true);
    const formB = { ...inB, notes: 'from B' };
    const stale = await tabB.save(formB);
    expect(stale).toMatchObject({
      ok: false,
      kind: 'conflict',
      stored: { notes: 'from A', revision: 2 },
    });
    expect(stale.ok === false && stale.kind === 'conflict' && stale.message).toMatch(
      /Reload it, or overwrite/,
    );
    // The form's content is untouched, so "overwrite" can send it again.
    expect(formB.notes).toBe('from B');
    const overwritten = await tabB.save(formB, { overwrite: true });
    expect(overwritten).toMatchObject({ ok: true, profile: { notes: 'from B', revision: 3 } });

    // Deleted elsewhere: also a conflict, with nothing stored.
    await tabA.delete(created.profile.id);
    expect(await tabB.save({ ...formB, revision: 3 })).toMatchObject({
      kind: 'conflict',
      stored: null,
    });
  });

  test('duplicate makes a copy with a new name and the same keys', async () => {
    const repo = await openTestRepository(freshStore());
    const created = await repo.save(draft());
    if (!created.ok) throw new Error(created.kind);
    const first = await repo.duplicate(created.profile.id);
    const second = await repo.duplicate(created.profile.id);
    expect(first).toMatchObject({
      ok: true,
      profile: { name: 'Production (copy)', userKey: USER_KEY },
    });
    expect(second).toMatchObject({ ok: true, profile: { name: 'Production (copy 2)' } });
    expect(first.ok && first.profile.id).not.toBe(created.profile.id);
  });

  test('learned updates keep the revision and survive a later save', async () => {
    const repo = await openTestRepository(freshStore());
    const created = await repo.save(draft());
    if (!created.ok) throw new Error(created.kind);
    const learned = { accountId: 1001, accountName: 'Redis', at: '2025-01-17T09:34:25.803Z' };
    expect(await repo.updateLearned(created.profile.id, learned)).toBe(true);
    expect(await repo.get(created.profile.id)).toMatchObject({ revision: 1, learned });
    // The form was opened before "Check keys": its save still goes through and keeps learned.
    const saved = await repo.save({ ...created.profile, notes: 'edited' });
    expect(saved).toMatchObject({ ok: true, profile: { revision: 2, learned } });
  });

  test('"keep keys only in this tab" never writes the keys', async () => {
    const store = freshStore();
    const repo = await openTestRepository(store);
    const saved = await repo.save(draft({ name: 'Customer ticket 4711', keysInTabOnly: true }));
    if (!saved.ok) throw new Error(saved.kind);
    expect(saved.profile).toMatchObject({ accountKey: ACCOUNT_KEY, keyState: 'available' });
    expect((await repo.list()).profiles[0]).toMatchObject({
      accountKey: ACCOUNT_KEY,
      userKey: USER_KEY,
    });

    const dump = await rawDump(store);
    expect(dump).toContain('Customer ticket 4711');
    expect(dump).not.toContain(ACCOUNT_KEY);
    expect(dump).not.toContain(USER_KEY);

    // Another tab (a new repository over the same store) has the profile but not the keys.
    const otherTab = await openTestRepository(store);
    expect((await otherTab.list()).profiles[0]).toMatchObject({
      accountKey: '',
      userKey: '',
      keyState: 'tab-closed',
    });

    // Turning the choice off stores them; turning it on again removes them from the store.
    const stored = await repo.save({ ...saved.profile, keysInTabOnly: false });
    if (!stored.ok) throw new Error(stored.kind);
    expect(await rawDump(store)).toContain(USER_KEY);
    await repo.save({ ...stored.profile, keysInTabOnly: true });
    expect(await rawDump(store)).not.toContain(USER_KEY);
    expect(await get(`profile:${saved.profile.id}`, store)).not.toHaveProperty('keys');
  });
});
