import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { setMany } from 'idb-keyval';
import { expect, test } from 'vitest';
import ProfilesView from '../../src/components/profiles/ProfilesView.svelte';
import { SANDBOX_BASE_URL } from '../../src/lib/core/checklist';
import { fingerprint } from '../../src/lib/secrets/fingerprint';
import { DEMO_PROFILES } from '../../src/lib/sandbox/demo-profiles';
import { ACCOUNT_KEY, freshProfiles, freshStore, USER_KEY } from './profiles-helpers';

const card = (name: string) => within(screen.getByRole('article', { name }) as HTMLElement);
type User = ReturnType<typeof userEvent.setup>;

/** Chooses an action from a profile row's Actions menu, as a person would. */
async function choose(user: User, name: string, action: string): Promise<void> {
  await user.click(card(name).getByRole('button', { name: 'Actions' }));
  await user.click(card(name).getByRole('menuitem', { name: action }));
}

/** Opens a profile row's full card. */
async function openDetails(user: User, name: string): Promise<void> {
  await user.click(card(name).getByRole('button', { name: `Details of ${name}` }));
}

async function viewWith(
  drafts: { name: string; accountKey: string; userKey: string; baseUrl?: string }[],
) {
  const store = freshStore();
  const profiles = freshProfiles(store);
  for (const draft of drafts) {
    const saved = await profiles.save(draft);
    expect(saved.ok).toBe(true);
  }
  const user = userEvent.setup();
  render(ProfilesView, { profiles });
  await screen.findByRole('list', { name: 'Profiles' });
  return { user, profiles, store };
}

test('a profile created through the form is listed, its keys masked and fingerprinted', async () => {
  const user = userEvent.setup();
  render(ProfilesView, { profiles: freshProfiles() });
  await screen.findByText(/No profiles yet/);
  await user.click(screen.getByRole('button', { name: 'New profile' }));
  await user.type(screen.getByLabelText('Profile name'), 'Production');
  await user.click(screen.getByLabelText('Account key'));
  await user.paste(ACCOUNT_KEY);
  await user.click(screen.getByLabelText('User key'));
  await user.paste(USER_KEY);
  await user.type(screen.getByLabelText('User key name'), 'ci-deploy-key');
  await user.click(screen.getByRole('button', { name: 'Save profile' }));

  const profile = within(await screen.findByRole('article', { name: 'Production' }));
  await openDetails(user, 'Production');
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Save profile' })).toBeNull());
  expect(document.body).not.toHaveTextContent(ACCOUNT_KEY);
  expect(document.body).not.toHaveTextContent(USER_KEY);
  const fp = await fingerprint(USER_KEY);
  expect(await profile.findByText(`${fp.hash}, ${fp.length} characters`)).toBeInTheDocument();
  expect(profile.getByText('ci-deploy-key')).toBeInTheDocument();
});

test('Show reveals a key (aria-pressed), Copy puts it on the clipboard and says Copied', async () => {
  const { user } = await viewWith([
    { name: 'Staging', accountKey: ACCOUNT_KEY, userKey: USER_KEY },
  ]);
  await openDetails(user, 'Staging');
  const profile = card('Staging');
  const [showAccount] = profile.getAllByRole('button', { name: 'Show' });
  expect(showAccount).toHaveAttribute('aria-pressed', 'false');
  await user.click(showAccount!);
  expect(showAccount).toHaveAttribute('aria-pressed', 'true');
  expect(showAccount).toHaveTextContent('Hide');
  expect(profile.getByText(ACCOUNT_KEY)).toBeInTheDocument();
  expect(document.body).not.toHaveTextContent(USER_KEY);

  const [, copyUser] = profile.getAllByRole('button', { name: 'Copy' });
  await user.click(copyUser!);
  expect(await navigator.clipboard.readText()).toBe(USER_KEY);
  expect(copyUser).toHaveTextContent('Copied');
  expect(profile.getByText('User key copied.')).toHaveAttribute('role', 'status');
});

test('a deleted profile can be brought back with Undo', async () => {
  const { user } = await viewWith([{ name: 'Old', accountKey: ACCOUNT_KEY, userKey: USER_KEY }]);
  await choose(user, 'Old', 'Delete');
  expect(await screen.findByText(/Deleted “Old”/)).toBeInTheDocument();
  await waitFor(() => expect(screen.queryByRole('article', { name: 'Old' })).toBeNull());
  await user.click(screen.getByRole('button', { name: 'Undo' }));
  expect(await screen.findByRole('article', { name: 'Old' })).toBeInTheDocument();
});

test('duplicate makes a copy; the filter narrows the list', async () => {
  const { user } = await viewWith([
    { name: 'Prod EU', accountKey: ACCOUNT_KEY, userKey: USER_KEY },
    { name: 'Staging', accountKey: ACCOUNT_KEY, userKey: `${USER_KEY}-2` },
  ]);
  await choose(user, 'Prod EU', 'Duplicate');
  expect(await screen.findByRole('article', { name: 'Prod EU (copy)' })).toBeInTheDocument();
  await user.type(screen.getByLabelText('Filter profiles'), 'prod');
  expect(screen.getAllByRole('article')).toHaveLength(2);
  expect(screen.getByText('2 of 3 profiles match')).toBeInTheDocument();
});

