/**
 * A small IndexedDB store of its own for preferences (the theme, walkthrough progress): kept
 * apart from the profiles' database so neither can break the other's schema.
 */
import { createStore, type UseStore } from 'idb-keyval';

let store: UseStore | undefined;

/** The app's preferences store, opened on first use. */
export function preferencesStore(): UseStore {
  store ??= createStore('keycheck-preferences', 'preferences');
  return store;
}
