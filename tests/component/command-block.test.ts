// A command to run in a terminal: shown as written (no marks), copied whole by its button.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import CommandBlock from '../../src/components/app/CommandBlock.svelte';
import RelayCommand from '../../src/components/app/RelayCommand.svelte';

test('Copy puts the whole command, line breaks included, on the clipboard and says so', async () => {
  const user = userEvent.setup();
  const command =
    'curl -O https://keycheck.example/relay.js\nnode relay.js --origin https://x.example';
  render(CommandBlock, { label: 'The relay command', command });
  const block = screen.getByLabelText('The relay command');
  expect(block.textContent).toBe(command);
  await user.click(screen.getByRole('button', { name: 'Copy The relay command' }));
  expect(await navigator.clipboard.readText()).toBe(command);
  expect(screen.getByRole('status')).toHaveTextContent('Copied.');
});

test("the relay command downloads this site's relay.js and starts it for this page", () => {
  render(RelayCommand);
  const origin = location.origin;
  expect(screen.getByLabelText('The relay command').textContent).toBe(
    `curl -O ${new URL('relay.js', document.baseURI).href}\nnode relay.js --origin ${origin}`,
  );
});
