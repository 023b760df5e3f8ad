/**
 * The link a diagnosis offers: made for code that names its key variables, refused alone (the
 * diagnosis stands) when it cannot be made clean.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { diagnosePaste } from '../../../src/lib/inspect/diagnose-paste';
import { findSecrets } from '../../../src/lib/secrets';

const PYTHON = readFileSync(
  new URL('../../fixtures/paste/python-requests.py', import.meta.url),
  'utf8',
);

test('a variable named ACCOUNT_KEY is read as the variable it is, and the link is made', async () => {
  expect(findSecrets({ paste: PYTHON })).not.toContain('ACCOUNT_KEY');
  // The value assigned to it is still a secret.
  expect(findSecrets({ paste: PYTHON })).toContain('A1b2C3d4E5f6G7h8');
  const out = await diagnosePaste({ request: PYTHON, response: '', at: new Date().toISOString() });
  expect(out.inspection?.share.ok).toBe(true);
});

test('a link that cannot be made clean is refused with a message, and the diagnosis stands', async () => {
  const out = await diagnosePaste(
    { request: PYTHON, response: '', at: new Date().toISOString() },
    {
      inspect: async (input) => {
        const { inspectPaste } = await import('../../../src/lib/inspect/paste');
        const judged = await inspectPaste(input);
        return {
          ...judged,
          shareFragment: () => Promise.reject(new Error('The link was not made: a test said so.')),
        };
      },
    },
  );
  expect(out.inspection?.checklist.verdict).toBeDefined();
  expect(out.inspection?.share).toEqual({
    ok: false,
    message: 'The link was not made: a test said so.',
  });
});

test("a run of a key that turns up in deflate's code table by chance does not refuse the link", async () => {
  // Found by the leak property: with this key and this date, every compressed try began with
  // the same code table, which held six letters of the key once case is folded.
  const a = 'ZAjQ_BO32-PS40Wj6ogLj3qQ';
  const u = 'XPEAuTaNb83ID9lcmpBK8WG';
  const out = await diagnosePaste({
    request: `curl -X ${a} -H "x-api-key: ${a}" -H "x-api-secret-key: ${u}" https://api.redislabs.com/v1/`,
    response: '',
    at: '2025-01-17T09:40:00Z',
  });
  const share = out.inspection?.share;
  expect(share?.ok).toBe(true);
  if (share?.ok) {
    for (const key of [a, u]) {
      for (let i = 0; i + 6 <= key.length; i++) {
        expect(share.fragment.toLowerCase()).not.toContain(key.slice(i, i + 6).toLowerCase());
      }
    }
  }
});
