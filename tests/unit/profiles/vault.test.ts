import { get } from 'idb-keyval';
import { describe, expect, test } from 'vitest';
import { DEFAULT_ITERATIONS } from '../../../src/lib/profiles';
import { ACCOUNT_KEY, draft, freshStore, openTestRepository, rawDump, USER_KEY } from './helpers';

const PASS = 'correct horse battery';
const NEW_PASS = 'staple lantern orbit';

async function vaultWithOneProfile() {
  const store = freshStore();
  const repo = await openTestRepository(store);
  const saved = await repo.save(draft());
  if (!saved.ok) throw new Error(saved.kind);
  expect(await repo.vault.enable(PASS)).toEqual({ ok: true });
  return { store, repo, id: saved.profile.id };
}

describe('vault', () => {
  test('600,000 iterations unless told otherwise', () => {
    expect(DEFAULT_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  test('enable: the store holds the keys only as ciphertext; round trip after unlock', async () => {
    const { store, repo, id } = await vaultWithOneProfile();
    const dump = await rawDump(store);
    expect(dump).not.toContain(ACCOUNT_KEY);
    expect(dump).not.toContain(USER_KEY);
    expect(await get(`profile:${id}`, store)).toHaveProperty('sealedKeys.keyId');
    expect(await repo.vault.currentStatus()).toBe('unlocked');
    expect(await repo.get(id)).toMatchObject({ accountKey: ACCOUNT_KEY, userKey: USER_KEY });

    // A profile saved while unlocked is sealed too, with a salt and IV of its own.
    const second = await repo.save(draft({ name: 'Staging' }));
    if (!second.ok) throw new Error(second.kind);
    const a = (await get(`profile:${id}`, store)) as { sealedKeys: { salt: string; iv: string } };
    const b = (await get(`profile:${second.profile.id}`, store)) as typeof a;
    expect(a.sealedKeys.salt).not.toBe(b.sealedKeys.salt);
    expect(a.sealedKeys.iv).not.toBe(b.sealedKeys.iv);
    expect(await rawDump(store)).not.toContain(ACCOUNT_KEY);

    // A new tab starts locked: names shown, keys not.
    const tab = await openTestRepository(store);
    expect((await tab.list()).vault).toBe('locked');
    expect(await tab.get(id)).toMatchObject({ accountKey: '', userKey: '', keyState: 'locked' });
    expect(await tab.save(draft({ name: 'Another' }))).toMatchObject({ ok: false, kind: 'locked' });
    expect(await tab.vault.unlock(PASS)).toEqual({ ok: true });
    expect(await tab.get(id)).toMatchObject({ accountKey: ACCOUNT_KEY, keyState: 'available' });
    tab.vault.lock();
    expect((await tab.list()).profiles[0]?.keyState).toBe('locked');
  });

  test('a wrong passphrase gets a clear message and changes nothing', async () => {
    const { store, repo } = await vaultWithOneProfile();
    const before = await rawDump(store);
    const tab = await openTestRepository(store);
    const wrong = await tab.vault.unlock('not the passphrase');
    expect(wrong).toEqual({
      ok: false,
      kind: 'wrong-passphrase',
      message: 'That passphrase is not the right one. Nothing was changed.',
    });
    expect(await tab.vault.currentStatus()).toBe('locked');
    expect(await repo.vault.changePassphrase('not the passphrase', NEW_PASS)).toMatchObject({
      kind: 'wrong-passphrase',
    });
    expect(await repo.vault.disable('not the passphrase')).toMatchObject({
      kind: 'wrong-passphrase',
    });
    expect(await rawDump(store)).toBe(before);
  });

  test('change passphrase: everything is re-encrypted; the old one no longer works', async () => {
    const { store, repo, id } = await vaultWithOneProfile();
    const sealedBefore = ((await get(`profile:${id}`, store)) as { sealedKeys: unknown })
      .sealedKeys;
    expect(await repo.vault.changePassphrase(PASS, NEW_PASS)).toEqual({ ok: true });
    const sealedAfter = ((await get(`profile:${id}`, store)) as { sealedKeys: unknown }).sealedKeys;
    expect(sealedAfter).not.toEqual(sealedBefore);
    expect(await rawDump(store)).not.toContain(USER_KEY);
    expect(await repo.get(id)).toMatchObject({ userKey: USER_KEY });

    const tab = await openTestRepository(store);
    expect(await tab.vault.unlock(PASS)).toMatchObject({ ok: false, kind: 'wrong-passphrase' });
    expect(await tab.vault.unlock(NEW_PASS)).toEqual({ ok: true });
    expect(await tab.get(id)).toMatchObject({ accountKey: ACCOUNT_KEY, userKey: USER_KEY });
  });

  test('a tab unlocked with the old passphrase cannot write keys sealed with it', async () => {
    const { store, repo, id } = await vaultWithOneProfile();
    const tab = await openTestRepository(store);
    await tab.vault.unlock(PASS);
    const form = await tab.get(id);
    if (form === undefined) throw new Error('missing');
    await repo.vault.changePassphrase(PASS, NEW_PASS);
    const result = await tab.save({ ...form, notes: 'stale tab' });
    expect(result.ok).toBe(false);
    expect(await tab.vault.currentStatus()).toBe('locked');
    expect(await repo.get(id)).toMatchObject({ notes: '', userKey: USER_KEY });
  });

  test('disable: keys go back to plain storage, needs the passphrase', async () => {
    const { store, repo, id } = await vaultWithOneProfile();
    expect(await repo.vault.disable(PASS)).toEqual({ ok: true });
    expect(await repo.vault.currentStatus()).toBe('off');
    expect(await rawDump(store)).toContain(USER_KEY);
    expect(await repo.get(id)).toMatchObject({ userKey: USER_KEY, keyState: 'available' });
  });

  test('refuses a short passphrase and a second enable', async () => {
    const { repo } = await vaultWithOneProfile();
    expect(await repo.vault.enable(PASS)).toMatchObject({ ok: false, kind: 'already-on' });
    const other = await openTestRepository(freshStore());
    expect(await other.vault.enable('short')).toMatchObject({ ok: false, kind: 'weak-passphrase' });
    expect(await other.vault.currentStatus()).toBe('off');
  });

  test('"this tab only" profiles stay out of the store with the vault on', async () => {
    const { store, repo } = await vaultWithOneProfile();
    await repo.save(
      draft({
        name: 'Ticket',
        accountKey: 'tab-ACCOUNT-xyz',
        userKey: 'tab-USER-xyz',
        keysInTabOnly: true,
      }),
    );
    const dump = await rawDump(store);
    expect(dump).not.toContain('tab-ACCOUNT-xyz');
    expect(dump).not.toContain('tab-USER-xyz');
  });
});

test('a passphrase change the store refuses changes nothing', async () => {
  const real = freshStore();
  let failWrites = false;
  const store: typeof real = (mode, callback) =>
    failWrites && mode === 'readwrite'
      ? Promise.reject(new DOMException('Quota exceeded', 'QuotaExceededError'))
      : real(mode, callback);
  const repo = await openTestRepository(store);
  const saved = await repo.save(draft());
  if (!saved.ok) throw new Error(saved.kind);
  await repo.vault.enable(PASS);
  const before = await rawDump(real);
  failWrites = true;
  expect(await repo.vault.changePassphrase(PASS, NEW_PASS)).toMatchObject({
    ok: false,
    kind: 'storage',
  });
  failWrites = false;
  expect(await rawDump(real)).toBe(before);
  const tab = await openTestRepository(real);
  expect(await tab.vault.unlock(PASS)).toEqual({ ok: true });
  expect(await tab.get(saved.profile.id)).toMatchObject({ userKey: USER_KEY });
});
