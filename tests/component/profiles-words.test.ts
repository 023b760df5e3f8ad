import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import ProfilesView from '../../src/components/profiles/ProfilesView.svelte';
import { ProfileTransfer } from '../../src/state/profiles/transfer.svelte';
import { ACCOUNT_KEY, freshProfiles, USER_KEY } from './profiles-helpers';

async function oneProfile() {
  const profiles = freshProfiles();
  await profiles.reload();
  expect(
    (await profiles.save({ name: 'Prod', accountKey: ACCOUNT_KEY, userKey: USER_KEY })).ok,
  ).toBe(true);
  const files: { name: string; text: string }[] = [];
  const transfer = new ProfileTransfer(profiles, (name, text) => files.push({ name, text }));
  return { profiles, transfer, files };
}

test('an export says "its keys" for one profile, and its file name says whether keys are in it', async () => {
  const { transfer, files } = await oneProfile();
  expect(await transfer.exportFile(true, 'correct horse', 'correct horse')).toBe(true);
  expect(transfer.notice).toBe('Exported 1 profile with its keys, encrypted.');
  expect(await transfer.exportFile(false)).toBe(true);
  expect(transfer.notice).toBe('Exported 1 profile, without keys.');
  const [withKeys, without] = files.map((f) => f.name);
  expect(withKeys).toMatch(/^keycheck-profiles-with-keys-\d{4}-\d\d-\d\d\.json$/);
  expect(without).toMatch(/^keycheck-profiles-without-keys-\d{4}-\d\d-\d\d\.json$/);
});

test('the import button counts only what it will import, and the result says so', async () => {
  const { profiles, transfer, files } = await oneProfile();
  await transfer.exportFile(false);
  const user = userEvent.setup();
  render(ProfilesView, { profiles });
  await screen.findByRole('list', { name: 'Profiles' });
  const file = new File([files[0]!.text], 'export.json', { type: 'application/json' });
  await user.upload(screen.getByLabelText('Import profiles'), file);
  // The one entry clashes with "Prod" and is skipped by default: nothing to import.
  const nothing = await screen.findByRole('button', {
    name: 'Nothing to import: every entry is skipped',
  });
  expect(nothing).toBeDisabled();
  await user.click(screen.getByRole('radio', { name: 'Keep both' }));
  const one = screen.getByRole('button', { name: 'Import 1 profile' });
  await user.click(one);
  expect(await screen.findByText('Imported 1 profile.')).toBeInTheDocument();
});
