import App from './App.svelte';
import './app.css';
import { startApp } from './browser/start-app';
import { appUpdate } from './state/app/app-update.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('Keycheck: the page has no #app element to mount into.');

export default startApp(App, target);

// Where service workers exist, keep an offline copy; a new version waits for the person's Reload.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  appUpdate.start().catch((error: unknown) => {
    // Not fatal: the app works as before, only without its offline copy.
    console.warn('Keycheck: the offline copy could not be set up.', error);
  });
}
