/**
 * The attributes that pass the first screen from the build to the app. The build prerenders the
 * Playground into index.html and inlines a small script (before-start.ts) that runs before the
 * first paint; the app's own script (start-app.ts) takes over from it.
 */

/** On `#app`: it holds the first screen as the build rendered it, ready to hydrate. */
export const PRERENDERED = 'data-prerendered';
/** On `<html>`: the address names another view, so the prerendered Playground stays hidden. */
export const NOT_FIRST_SCREEN = 'data-not-first-screen';
/** On `<html>`: the app has started; forms are its own from then on. */
export const STARTED = 'data-started';
/** On a `<form>`: sent before the app started, and sent again once it has. */
export const HELD_SUBMIT = 'data-held-submit';
