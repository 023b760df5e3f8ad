import { screen, waitFor, within } from '@testing-library/svelte';
import { createStore, entries } from 'idb-keyval';
import { expect, test, vi } from 'vitest';

// These load the request engine and its catalog; on a busy machine that can take seconds.
vi.setConfig({ testTimeout: 20_000 });
import { createHistoryStore } from '../../src/lib/profiles/history';
import { DEMO_PROFILES } from '../../src/lib/sandbox';
import { checklist, setup } from './playground-helpers';

const rows = async () =>
  within(
    await screen.findByRole('list', { name: 'Request history' }, { timeout: 5000 }),
  ).getAllByRole('listitem');

test('each request is listed with its status and verdict; Run again sends it again', async () => {
  const { user } = setup();
  await user.click(screen.getByRole('button', { name: 'Send' }));
  await checklist();
  await waitFor(async () => expect(await rows()).toHaveLength(1));
  expect((await rows())[0]).toHaveTextContent(/GET \/v1\/\s*200\s*Authenticated/);
  await user.click(screen.getByRole('button', { name: 'Run again: GET /v1/' }));
  await waitFor(async () => expect(await rows()).toHaveLength(2));
  await user.click(screen.getByRole('button', { name: 'Clear history' }));
  expect(await screen.findByText('No request sent with this profile yet.')).toBeInTheDocument();
});

test('history is per profile', async () => {
  const { user } = setup();
  await user.click(screen.getByRole('button', { name: 'Send' }));
  await waitFor(async () => expect(await rows()).toHaveLength(1));
  await user.selectOptions(screen.getByLabelText('Profile'), 'sandbox-wrong-user-key');
  expect(await screen.findByText('No request sent with this profile yet.')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Send' }));
  await waitFor(async () => expect(await rows()).toHaveLength(1));
  expect((await rows())[0]).toHaveTextContent('401');
  await user.selectOptions(screen.getByLabelText('Profile'), 'sandbox-owner');
  await waitFor(async () => expect((await rows())[0]).toHaveTextContent('200'));
});

test('what is stored holds no key, header value, body or query value', async () => {
  const idb = createStore('playground-history-stored', 'h');
  const { user, playground } = setup({ history: createHistoryStore(idb) });
  playground.draft.path = '/v1/subscriptions?token=abcdef1234567890abcdef';
  await user.click(screen.getByRole('button', { name: 'Send' }));
  await checklist();
  await waitFor(async () => expect(await rows()).toHaveLength(1));
  const stored = JSON.stringify(await entries(idb));
  expect(stored).toContain('/v1/subscriptions');
  expect(stored).not.toContain('abcdef1234567890');
  expect(stored).not.toContain('subscriptions":'); // no body
  const owner = DEMO_PROFILES.find((p) => p.id === 'sandbox-owner')!;
  expect(stored).not.toContain(owner.accountKey);
  expect(stored).not.toContain(owner.userKey);
});
