// Where the site shows how to run keycheck.mjs: the Diagnose box's two lines per shell, for the
// site's own address, and the Playground's line on a failure a terminal would not meet.
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, expect, test } from 'vitest';
import { cliCommands, cliUrl } from '../../src/browser/keycheck-cli';
import RunItYourself from '../../src/components/diagnose/RunItYourself.svelte';
import RunInTerminal from '../../src/components/playground/RunInTerminal.svelte';

afterEach(() => cleanup());

test('the file is looked for beside the page, under a sub-path too, without its query or fragment', () => {
  expect(cliUrl('https://keycheck.example/tools/keycheck/?x=1#/diagnose')).toBe(
    'https://keycheck.example/tools/keycheck/keycheck.mjs',
  );
});

test('an address with a quote or a space is quoted for each shell', () => {
  const { posix, powershell } = cliCommands("https://example.com/it's here/keycheck.mjs");
  expect(posix[0]).toBe(`curl -O 'https://example.com/it'\\''s here/keycheck.mjs'`);
  expect(powershell[0]).toBe(
    "Invoke-WebRequest 'https://example.com/it''s here/keycheck.mjs' -OutFile keycheck.mjs",
  );
});

test('the Diagnose box gives the download and run lines for Linux/macOS and for PowerShell', () => {
  render(RunItYourself, {
    commands: cliCommands('https://keycheck.example/keycheck.mjs'),
  });
  expect(screen.getByRole('heading', { name: 'Ask the customer to run this' })).toBeVisible();
  expect(screen.getByLabelText('Commands for Linux or macOS (a terminal)').textContent).toBe(
    'curl -O https://keycheck.example/keycheck.mjs\nnode keycheck.mjs check',
  );
  expect(screen.getByLabelText('Commands for Windows (PowerShell)').textContent).toBe(
    'Invoke-WebRequest https://keycheck.example/keycheck.mjs -OutFile keycheck.mjs\nnode keycheck.mjs check',
  );
});

test.each([
  ['cors', true],
  ['unreachable', true],
  ['invalid-header-value', false],
  ['offline', false],
] as const)('the Playground line on a %s failure: shown %s', (kind, shown) => {
  render(RunInTerminal, { failure: { kind, message: '' } });
  expect(
    screen.queryByRole('complementary', { name: 'Run the check in a terminal' }) !== null,
  ).toBe(shown);
});
