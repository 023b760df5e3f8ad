import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createStore, type UseStore } from 'idb-keyval';
import { flushSync } from 'svelte';
import { expect, test } from 'vitest';
import WalkthroughView from '../../src/components/walkthrough/WalkthroughView.svelte';
import {
  clearProgress,
  loadProgress,
  saveProgress,
} from '../../src/lib/profiles/walkthrough-progress';
import { runTrial } from '../../src/lib/walkthrough/run';
import { STEPS } from '../../src/lib/walkthrough/steps';
import { Router } from '../../src/state/app/router.svelte';
import { Walkthrough, type ProgressStore } from '../../src/state/walkthrough/walkthrough.svelte';

let storeCount = 0;
/** A fresh IndexedDB database per test: idb-keyval caches its connections. */
function progressStore(): { store: UseStore; progress: ProgressStore } {
  const store = createStore(`walkthrough-test-${++storeCount}`, 'preferences');
  return {
    store,
    progress: {
      load: (n) => loadProgress(n, store),
      save: (p) => saveProgress(p, store),
      clear: () => clearProgress(store),
    },
  };
}

test('Next and Previous stay within the ten steps; go clamps', () => {
  const w = new Walkthrough(STEPS, progressStore().progress, runTrial);
  expect(w.steps).toHaveLength(10);
  expect(w.step).toBe(1);
  w.go(0);
  expect(w.step).toBe(1);
  w.go(4);
  expect(w.current.title).toBe('The first request: GET /v1/');
  w.go(99);
  expect(w.step).toBe(10);
  expect(w.parseStep('7')).toBe(7);
  expect(w.parseStep('11')).toBeNull();
  expect(w.parseStep('2x')).toBeNull();
  expect(w.parseStep(undefined)).toBeNull();
});

test('every trial gives the verdict its step promises', async () => {
  const w = new Walkthrough(STEPS, progressStore().progress, runTrial);
  for (const [i, step] of STEPS.entries()) {
    w.go(i + 1);
    for (const trial of step.trials) {
      await w.tryIt(trial.id);
      expect(w.error, trial.id).toBeNull();
      expect(w.result?.checklist.verdict, trial.id).toBe(trial.expected);
    }
    expect(w.isDone(i + 1)).toBe(true);
  }
  expect(w.done).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});

test('progress survives a new instance on the same store; a deep link wins over it', async () => {
  const { progress, store } = progressStore();
  const first = new Walkthrough(STEPS, progress, runTrial);
  first.go(5);
  await first.tryIt('wrong-user-key');
  expect(first.done).toEqual([5]);

  const again = new Walkthrough(STEPS, progress, runTrial);
  await again.load();
  expect(again.step).toBe(5);
  expect(again.done).toEqual([5]);

  const linked = new Walkthrough(STEPS, progress, runTrial);
  await linked.load(7);
  expect(linked.step).toBe(7);
  expect(linked.done).toEqual([5]);
  // Never the created key's value: progress holds step numbers only.
  expect(await loadProgress(10, store)).toEqual({ step: 5, done: [5] });
});

test('reset forgets progress and returns to step 1', async () => {
  const { progress } = progressStore();
  const w = new Walkthrough(STEPS, progress, runTrial);
  w.go(4);
  await w.tryIt('first-request');
  await w.reset();
  expect(w.step).toBe(1);
  expect(w.done).toEqual([]);
  expect(w.result).toBeNull();
  const again = new Walkthrough(STEPS, progress, runTrial);
  await again.load();
  expect(again.step).toBe(1);
  expect(again.done).toEqual([]);
});

test('a created key is shown once: leaving the step drops it', async () => {
  const w = new Walkthrough(STEPS, progressStore().progress, runTrial);
  w.go(3);
  await w.tryIt('create-user-key');
  expect(w.result?.createdKey?.value).toMatch(/^demo-uk-[0-9a-f]{12}$/);
  w.go(4);
  w.go(3);
  expect(w.result).toBeNull();
});

test('the view: Try it shows the checklist and the inside view; Next moves focus to the heading', async () => {
  const user = userEvent.setup();
  location.hash = '#/walkthrough/6';
  const w = new Walkthrough(STEPS, progressStore().progress, runTrial);
  render(WalkthroughView, { walkthrough: w, router: new Router() });
  const heading = await screen.findByRole('heading', { name: /^Step 6 of 10/ });
  await user.click(screen.getByRole('button', { name: 'Try it' }));
  await screen.findByRole('list', { name: 'Authentication checklist' });
  expect(document.querySelector('[data-verdict]')).toHaveAttribute('data-verdict', 'auth-failed');
  expect(
    screen.getByRole('complementary', { name: "The sandbox's inside view" }),
  ).toHaveTextContent('2002');
  const steps = screen.getByRole('navigation', { name: 'Walkthrough steps' });
  expect(within(steps).getByRole('link', { current: 'step' })).toHaveTextContent(
    'Keys from two accounts',
  );
  await user.click(screen.getByRole('button', { name: 'Next' }));
  // The hash change arrives as an event; the view then shows step 7 and focuses its heading.
  await screen.findByRole('heading', { name: /^Step 7 of 10/ });
  flushSync();
  // The same heading, now for step 7, has the focus.
  expect(document.activeElement).toBe(heading);
  expect(document.activeElement).toHaveTextContent(/^Step 7 of 10/);
  expect(location.hash).toBe('#/walkthrough/7');
});
