/**
 * The first screen as HTML, rendered at build time (scripts/first-screen.js) so the Playground is
 * on screen before the app's script has loaded. The app hydrates it (browser/start-app.ts).
 */
import { render } from 'svelte/server';
import App from './App.svelte';

export function renderFirstScreen(): string {
  return render(App).body;
}
