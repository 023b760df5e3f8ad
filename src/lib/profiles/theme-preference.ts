/** The chosen colour theme, in IndexedDB (never Web Storage: see DESIGN.md). */
import { get, set, type UseStore } from 'idb-keyval';
import { preferencesStore } from './preferences-store';
import { isThemeChoice, type ThemeChoice } from './theme-choice';

const KEY = 'theme';

/** The saved choice; `system` when none is saved or the record is not a known choice. */
export async function loadTheme(store: UseStore = preferencesStore()): Promise<ThemeChoice> {
  const value: unknown = await get(KEY, store);
  return isThemeChoice(value) ? value : 'system';
}

export function saveTheme(
  choice: ThemeChoice,
  store: UseStore = preferencesStore(),
): Promise<void> {
  return set(KEY, choice, store);
}
