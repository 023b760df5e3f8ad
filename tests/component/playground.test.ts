import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import PlaygroundView from '../../src/components/playground/PlaygroundView.svelte';
import { Playground } from '../../src/state/playground/playground.svelte';

const bodyText = () => (screen.getByLabelText('Response body') as HTMLTextAreaElement).value;

async function sendWith(profileName: string) {
  const user = userEvent.setup();
  render(PlaygroundView, { playground: new Playground() });
  await user.selectOptions(
    screen.getByLabelText('Profile'),
    screen.getByRole('option', { name: profileName }),
  );
  await user.click(screen.getByRole('button', { name: 'Send' }));
  return within(
    await screen.findByRole('list', { name: 'Authentication checklist' }, { timeout: 5000 }),
  );
}

test('the profile select offers the sandbox profiles in their own group', () => {
  render(PlaygroundView, { playground: new Playground() });
  const select = screen.getByLabelText('Profile');
  const group = within(select).getByRole('group', { name: 'Sandbox (simulated API)' });
  expect(
    within(group).getByRole('option', { name: 'Sandbox: valid Owner key' }),
  ).toBeInTheDocument();
  expect(within(group).getAllByRole('option').length).toBeGreaterThanOrEqual(6);
});

test('a valid pair shows every condition passing and the account it reached', async () => {
  const list = await sendWith('Sandbox: valid Owner key');
  expect(list.getAllByRole('listitem')).toHaveLength(11);
  const item = (id: string) =>
    list.getAllByRole('listitem').find((li) => li.dataset.condition === id);
  expect(item('keys-valid')?.dataset.status).toBe('pass');
  expect(item('same-account')?.dataset.status).toBe('pass');
  expect(document.querySelector('[data-verdict]')).toHaveAttribute('data-verdict', 'ok');
  const details = screen.getByRole('region', { name: 'Response details' });
  expect(details).toHaveTextContent('200');
  expect(bodyText()).toContain('"accountId": 1001');
});

test('the nginx 401 page is shown as text, never rendered as HTML', async () => {
  await sendWith('Sandbox: wrong user key');
  const details = screen.getByRole('region', { name: 'Response details' });
  expect(bodyText()).toContain('<title>401 Authorization Required</title>');
  expect(details.querySelector('title, center')).toBeNull();
  expect(document.querySelector('[data-verdict]')).toHaveAttribute('data-verdict', 'auth-failed');
});

test("the sandbox's inside view names the account the user key belongs to", async () => {
  await sendWith('Sandbox: user key from another account');
  const inside = screen.getByRole('complementary', { name: "The sandbox's inside view" });
  expect(inside).toHaveTextContent('2002');
});
