import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createStore } from 'idb-keyval';
import PlaygroundView from '../../src/components/playground/PlaygroundView.svelte';
import { createHistoryStore } from '../../src/lib/profiles/history';
import { createSandbox, type Sandbox } from '../../src/lib/sandbox';
import { Playground, type PlaygroundOptions } from '../../src/state/playground/playground.svelte';
import { SANDBOX_CHOICES } from '../../src/lib/profiles/choices';

let stores = 0;

/** A Playground over the demo profiles with its own sandbox, clock and history database. */
export function setup(options: PlaygroundOptions = {}) {
  const clock = { now: 1_737_100_000_000 };
  const sandbox: Sandbox = createSandbox({ now: () => clock.now });
  const writes: string[] = [];
  const playground = new Playground(() => SANDBOX_CHOICES, undefined, {
    sandbox,
    history: createHistoryStore(createStore(`playground-history-${++stores}`, 'h')),
    // Polling waits move the sandbox's clock instead of the test's.
    task: {
      now: () => clock.now,
      sleep: (ms) => {
        clock.now += ms;
        return Promise.resolve();
      },
    },
    clipboard: () => ({
      writeText: (text) => {
        writes.push(text);
        return Promise.resolve();
      },
    }),
    ...options,
  });
  const user = userEvent.setup();
  render(PlaygroundView, { playground });
  return { playground, user, clock, sandbox, writes };
}

export const checklist = () =>
  screen.findByRole('list', { name: 'Authentication checklist' }, { timeout: 5000 });

export async function item(id: string) {
  const list = within(await checklist());
  const found = list.getAllByRole('listitem').find((li) => li.dataset.condition === id);
  if (!found) throw new Error(`no checklist item ${id}`);
  return found;
}

export const verdict = () => document.querySelector('[data-verdict]');
