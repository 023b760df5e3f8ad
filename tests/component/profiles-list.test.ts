// The compact Profiles list: a row per profile with its actions in a menu, sorting by name or
// last use, and the browser asking before a reload while "this tab only" keys are held.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import TabKeysGuard from '../../src/components/app/TabKeysGuard.svelte';
import ProfilesView from '../../src/components/profiles/ProfilesView.svelte';
import type { HistoryEntry } from '../../src/lib/profiles/history';
import { LeaveGuard } from '../../src/state/app/leave-guard.svelte';
import { ProfileUsage } from '../../src/state/profiles/usage.svelte';
import { ACCOUNT_KEY, freshProfiles, USER_KEY } from './profiles-helpers';

const rows = () =>
  within(screen.getByRole('list', { name: 'Profiles' }))
    .getAllByRole('article')
    .map((a) => a.getAttribute('aria-labelledby'))
    .map((id) => document.getElementById(id!)?.textContent);

test('the Actions menu: the first item takes focus, arrows move, Escape gives focus back', async () => {
  const profiles = freshProfiles();
  await profiles.save({ name: 'Prod', accountKey: ACCOUNT_KEY, userKey: USER_KEY });
  const user = userEvent.setup();
  render(ProfilesView, { profiles });
  const row = within(await screen.findByRole('article', { name: 'Prod' }));
  const button = row.getByRole('button', { name: 'Actions' });
  expect(button).toHaveAttribute('aria-expanded', 'false');
  await user.click(button);
  expect(button).toHaveAttribute('aria-expanded', 'true');
  const items = row.getAllByRole('menuitem').map((i) => i.textContent);
  expect(items).toEqual(['Check keys', 'Edit', 'Duplicate', 'Delete']);
  expect(row.getByRole('menuitem', { name: 'Check keys' })).toHaveFocus();
  await user.keyboard('{ArrowDown}');
  expect(row.getByRole('menuitem', { name: 'Edit' })).toHaveFocus();
  await user.keyboard('{ArrowUp}{ArrowUp}');
  expect(row.getByRole('menuitem', { name: 'Delete' })).toHaveFocus();
  await user.keyboard('{Escape}');
  expect(row.queryByRole('menu')).toBeNull();
  expect(button).toHaveFocus();
  // Enter on a chosen item runs it.
  await user.keyboard('{ArrowDown}{ArrowDown}');
  await user.keyboard('{Enter}');
  expect(await screen.findByLabelText('Profile name')).toHaveValue('Prod');
});

test('the row shows the keys by fingerprint only, and the full card on demand', async () => {
  const profiles = freshProfiles();
  await profiles.save({ name: 'Prod', accountKey: ACCOUNT_KEY, userKey: USER_KEY });
  const user = userEvent.setup();
  render(ProfilesView, { profiles });
  const row = within(await screen.findByRole('article', { name: 'Prod' }));
  await waitFor(() => expect(row.getAllByText(/^sha256:[0-9a-f]{8}$/)).toHaveLength(2));
  expect(row.queryByRole('button', { name: 'Show' })).toBeNull();
  const details = row.getByRole('button', { name: 'Details of Prod' });
  await user.click(details);
  expect(details).toHaveAttribute('aria-expanded', 'true');
  expect(row.getAllByRole('button', { name: 'Show' })).toHaveLength(2);
  expect(document.body).not.toHaveTextContent(USER_KEY);
});

test('sorting by last use puts the newest first; by name again restores the order', async () => {
  const profiles = freshProfiles();
  for (const name of ['Alpha', 'Beta', 'Gamma']) {
    await profiles.save({ name, accountKey: ACCOUNT_KEY, userKey: USER_KEY });
  }
  await profiles.reload();
  const id = (name: string) => profiles.profiles.find((p) => p.name === name)!.id;
  const entry = (at: string): HistoryEntry => ({
    method: 'GET',
    path: '/v1/',
    status: 401,
    verdict: 'auth-failed',
    durationMs: 5,
    at,
  });
  const usage = new ProfileUsage(() =>
    Promise.resolve(
      new Map([
        [id('Gamma'), entry('2025-03-01T00:00:00.000Z')],
        [id('Alpha'), entry('2025-02-01T00:00:00.000Z')],
      ]),
    ),
  );
  const user = userEvent.setup();
  render(ProfilesView, { profiles, usage });
  await screen.findByRole('list', { name: 'Profiles' });
  expect(rows()).toEqual(['Alpha', 'Beta', 'Gamma']);
  await user.selectOptions(screen.getByLabelText('Sort by'), 'Last use');
  await waitFor(() => expect(rows()).toEqual(['Gamma', 'Alpha', 'Beta']));
  expect(
    within(screen.getByRole('article', { name: 'Gamma' })).getByText(/last: /),
  ).toHaveTextContent('Authentication failed');
  await user.selectOptions(screen.getByLabelText('Sort by'), 'Name');
  expect(rows()).toEqual(['Alpha', 'Beta', 'Gamma']);
});

test('leaving asks first only while "this tab only" keys are held', async () => {
  const added: string[] = [];
  const target = {
    addEventListener: (type: string) => added.push(`+${type}`),
    removeEventListener: (type: string) => added.push(`-${type}`),
  } as unknown as Window;
  const guard = new LeaveGuard(target);
  const profiles = freshProfiles();
  await profiles.save({ name: 'Stored', accountKey: ACCOUNT_KEY, userKey: USER_KEY });
  render(TabKeysGuard, { profiles, guard });
  await profiles.reload();
  expect(guard.armed).toBe(false);

  const saved = await profiles.save({
    name: 'Ticket 4711',
    accountKey: ACCOUNT_KEY,
    userKey: USER_KEY,
    keysInTabOnly: true,
  });
  expect(saved.ok).toBe(true);
  await waitFor(() => expect(guard.armed).toBe(true));
  expect(added).toEqual(['+beforeunload']);

  await profiles.remove(saved.ok ? saved.profile.id : '');
  await waitFor(() => expect(guard.armed).toBe(false));
  expect(added).toEqual(['+beforeunload', '-beforeunload']);
});

test('the prompt itself: a beforeunload event is cancelled while armed, and not after', () => {
  const guard = new LeaveGuard(window);
  guard.set(true);
  const asked = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(asked);
  expect(asked.defaultPrevented).toBe(true);
  guard.set(false);
  const free = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(free);
  expect(free.defaultPrevented).toBe(false);
});
