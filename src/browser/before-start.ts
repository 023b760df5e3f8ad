/**
 * Inlined into the built index.html (scripts/first-screen.js): it runs before the first paint,
 * while the app's script is still loading, so the prerendered Send button works from the moment
 * it is on screen.
 */
import { FIRST_ROUTE, parseRoute } from '../lib/core/route';
import { HELD_SUBMIT, NOT_FIRST_SCREEN, STARTED } from './first-screen-marks';

const root = document.documentElement;

// The build prerenders the Playground; an address naming another view hides it until that view
// is drawn, rather than flashing the wrong page. Once the app has started, views are its own.
const hideUnlessFirstScreen = () => {
  if (root.hasAttribute(STARTED)) return;
  root.toggleAttribute(NOT_FIRST_SCREEN, parseRoute(location.hash).route !== FIRST_ROUTE);
};
hideUnlessFirstScreen();
addEventListener('hashchange', hideUnlessFirstScreen);

// A form sent before the app started (Send, or Enter in the path) is held, not lost: the app
// sends it again once it has started, with what was typed meanwhile.
document.addEventListener(
  'submit',
  (event) => {
    if (root.hasAttribute(STARTED) || !(event.target instanceof HTMLFormElement)) return;
    event.preventDefault();
    event.target.setAttribute(HELD_SUBMIT, '');
  },
  true,
);
