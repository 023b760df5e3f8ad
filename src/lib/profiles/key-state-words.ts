import type { KeyState } from './schema';

/** Why a profile's keys are not at hand, for a person: said in its row and in its details. */
export const KEY_STATE: Record<Exclude<KeyState, 'available'>, string> = {
  locked: 'Locked: unlock with your passphrase to use them.',
  'tab-closed':
    'Not in this tab: they were kept only in the memory of the tab they were entered in, and a reload drops them. Edit to enter them again.',
  none: 'Not given: edit to enter them.',
};

/** The same, in a word or two for a compact row. */
export const KEY_STATE_SHORT: Record<Exclude<KeyState, 'available'>, string> = {
  locked: 'keys locked',
  'tab-closed': 'keys not in this tab',
  none: 'no keys',
};
