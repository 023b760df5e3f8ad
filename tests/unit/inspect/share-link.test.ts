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
