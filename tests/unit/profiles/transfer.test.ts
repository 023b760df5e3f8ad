import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  applyImport,
  exportProfiles,
  findClashes,
  readImportFile,
  type Profile,
} from '../../../src/lib/profiles';
import {
  deriveMasterKey,
  makeCheck,
  randomBytes,
  sealKeys,
  toBase64,
} from '../../../src/lib/profiles/vault-crypto';
import {
  ACCOUNT_KEY,
  draft,
  freshStore,
  openTestRepository,
  rawDump,
  TEST_ITERATIONS,
  USER_KEY,
} from './helpers';

const EXPORT_PASS = 'export passphrase 1';
/** The iterations these tests export with, accepted on import (the app's floor is 600,000). */
const TEST_RANGE = { min: TEST_ITERATIONS, max: TEST_ITERATIONS };

async function repoWith(names: string[]) {
  const store = freshStore();
  const repo = await openTestRepository(store);
  for (const name of names) {
    const saved = await repo.save(
      draft({ name, keyName: 'capi-api-key-name', allowList: ['10.0.0.0/24'] }),
    );
    if (!saved.ok) throw new Error(saved.kind);
  }
  return { store, repo, profiles: (await repo.list()).profiles };
}

function profileWith(accountKey: string, userKey: string, keysInTabOnly = false): Profile {
  return {
    id: 'p1',
    name: 'Generated',
    accountKey,
    userKey,
    baseUrl: 'https://api.redislabs.com',
    notes: 'notes',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    revision: 1,
    keysInTabOnly,
    keyState: 'available',
  };
}

