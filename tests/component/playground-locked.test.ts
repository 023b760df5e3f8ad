import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createStore } from 'idb-keyval';
import { expect, test } from 'vitest';
import PlaygroundView from '../../src/components/playground/PlaygroundView.svelte';
import { SANDBOX_BASE_URL } from '../../src/lib/core/checklist';
import { createHistoryStore } from '../../src/lib/profiles/history';
import { createSandbox, DEMO_KEYS } from '../../src/lib/sandbox';
import { Playground } from '../../src/state/playground/playground.svelte';
import { ProfileChoices } from '../../src/state/playground/profile-choices.svelte';
import { freshProfiles, freshStore } from './profiles-helpers';

const PASS = 'correct horse battery';

/** A profile of the person's own, answered by the sandbox, whose keys are locked in this tab. */
async function lockedPlayground() {
  const store = freshStore();
  const first = freshProfiles(store);
  const saved = await first.save({
    name: 'Encrypted one',
    baseUrl: SANDBOX_BASE_URL,
    accountKey: DEMO_KEYS.account1001,
    userKey: DEMO_KEYS.owner,
  });
  expect(saved).toMatchObject({ ok: true });
  expect((await (await first.repository()).vault.enable(PASS)).ok).toBe(true);

  // A new tab: the vault is on and locked.
  const profiles = freshProfiles(store);
  const choices = new ProfileChoices(profiles, {
    get: () => Promise.resolve(undefined),
    set: () => Promise.resolve(),
  });
  const sent: string[] = [];
  const sandbox = createSandbox();
  const fetch: typeof globalThis.fetch = (input, init) => {
    sent.push(String(input instanceof Request ? input.url : input));
    return sandbox.fetch(input, init);
  };
  const playground = new Playground(() => choices.list, choices.afterAnswer, {
    sandbox: { ...sandbox, fetch },
    history: createHistoryStore(createStore(`locked-history-${Math.random()}`, 'h')),
  });
  const user = userEvent.setup();
  render(PlaygroundView, { playground, profiles });
  await screen.findByRole('option', { name: 'Encrypted one (keys locked)' }, { timeout: 5000 });
  await user.selectOptions(screen.getByLabelText('Profile'), 'Encrypted one (keys locked)');
  return { user, sent };
}

test('Send with locked keys sends nothing and offers the unlock in place; unlocking sends', async () => {
  const { user, sent } = await lockedPlayground();
  await user.click(screen.getByRole('button', { name: 'Send' }));

  const prompt = await screen.findByRole('region', { name: 'Unlock to send' });
  expect(prompt).toHaveTextContent('Nothing was sent');
  expect(sent).toEqual([]);
  // No checklist blaming empty key values.
  expect(screen.queryByRole('list', { name: 'Authentication checklist' })).toBeNull();

  await user.type(within(prompt).getByLabelText('Passphrase'), 'wrong passphrase');
  await user.click(within(prompt).getByRole('button', { name: 'Unlock and send' }));
  expect(await within(prompt).findByRole('alert')).toHaveTextContent('not the right one');
  expect(sent).toEqual([]);

  await user.type(within(prompt).getByLabelText('Passphrase'), PASS);
  await user.click(within(prompt).getByRole('button', { name: 'Unlock and send' }));
  const verdict = await screen.findByText(
    (_, element) => element?.getAttribute('data-verdict') === 'ok',
    {},
    { timeout: 5000 },
  );
  expect(verdict).toBeInTheDocument();
  expect(sent).toHaveLength(1);
  expect(screen.queryByRole('region', { name: 'Unlock to send' })).toBeNull();
  // Two key derivations (turning the vault on, then unlocking) at 600,000 iterations each.
}, 30_000);
