import { flushSync, hydrate, mount, type Component } from 'svelte';
import { FIRST_ROUTE, parseRoute } from '../lib/core/route';
import { HELD_SUBMIT, NOT_FIRST_SCREEN, PRERENDERED, STARTED } from './first-screen-marks';

/** The choices made in the drawn page's selects before the app started. */
function changedSelects(target: HTMLElement): [HTMLSelectElement, string][] {
  return [...target.querySelectorAll('select')]
    .filter((select) => {
      const drawn = [...select.options].find((option) => option.defaultSelected);
      return drawn !== undefined && select.value !== drawn.value;
    })
    .map((select) => [select, select.value]);
}

/**
 * Starts the app in `target`. The build prerenders the first screen into the page: on that
 * screen the app takes over the markup already drawn (hydration), so nothing redraws and what
 * was typed or chosen stays; on any other view (or in development, with nothing prerendered)
 * it draws afresh. Then it sends again any form sent before it started (before-start.ts).
 */
export function startApp(
  App: Component,
  target: HTMLElement,
  root: HTMLElement = document.documentElement,
  hash: string = location.hash,
): ReturnType<typeof mount> {
  const takeOver = target.hasAttribute(PRERENDERED) && parseRoute(hash).route === FIRST_ROUTE;
  target.removeAttribute(PRERENDERED);
  let app: ReturnType<typeof mount>;
  if (takeOver) {
    const chosen = changedSelects(target);
    app = hydrate(App, { target });
    flushSync();
    // Svelte keeps what was typed in an input, but sets a bound select back to its state:
    // choose again what the person chose, as a change the app hears.
    for (const [select, value] of chosen) {
      if (!select.isConnected || select.value === value) continue;
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
  } else {
    target.replaceChildren();
    app = mount(App, { target });
  }
  // Handlers attached and first effects run before anything is sent again.
  flushSync();
  root.setAttribute(STARTED, '');
  root.removeAttribute(NOT_FIRST_SCREEN);
  for (const form of target.querySelectorAll<HTMLFormElement>(`form[${HELD_SUBMIT}]`)) {
    form.removeAttribute(HELD_SUBMIT);
    form.requestSubmit();
  }
  return app;
}
