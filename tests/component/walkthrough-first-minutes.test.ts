// The first minutes around the walkthrough: the theme choice and the new-version offer.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createStore } from 'idb-keyval';
import { expect, test, vi } from 'vitest';
import ThemeToggle from '../../src/components/app/ThemeToggle.svelte';
import UpdatePrompt from '../../src/components/app/UpdatePrompt.svelte';
import { loadTheme, saveTheme } from '../../src/lib/profiles/theme-preference';
import { AppUpdate, type RegisterServiceWorker } from '../../src/state/app/app-update.svelte';
import { Theme, type ThemeStore } from '../../src/state/app/theme.svelte';

let count = 0;
function themeStore(): ThemeStore {
  const store = createStore(`theme-test-${++count}`, 'preferences');
  return { load: () => loadTheme(store), save: (c) => saveTheme(c, store) };
}

test('the Theme select sets data-theme and keeps the choice for the next visit', async () => {
  const user = userEvent.setup();
  const root = document.createElement('html');
  const store = themeStore();
  render(ThemeToggle, { theme: new Theme(root, store) });
  const select = screen.getByLabelText('Theme');
  await vi.waitFor(() => expect(select).toHaveValue('system'));
  expect(root).not.toHaveAttribute('data-theme');
  await user.selectOptions(select, 'Dark');
  expect(root).toHaveAttribute('data-theme', 'dark');

  const next = new Theme(document.createElement('html'), store);
  await next.load();
  expect(next.choice).toBe('dark');
  await next.set('system');
  await next.load();
  expect(next.choice).toBe('system');
});

test('a choice made while the saved one loads is not overwritten by it', async () => {
  let release: (c: 'light') => void = () => undefined;
  const slow: ThemeStore = {
    load: () => new Promise((resolve) => (release = resolve)),
    save: () => Promise.resolve(),
  };
  const root = document.createElement('html');
  const theme = new Theme(root, slow);
  const loading = theme.load();
  await theme.set('dark');
  release('light');
  await loading;
  expect(theme.choice).toBe('dark');
  expect(root).toHaveAttribute('data-theme', 'dark');
});

test('a new version is offered, and swapped in only when the person chooses Reload', async () => {
  const user = userEvent.setup();
  const activate = vi.fn(() => Promise.resolve());
  let needRefresh: (() => void) | undefined;
  const register: RegisterServiceWorker = (options) => {
    needRefresh = options.onNeedRefresh;
    return Promise.resolve(activate);
  };
  const update = new AppUpdate(register);
  render(UpdatePrompt, { appUpdate: update });
  await update.start();
  expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();

  needRefresh?.();
  await screen.findByText('A new version of Keycheck is ready.');
  await user.click(screen.getByRole('button', { name: 'Later' }));
  expect(screen.queryByText('A new version of Keycheck is ready.')).toBeNull();
  expect(activate).not.toHaveBeenCalled();

  needRefresh?.();
  await user.click(await screen.findByRole('button', { name: 'Reload' }));
  expect(activate).toHaveBeenCalledWith(true);
});
