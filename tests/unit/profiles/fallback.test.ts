import type { UseStore } from 'idb-keyval';
import { expect, test } from 'vitest';
import { createMemoryRepository } from '../../../src/lib/profiles';
import { draft, freshStore, openTestRepository } from './helpers';

const blocked: UseStore = () =>
  Promise.reject(new DOMException('The database connection is blocked', 'InvalidStateError'));

/** A real store whose writes fail as a full disk makes them fail. */
function fullAfterFirstWrite(): UseStore {
  const real = freshStore();
  let writes = 0;
  return (mode, callback) => {
    if (mode === 'readwrite') {
      writes += 1;
      // The first write is the probe when the repository opens.
      if (writes > 1)
        return Promise.reject(new DOMException('Quota exceeded', 'QuotaExceededError'));
    }
    return real(mode, callback);
  };
}

test('IndexedDB that cannot be opened: the repository works in memory and says so', async () => {
  const repo = await openTestRepository(blocked);
  expect(repo.storage).toEqual({ persistent: false, failure: 'unavailable' });
  const saved = await repo.save(draft());
  expect(saved.ok).toBe(true);
  expect((await repo.list()).profiles.map((p) => p.name)).toEqual(['Production']);
});

test('an open that never finishes falls back after the timeout', async () => {
  const hanging: UseStore = () => new Promise(() => undefined);
  const repo = await openTestRepository(hanging, { probeTimeoutMs: 50 });
  expect(repo.storage.persistent).toBe(false);
});

test('a full store: the save fails with a clear result and the draft is untouched', async () => {
  const repo = await openTestRepository(fullAfterFirstWrite());
  expect(repo.storage.persistent).toBe(true);
  const form = draft({ notes: 'typed by hand' });
  const before = structuredClone(form);
  const result = await repo.save(form);
  expect(result).toMatchObject({ ok: false, kind: 'storage', reason: 'full' });
  expect(result.ok === false && 'message' in result && result.message).toMatch(/still in the form/);
  expect(form).toEqual(before);

  // The UI can go on in memory and save the same draft again.
  await repo.switchToMemory('full');
  expect(repo.storage).toEqual({ persistent: false, failure: 'full' });
  expect((await repo.save(form)).ok).toBe(true);
});

test('the memory repository has the same behaviour, conflicts included', async () => {
  const repo = createMemoryRepository({ sync: null });
  const created = await repo.save(draft());
  if (!created.ok) throw new Error(created.kind);
  await repo.save({ ...created.profile, notes: 'one' });
  expect(await repo.save({ ...created.profile, notes: 'two' })).toMatchObject({ kind: 'conflict' });
});
