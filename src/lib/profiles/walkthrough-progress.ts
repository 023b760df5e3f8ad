/**
 * Walkthrough progress in IndexedDB: the step a person is on and the steps they have tried.
 * Holds no key value, not even the one a step creates and shows once.
 */
import { del, get, set, type UseStore } from 'idb-keyval';
import { preferencesStore } from './preferences-store';

export interface WalkthroughProgress {
  /** 1-based. */
  step: number;
  /** 1-based step numbers whose trial gave the expected verdict, ascending. */
  done: number[];
}

const KEY = 'walkthrough-progress';

/**
 * Reads the saved progress, or null when there is none or it is not a progress record within
 * `stepCount` steps (a record from another version is dropped rather than trusted).
 */
export async function loadProgress(
  stepCount: number,
  store: UseStore = preferencesStore(),
): Promise<WalkthroughProgress | null> {
  const value: unknown = await get(KEY, store);
  if (typeof value !== 'object' || value === null) return null;
  const { step, done } = value as Record<string, unknown>;
  const inRange = (n: unknown): n is number =>
    Number.isInteger(n) && (n as number) >= 1 && (n as number) <= stepCount;
  if (!inRange(step) || !Array.isArray(done)) return null;
  return { step, done: [...new Set(done.filter(inRange))].sort((a, b) => a - b) };
}

export function saveProgress(
  progress: WalkthroughProgress,
  store: UseStore = preferencesStore(),
): Promise<void> {
  return set(KEY, { step: progress.step, done: [...progress.done] }, store);
}

export function clearProgress(store: UseStore = preferencesStore()): Promise<void> {
  return del(KEY, store);
}