describe('export', () => {
  test('without includeKeys: settings only, no key', async () => {
    const { profiles } = await repoWith(['Production']);
    const result = await exportProfiles(profiles);
    if (!result.ok) throw new Error(result.kind);
    expect(JSON.parse(result.json)).toMatchObject({
      format: 'keycheck-profiles',
      version: 2,
      profiles: [{ name: 'Production', keyName: 'capi-api-key-name', allowList: ['10.0.0.0/24'] }],
    });
    expect(result.json).not.toContain(ACCOUNT_KEY);
    expect(result.json).not.toContain(USER_KEY);
    expect(JSON.parse(result.json)).not.toHaveProperty('encryption');
  });

  test('with includeKeys: keys only sealed; they come back with the passphrase', async () => {
    const { profiles } = await repoWith(['Production']);
    const result = await exportProfiles(profiles, {
      includeKeys: true,
      passphrase: EXPORT_PASS,
      iterations: TEST_ITERATIONS,
    });
    if (!result.ok) throw new Error(result.kind);
    expect(result.json).not.toContain(ACCOUNT_KEY);
    expect(result.json).not.toContain(USER_KEY);

    expect(await readImportFile(result.json, { iterations: TEST_RANGE })).toMatchObject({
      ok: false,
      kind: 'needs-passphrase',
    });
    expect(
      await readImportFile(result.json, { passphrase: 'wrong passphrase', iterations: TEST_RANGE }),
    ).toMatchObject({ ok: false, kind: 'wrong-passphrase' });
    const read = await readImportFile(result.json, {
      passphrase: EXPORT_PASS,
      iterations: TEST_RANGE,
    });
    expect(read).toMatchObject({
      ok: true,
      includesKeys: true,
      entries: [{ index: 0, hasKeys: true, draft: { accountKey: ACCOUNT_KEY, userKey: USER_KEY } }],
    });
    const keyless = await readImportFile(result.json, { withoutKeys: true });
    expect(keyless).toMatchObject({
      ok: true,
      entries: [{ hasKeys: false, draft: { accountKey: '' } }],
    });
  });

  test('"this tab only" keys are never exported, even with includeKeys', async () => {
    const result = await exportProfiles([profileWith('tab-ACCOUNT-1', 'tab-USER-1', true)], {
      includeKeys: true,
      passphrase: EXPORT_PASS,
      iterations: TEST_ITERATIONS,
    });
    expect(result).toMatchObject({ ok: true, keysLeftOut: ['Generated'] });
    if (result.ok) expect(JSON.parse(result.json).profiles[0]).not.toHaveProperty('sealedKeys');
  });

  test('property: an export without includeKeys never contains either key', async () => {
    const at = new Date('2025-06-01T00:00:00.000Z');
    const key = fc.string({ minLength: 1, maxLength: 64, unit: 'grapheme' });
    await fc.assert(
      fc.asyncProperty(key, key, fc.boolean(), async (accountKey, userKey, tabOnly) => {
        const result = await exportProfiles([profileWith(accountKey, userKey, tabOnly)], {}, at);
        const baseline = await exportProfiles([profileWith('', '', tabOnly)], {}, at);
        if (!result.ok || !baseline.ok) return false;
        // The file does not depend on the keys at all...
        if (result.json !== baseline.json) return false;
        // ...so a key shows up only if it is text every export has anyway (e.g. "  ").
        const escaped = (k: string) => JSON.stringify(k).slice(1, -1);
        return [accountKey, userKey].every(
          (k) => !result.json.includes(escaped(k)) || baseline.json.includes(escaped(k)),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('sealed entries are bound to themselves', () => {
  async function twoSealed() {
    const { profiles } = await repoWith(['Production', 'Staging']);
    const other = await (async () => {
      const { repo } = await repoWith([]);
      await repo.save(
        draft({ name: 'Staging', accountKey: 'acct-OTHER-77', userKey: 'user-OTHER-77' }),
      );
      return (await repo.list()).profiles[0] as Profile;
    })();
    const result = await exportProfiles([profiles[0] as Profile, other], {
      includeKeys: true,
      passphrase: EXPORT_PASS,
      iterations: TEST_ITERATIONS,
    });
    if (!result.ok) throw new Error(result.kind);
    return JSON.parse(result.json);
  }
  const read = (file: unknown) =>
    readImportFile(JSON.stringify(file), { passphrase: EXPORT_PASS, iterations: TEST_RANGE });

  test('keys swapped between two entries no longer open, and nothing of either is imported', async () => {
    const file = await twoSealed();
    expect(await read(file)).toMatchObject({ ok: true, problems: [] });
    const [a, b] = file.profiles;
    [a.sealedKeys, b.sealedKeys] = [b.sealedKeys, a.sealedKeys];
    const swapped = await read(file);
    if (!swapped.ok) throw new Error(swapped.kind);
    expect(swapped.entries).toEqual([]);
    expect(swapped.problems.map((p) => [p.index, p.field])).toEqual([
      [0, 'sealedKeys'],
      [1, 'sealedKeys'],
    ]);
    expect(swapped.problems[0]?.message).toMatch(/edited|moved/);
  });

  test('an entry renamed, given another id or another base URL no longer opens', async () => {
    for (const edit of [
      (e: Record<string, unknown>) => (e.name = 'Renamed'),
      (e: Record<string, unknown>) => (e.id = 'another-id'),
      (e: Record<string, unknown>) => (e.baseUrl = 'http://127.0.0.1:9999'),
    ]) {
      const file = await twoSealed();
      edit(file.profiles[0]);
      const result = await read(file);
      if (!result.ok) throw new Error(result.kind);
      expect(result.entries.map((e) => e.index)).toEqual([1]);
      expect(result.problems).toMatchObject([{ index: 0, field: 'sealedKeys' }]);
    }
  });

  test('a version 1 file (every entry sealed alike) still opens', async () => {
    const salt = randomBytes(16);
    const master = await deriveMasterKey(EXPORT_PASS, salt, TEST_ITERATIONS);
    const file = {
      format: 'keycheck-profiles',
      version: 1,
      exportedAt: '2025-01-01T00:00:00.000Z',
      encryption: {
        kdf: 'PBKDF2-SHA-256',
        iterations: TEST_ITERATIONS,
        salt: toBase64(salt),
        check: await makeCheck(master, 'keycheck-export'),
      },
      profiles: [
        {
          name: 'Old',
          notes: '',
          sealedKeys: await sealKeys(
            master,
            { accountKey: ACCOUNT_KEY, userKey: USER_KEY },
            'keycheck-export',
          ),
        },
      ],
    };
    expect(await read(file)).toMatchObject({
      ok: true,
      entries: [{ draft: { name: 'Old', accountKey: ACCOUNT_KEY, userKey: USER_KEY } }],
    });
  });

  test('PBKDF2 iterations outside 600,000 to 10,000,000 are refused at once, with the range', async () => {
    const file = await twoSealed();
    for (const iterations of [2e9, 10_000_001, 599_999, 1]) {
      file.encryption.iterations = iterations;
      const started = performance.now();
      const result = await readImportFile(JSON.stringify(file), { passphrase: EXPORT_PASS });
      expect(result).toMatchObject({ ok: false, kind: 'unsupported-encryption' });
      if (!result.ok) expect(result.message).toContain('600,000 to 10,000,000');
      // Refused before any key derivation: 2e9 iterations would never end.
      expect(performance.now() - started).toBeLessThan(1000);
    }
    // Without its keys the file still imports.
    const keyless = await readImportFile(JSON.stringify(file), { withoutKeys: true });
    expect(keyless).toMatchObject({ ok: true, entries: [{ hasKeys: false }, { hasKeys: false }] });
  });
});

describe('import', () => {
  test('reports each bad record (index, field, message) and reads the good ones', async () => {
    const file = {
      format: 'keycheck-profiles',
      version: 1,
      profiles: [
        { name: 'Good one', baseUrl: 'https://api.redislabs.com', notes: '' },
        { name: '', baseUrl: 'http://example.com' },
        { name: 'Bad list', allowList: ['10.0.0.0/24', 'nope'] },
        'not an object',
        { name: 'good ONE' },
      ],
    };
    const read = await readImportFile(JSON.stringify(file));
    if (!read.ok) throw new Error(read.kind);
    expect(read.entries.map((e) => e.index)).toEqual([0]);
    expect(read.problems).toEqual(
      expect.arrayContaining([
        { index: 1, field: 'name', message: 'Enter a profile name.' },
        { index: 1, field: 'baseUrl', message: expect.stringMatching(/only for this computer/) },
        { index: 2, field: 'allowList', message: expect.stringMatching(/^Entry 2 \("nope"\)/) },
        { index: 3, field: 'record', message: expect.any(String) },
        { index: 4, field: 'name', message: 'Entry 1 of this file has the same name.' },
      ]),
    );
  });

  test('name clashes: skip, replace, keep both; replace keeps existing keys', async () => {
    const { repo, store } = await repoWith(['Production', 'Staging', 'Dev']);
    const file = {
      format: 'keycheck-profiles',
      version: 1,
      profiles: [
        { name: 'production', notes: 'imported prod' },
        { name: 'Staging', notes: 'imported staging' },
        { name: 'Dev', notes: 'imported dev' },
        { name: 'New one', notes: 'fresh' },
      ],
    };
    const read = await readImportFile(JSON.stringify(file));
    if (!read.ok) throw new Error(read.kind);
    const { profiles } = await repo.list();
    expect(findClashes(read.entries, profiles).map((c) => [c.index, c.existing.name])).toEqual([
      [0, 'Production'],
      [1, 'Staging'],
      [2, 'Dev'],
    ]);

    const before = await rawDump(store);
    expect(await applyImport(repo, read.entries, { 0: 'replace' })).toMatchObject({
      ok: false,
      kind: 'undecided',
      indexes: [1, 2],
    });
    expect(await rawDump(store)).toBe(before);

    const applied = await applyImport(repo, read.entries, {
      0: 'replace',
      1: 'skip',
      2: 'keep-both',
    });
    expect(applied).toMatchObject({ ok: true, skipped: [1] });
    const after = (await repo.list()).profiles;
    expect(after.map((p) => p.name)).toEqual([
      'Dev',
      'Dev (imported)',
      'New one',
      'Production',
      'Staging',
    ]);
    expect(after.find((p) => p.name === 'Production')).toMatchObject({
      notes: 'imported prod',
      userKey: USER_KEY,
      revision: 2,
    });
    expect(after.find((p) => p.name === 'Staging')?.notes).toBe('');
    expect(after.find((p) => p.name === 'New one')).toMatchObject({
      keyState: 'none',
      accountKey: '',
    });
  });

  test('Replace keeps a "this tab only" profile tab-only: its keys are never stored', async () => {
    for (const vault of ['off', 'on'] as const) {
      const store = freshStore();
      const repo = await openTestRepository(store);
      if (vault === 'on') expect((await repo.vault.enable('vault passphrase 1')).ok).toBe(true);
      await repo.save(draft({ name: 'Ticket 4711', keysInTabOnly: true }));
      // A file from before `keysInTabOnly`, and one that says the keys may be stored.
      for (const entry of [
        { name: 'Ticket 4711', notes: 'old file' },
        { name: 'Ticket 4711', notes: 'says stored', keysInTabOnly: false },
      ]) {
        const file = { format: 'keycheck-profiles', version: 1, profiles: [entry] };
        const read = await readImportFile(JSON.stringify(file));
        if (!read.ok) throw new Error(read.kind);
        const { profiles } = await repo.list();
        expect(findClashes(read.entries, profiles)[0]?.keysStayInTab).toBe(true);
        expect(await applyImport(repo, read.entries, { 0: 'replace' })).toMatchObject({
          ok: true,
        });
        const [after] = (await repo.list()).profiles;
        expect(after).toMatchObject({
          notes: entry.notes,
          keysInTabOnly: true,
          accountKey: ACCOUNT_KEY,
          userKey: USER_KEY,
        });
        const dump = await rawDump(store);
        expect(dump, vault).not.toContain(ACCOUNT_KEY);
        expect(dump, vault).not.toContain(USER_KEY);
        expect(dump, vault).not.toContain('sealedKeys');
      }
    }
  });

  test.each([
    [
      '{"format": "keycheck-profiles", "version": 1,\n  "profiles": [ { "name": "x" } }',
      'malformed',
    ],
    ['', 'malformed'],
    ['{"format": "something-else", "profiles": []}', 'not-keycheck'],
    ['{"format": "keycheck-profiles", "version": 9, "profiles": []}', 'unsupported-version'],
  ])('a malformed file changes nothing: %j', async (text, kind) => {
    const { repo, store } = await repoWith(['Production']);
    const before = await rawDump(store);
    const read = await readImportFile(text);
    expect(read).toMatchObject({ ok: false, kind });
    expect(await rawDump(store)).toBe(before);
    expect((await repo.list()).profiles).toHaveLength(1);
  });

  test('a JSON error says where', async () => {
    const text = '{\n  "format": "keycheck-profiles",\n  "version": 1,\n  "profiles": [ ,]\n}';
    const read = await readImportFile(text);
    expect(read).toMatchObject({ ok: false, kind: 'malformed', line: 4, column: 17 });
    expect(!read.ok && read.message).toBe(
      'The file is not valid JSON: the error is at line 4, column 17.',
    );
  });
});
