import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import ProfilesView from '../../src/components/profiles/ProfilesView.svelte';
import { ACCOUNT_KEY, freshProfiles, fullProfiles, USER_KEY } from './profiles-helpers';

/** The problems shown beside a field: the text of what its aria-describedby points at. */
function describedText(field: HTMLElement): string {
  const ids = field.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

async function openForm(profiles = freshProfiles()) {
  const user = userEvent.setup();
  render(ProfilesView, { profiles });
  await screen.findByText(/No profiles yet/);
  await user.click(screen.getByRole('button', { name: 'New profile' }));
  return { user, profiles };
}

test('a pasted user key with a trailing newline is named beside the User key field', async () => {
  const { user } = await openForm();
  const userKey = screen.getByLabelText('User key');
  await user.click(userKey);
  await user.paste(`${USER_KEY}\n`);
  expect((userKey as HTMLTextAreaElement).value).toBe(`${USER_KEY}\n`);
  expect(userKey).toHaveAttribute('aria-invalid', 'true');
  expect(describedText(userKey)).toContain('U+000A LINE FEED');
  // The message names the character, never the key.
  expect(describedText(userKey)).not.toContain(USER_KEY);
  expect(screen.getByLabelText('Account key')).toHaveAttribute('aria-invalid', 'false');
});

test('a zero-width space in the account key is named with its position', async () => {
  const { user } = await openForm();
  const accountKey = screen.getByLabelText('Account key');
  await user.click(accountKey);
  await user.paste('acct\u200Bkey-1234');
  expect(describedText(accountKey)).toContain('U+200B ZERO WIDTH SPACE at character 5');
});

test('a name over 80 characters and an http URL that is not loopback are refused beside their fields', async () => {
  const { user } = await openForm();
  const name = screen.getByLabelText('Profile name');
  await user.click(name);
  await user.paste('x'.repeat(81));
  expect(name).toHaveAttribute('aria-invalid', 'true');
  expect(describedText(name)).toContain('80 characters or fewer (it has 81)');

  const baseUrl = screen.getByLabelText('API base URL');
  await user.clear(baseUrl);
  await user.type(baseUrl, 'http://api.example.com');
  expect(baseUrl).toHaveAttribute('aria-invalid', 'true');
  expect(describedText(baseUrl)).toMatch(/http:\/\/ sends the keys unencrypted/);

  await user.clear(baseUrl);
  await user.type(baseUrl, 'http://127.0.0.1:8080');
  expect(baseUrl).toHaveAttribute('aria-invalid', 'false');
});

test('saving an empty form says what is missing and moves focus to the first field', async () => {
  const { user } = await openForm();
  await user.click(screen.getByRole('button', { name: 'Save profile' }));
  const name = screen.getByLabelText('Profile name');
  expect(describedText(name)).toContain('Enter a profile name.');
  expect(describedText(screen.getByLabelText('User key'))).toContain('Enter the user key');
  expect(name).toHaveFocus();
});

test('a save the storage refuses says so and keeps everything typed', async () => {
  const { user } = await openForm(fullProfiles());
  await user.type(screen.getByLabelText('Profile name'), 'Production');
  await user.click(screen.getByLabelText('Account key'));
  await user.paste(ACCOUNT_KEY);
  await user.click(screen.getByLabelText('User key'));
  await user.paste(USER_KEY);
  await user.type(screen.getByLabelText('Notes'), 'EU account');
  await user.click(screen.getByRole('button', { name: 'Save profile' }));

  const alert = await screen.findByText(/storage is full, so the profile was not saved/);
  expect(alert).toHaveAttribute('role', 'alert');
  expect(screen.getByLabelText('Profile name')).toHaveValue('Production');
  expect(screen.getByLabelText('Account key')).toHaveValue(ACCOUNT_KEY);
  expect(screen.getByLabelText('User key')).toHaveValue(USER_KEY);
  expect(screen.getByLabelText('Notes')).toHaveValue('EU account');
  // The app goes on in memory and says that nothing will be kept.
  expect(await screen.findByText('Nothing will be kept.')).toBeInTheDocument();
});

test('the form keys are masked until shown', async () => {
  const { user } = await openForm();
  const userKey = screen.getByLabelText('User key');
  expect(userKey).toHaveClass('masked');
  const field = userKey.closest('.field') as HTMLElement;
  const toggle = within(field).getByRole('button', { name: 'Show' });
  expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await user.click(toggle);
  expect(within(field).getByRole('button', { name: 'Hide' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect(userKey).not.toHaveClass('masked');
});

test('unticking "Keep keys only in this tab" asks before the keys are stored', async () => {
  const profiles = freshProfiles();
  await profiles.save({
    name: 'Ticket 4711',
    accountKey: ACCOUNT_KEY,
    userKey: USER_KEY,
    keysInTabOnly: true,
  });
  const user = userEvent.setup();
  render(ProfilesView, { profiles });
  const card = await screen.findByRole('article', { name: 'Ticket 4711' });
  await user.click(within(card).getByRole('button', { name: 'Actions' }));
  await user.click(within(card).getByRole('menuitem', { name: 'Edit' }));
  await user.click(screen.getByLabelText('Keep keys only in this tab'));
  await user.click(screen.getByRole('button', { name: 'Save profile' }));
  expect(await screen.findByRole('alert')).toHaveTextContent(
    /kept only in this tab.*stores them in this browser in plain text/,
  );
  // Nothing was stored yet.
  expect(profiles.profiles[0]?.keysInTabOnly).toBe(true);

  await user.click(screen.getByRole('button', { name: 'Save profile' }));
  await expect.poll(() => profiles.profiles[0]?.keysInTabOnly).toBe(false);
});
