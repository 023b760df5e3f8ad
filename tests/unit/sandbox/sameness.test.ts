import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEMO_KEYS, DEMO_PROFILES } from '../../../src/lib/sandbox';
import { clockedSandbox, keyHeaders, observe, profile, send } from './send';

const URL_V1 = 'https://sandbox.keycheck.invalid/v1/';

describe('authentication failures look the same from outside', () => {
  test('a wrong user key and a pair from two accounts give byte-identical responses', async () => {
    const { sandbox } = clockedSandbox();
    const wrong = profile('sandbox-wrong-user-key');
    const mismatched = profile('sandbox-mismatched-pair');
    const a = await observe(await send(sandbox, wrong, 'GET', '/v1/'));
    const b = await observe(await send(sandbox, mismatched, 'GET', '/v1/'));
    expect(a.status).toBe(401);
    expect(b).toEqual(a);
  });

  test('a disabled API, a missing key and an unknown account key give that same response', async () => {
    const { sandbox } = clockedSandbox();
    const reference = await observe(
      await send(sandbox, profile('sandbox-wrong-user-key'), 'GET', '/v1/'),
    );
    const disabled = await observe(
      await send(sandbox, profile('sandbox-api-disabled'), 'GET', '/v1/'),
    );
    const unknownAccount = await observe(
      await send(
        sandbox,
        { accountKey: 'demo-acct-9999-000000000000', userKey: profile('sandbox-owner').userKey },
        'GET',
        '/v1/',
      ),
    );
    const noUserKey = await observe(
      await sandbox.fetch(URL_V1, {
        headers: { 'x-api-key': profile('sandbox-owner').accountKey },
      }),
    );
    expect(disabled).toEqual(reference);
    expect(unknownAccount).toEqual(reference);
    expect(noUserKey).toEqual(reference);
  });

  test('any user key that is not one gives that same response', async () => {
    const { sandbox } = clockedSandbox();
    const reference = await observe(
      await send(sandbox, profile('sandbox-wrong-user-key'), 'GET', '/v1/'),
    );
    const known = new Set<string>(Object.values(DEMO_KEYS));
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[!-~]{1,60}$/).filter((v) => !known.has(v)),
        async (userKey) => {
          const seen = await observe(
            await send(sandbox, { accountKey: DEMO_KEYS.account1001, userKey }, 'GET', '/v1/'),
          );
          expect(seen).toEqual(reference);
        },
      ),
      { numRuns: 100 },
    );
  });

  test('the inside view tells the wrong key from the mismatched pair', () => {
    const { sandbox } = clockedSandbox();
    const wrong = sandbox.insideView({
      method: 'GET',
      url: URL_V1,
      headers: keyHeaders(profile('sandbox-wrong-user-key')),
    });
    const mismatched = sandbox.insideView({
      method: 'GET',
      url: URL_V1,
      headers: keyHeaders(profile('sandbox-mismatched-pair')),
    });

    expect(wrong.userKey.exists).toBe(false);
    expect(wrong.conditions.keysValid).toBe('not-held');
    expect(wrong.refusal).toEqual({ status: 401, cause: 'user-key-unknown' });

    expect(mismatched.userKey).toMatchObject({
      exists: true,
      accountId: 2002,
      accountName: 'Second account',
    });
    expect(mismatched.accountKey).toMatchObject({ exists: true, accountId: 1001 });
    expect(mismatched.conditions).toMatchObject({ keysValid: 'held', sameAccount: 'not-held' });
    expect(mismatched.refusal).toEqual({ status: 401, cause: 'keys-from-different-accounts' });
    expect(mismatched.summary).toContain(
      'The user key "second-owner-key" belongs to account 2002 (Second account); its user Second Owner has the role Owner.',
    );
  });

  test('the inside view of a disabled API says the keys exist but the API is off', () => {
    const { sandbox } = clockedSandbox();
    const view = sandbox.insideView({
      method: 'GET',
      url: URL_V1,
      headers: keyHeaders(profile('sandbox-api-disabled')),
    });
    expect(view.conditions).toMatchObject({ keysValid: 'held', sameAccount: 'held' });
    expect(view.apiEnabled).toBe(false);
    expect(view.refusal).toEqual({ status: 401, cause: 'api-disabled' });
  });
});

describe('the inside view never reaches a response', () => {
  test.each(DEMO_PROFILES.map((p) => [p.name, p] as const))('%s', async (_name, p) => {
    const { sandbox } = clockedSandbox();
    const seen = await observe(await send(sandbox, p, 'GET', '/v1/'));
    const view = sandbox.insideView({ method: 'GET', url: URL_V1, headers: keyHeaders(p) });
    const everything = JSON.stringify(seen);

    // Only the headers the real API sends; nothing explaining the decision.
    const names = seen.headers.map(([name]) => name).sort();
    const allowed = ['content-type', 'server', 'x-rate-limit-remaining'];
    for (const name of names) expect(allowed).toContain(name);

    for (const line of view.summary) expect(everything).not.toContain(line);
    if (view.refusal) expect(everything).not.toContain(view.refusal.cause);
    // A refusal names no account, key or role; a success names only its own account.
    if (seen.status !== 200) {
      for (const word of [
        '1001',
        '2002',
        '3003',
        'Demo account',
        'Second account',
        p.userKey,
        p.accountKey,
      ]) {
        expect(everything).not.toContain(word);
      }
    }
    expect(everything).not.toContain(p.userKey);
    expect(everything).not.toContain(p.accountKey);
  });

  test('looking inside changes nothing the API answers', async () => {
    const { sandbox } = clockedSandbox();
    const owner = profile('sandbox-owner');
    for (let i = 0; i < 5; i += 1) {
      sandbox.insideView({ method: 'GET', url: URL_V1, headers: keyHeaders(owner) });
    }
    const response = await send(sandbox, owner, 'GET', '/v1/');
    expect(response.headers.get('x-rate-limit-remaining')).toBe('399');
  });
});
