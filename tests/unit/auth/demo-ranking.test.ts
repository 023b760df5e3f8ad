import { describe, expect, test } from 'vitest';
import { send } from '../../../src/lib/api/client';
import { isKnownOperation } from '../../../src/lib/api/catalog';
import {
  ACCOUNT_KEY_HEADER,
  SANDBOX_BASE_URL,
  USER_KEY_HEADER,
} from '../../../src/lib/core/checklist';
import { diagnose } from '../../../src/lib/auth/diagnose';
import { createSandbox } from '../../../src/lib/sandbox';
import { SANDBOX_CHOICES } from '../../../src/lib/profiles/choices';

/** What the Playground does with a sandbox profile: send GET /v1/, diagnose with its context. */
async function tryChoice(id: string, method = 'GET', path = '/v1/') {
  const choice = SANDBOX_CHOICES.find((c) => c.id === id);
  if (!choice) throw new Error(id);
  const sandbox = createSandbox();
  const exchange = await send(
    {
      baseUrl: SANDBOX_BASE_URL,
      method,
      path,
      headers: [
        { name: ACCOUNT_KEY_HEADER, value: choice.accountKey },
        { name: USER_KEY_HEADER, value: choice.userKey },
      ],
      ...(method === 'GET' ? {} : { body: '{}' }),
    },
    { fetch: sandbox.fetch, source: 'sandbox' },
  );
  return { choice, checklist: diagnose(exchange, { ...choice.context, isKnownOperation }) };
}

describe('the demo profiles rank a 403 as their lessons say', () => {
  test.each(['sandbox-logs-viewer', 'sandbox-billing-admin', 'sandbox-member'])(
    '%s: the role first, the keys unknown',
    async (id) => {
      const { choice, checklist } = await tryChoice(id);
      expect(checklist.verdict).toBe('forbidden');
      expect(checklist.primaryCause).toBe('role-permits');
      const role = checklist.items.find((i) => i.id === 'role-permits');
      expect(role?.rank).toBe(1);
      expect(checklist.items.find((i) => i.id === 'source-ip')?.rank).toBe(2);
      expect(checklist.items.find((i) => i.id === 'keys-valid')?.status).toBe('unknown');
      expect(choice.lesson).toMatch(/403/);
    },
  );

  test('the allow-list profile: the source IP first', async () => {
    const { checklist } = await tryChoice('sandbox-ip-allow-list');
    expect(checklist.verdict).toBe('forbidden');
    expect(checklist.primaryCause).toBe('source-ip');
    expect(checklist.items.find((i) => i.id === 'source-ip')?.summary).toContain('10.0.0.0/24');
  });

  test('a Viewer write: the role first; a Viewer read: ok', async () => {
    const write = await tryChoice('sandbox-viewer', 'POST', '/v1/subscriptions');
    expect(write.checklist.verdict).toBe('forbidden');
    expect(write.checklist.primaryCause).toBe('role-permits');
    const read = await tryChoice('sandbox-viewer');
    expect(read.checklist.verdict).toBe('ok');
  });

  test('the Member lesson labels the sandbox assumption', () => {
    const member = SANDBOX_CHOICES.find((c) => c.id === 'sandbox-member');
    expect(member?.lesson).toContain('its assumption');
  });
});