test('Check keys shows the checklist and what the profile learned', async () => {
  const owner = DEMO_PROFILES.find((p) => p.id === 'sandbox-owner')!;
  const { user } = await viewWith([
    {
      name: 'Sandbox owner',
      accountKey: owner.accountKey,
      userKey: owner.userKey,
      baseUrl: SANDBOX_BASE_URL,
    },
  ]);
  await choose(user, 'Sandbox owner', 'Check keys');
  const list = await screen.findByRole(
    'list',
    { name: 'Authentication checklist' },
    { timeout: 5000 },
  );
  expect(document.querySelector('[data-verdict]')).toHaveAttribute('data-verdict', 'ok');
  expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(5);
  await openDetails(user, 'Sandbox owner');
  const learned = await card('Sandbox owner').findByLabelText(
    'Learned from the API',
    {},
    { timeout: 2000 },
  );
  expect(learned).toHaveTextContent('1001');
  expect(learned).toHaveTextContent('Last seen from');
});

test('a save over a change made meanwhile offers Reload and Overwrite', async () => {
  const { user, store } = await viewWith([
    { name: 'Shared', accountKey: ACCOUNT_KEY, userKey: USER_KEY },
  ]);
  await choose(user, 'Shared', 'Edit');
  // Another tab saves the same profile first.
  const other = freshProfiles(store);
  await other.reload();
  const stored = other.profiles[0]!;
  await other.save({ ...stored, notes: 'from the other tab' });

  await user.type(screen.getByLabelText('Notes'), 'mine');
  await user.click(screen.getByRole('button', { name: 'Save profile' }));
  expect(await screen.findByText(/changed in another tab/)).toBeInTheDocument();
  expect(screen.getByLabelText('Notes')).toHaveValue('mine');
  await user.click(screen.getByRole('button', { name: 'Reload' }));
  expect(screen.getByLabelText('Notes')).toHaveValue('from the other tab');
  await user.type(screen.getByLabelText('Notes'), ', and mine');
  await user.click(screen.getByRole('button', { name: 'Save profile' }));
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Save profile' })).toBeNull());
  await openDetails(user, 'Shared');
  expect(await screen.findByText('from the other tab, and mine')).toBeInTheDocument();
});

test('a malformed import file says where it is wrong and changes nothing', async () => {
  const { user, profiles } = await viewWith([
    { name: 'Keep me', accountKey: ACCOUNT_KEY, userKey: USER_KEY },
  ]);
  const file = new File(['{\n  "format": "keycheck-profiles",\n  oops\n}'], 'bad.json', {
    type: 'application/json',
  });
  await user.upload(screen.getByLabelText('Import profiles'), file);
  const alert = await screen.findByText(/not valid JSON: the error is at line 3, column 3/);
  expect(alert).toHaveAttribute('role', 'alert');
  expect(profiles.profiles.map((p) => p.name)).toEqual(['Keep me']);
});

test('a record that fails validation is listed with what is wrong, never dropped', async () => {
  const store = freshStore();
  await setMany([['profile:broken', { schemaVersion: 2, id: 'broken', name: '' }]], store);
  render(ProfilesView, { profiles: freshProfiles(store) });
  const section = await screen.findByRole('region', { name: 'Kept aside (1)' });
  expect(section).toHaveTextContent('baseUrl');
  expect(within(section).getByRole('button', { name: 'Export' })).toBeEnabled();
});

test('turning encryption on says the keys of records kept aside are encrypted, not lost', async () => {
  const store = freshStore();
  await setMany(
    [
      [
        'profile:broken',
        {
          schemaVersion: 2,
          id: 'broken',
          name: '',
          keys: { accountKey: ACCOUNT_KEY, userKey: USER_KEY },
        },
      ],
    ],
    store,
  );
  const user = userEvent.setup();
  render(ProfilesView, { profiles: freshProfiles(store) });
  await screen.findByRole('region', { name: 'Kept aside (1)' });
  await user.click(screen.getByRole('button', { name: 'Turn on encryption…' }));
  const encryption = screen.getByRole('region', { name: 'Encryption' });
  expect(encryption).toHaveTextContent(/1 record is kept aside .* any keys in them are encrypted/);
  expect(encryption).toHaveTextContent('turning encryption off puts them back');
});

test('with encryption on, a new tab starts locked; a wrong passphrase changes nothing', async () => {
  const store = freshStore();
  const first = freshProfiles(store);
  await first.save({ name: 'Locked one', accountKey: ACCOUNT_KEY, userKey: USER_KEY });
  const repository = await first.repository();
  expect((await repository.vault.enable('correct horse battery')).ok).toBe(true);

  const user = userEvent.setup();
  render(ProfilesView, { profiles: freshProfiles(store) });
  const prompt = await screen.findByRole('region', { name: 'Unlock' });
  await user.type(within(prompt).getByLabelText('Passphrase'), 'wrong passphrase');
  await user.click(within(prompt).getByRole('button', { name: 'Unlock' }));
  expect(await within(prompt).findByRole('alert')).toHaveTextContent('not the right one');
  expect(card('Locked one').getByText('keys locked')).toBeInTheDocument();
  await openDetails(user, 'Locked one');
  expect(card('Locked one').getByText(/Locked: unlock/)).toBeInTheDocument();

  await user.clear(within(prompt).getByLabelText('Passphrase'));
  await user.type(within(prompt).getByLabelText('Passphrase'), 'correct horse battery');
  await user.click(within(prompt).getByRole('button', { name: 'Unlock' }));
  expect(await card('Locked one').findAllByRole('button', { name: 'Show' })).toHaveLength(2);
  expect(screen.queryByRole('region', { name: 'Unlock' })).toBeNull();
});
