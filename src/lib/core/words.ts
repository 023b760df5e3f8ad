import type { ItemGroup, ItemStatus, Verdict } from './checklist';

/** Status words and icons: the word always shows, so colour is never the only signal. */
export const STATUS: Readonly<Record<ItemStatus, { word: string; icon: string }>> = {
  pass: { word: 'Pass', icon: '✓' },
  fail: { word: 'Fail', icon: '✗' },
  suspect: { word: 'Suspect', icon: '?' },
  warn: { word: 'Warning', icon: '!' },
  unknown: { word: 'Unknown', icon: '…' },
  skipped: { word: 'Skipped', icon: '–' },
};

export const VERDICT: Readonly<Record<Verdict, string>> = {
  ok: 'Authenticated',
  'auth-failed': 'Authentication failed',
  forbidden: 'Forbidden',
  'rate-limited': 'Rate limited',
  'request-error': 'The request itself was refused',
  'server-error': 'Server error',
  'wrong-target': 'Not sent to the Redis Cloud API',
  unreachable: 'No answer from the API',
  intercepted: 'Answered by something other than the API',
  'not-sent': 'Not sent',
  unknown: 'Cannot be told from what is at hand',
};

/**
 * How the verdict names its primary cause: item titles state the condition ("Both keys are
 * valid"), so "Fix first: Both keys are valid" would read as the opposite of what is meant.
 */
export const CAUSE_LABEL: Readonly<Record<ItemStatus, string>> = {
  fail: 'Condition not met',
  suspect: 'Most likely not met',
  warn: 'Worth fixing',
  unknown: 'Not shown by what is at hand',
  pass: 'Condition',
  skipped: 'Condition',
};

export const GROUP: Readonly<Record<ItemGroup, string>> = {
  request: 'The request',
  transport: 'Getting there',
  'condition-1': 'Condition 1',
  'condition-2': 'Condition 2',
  'condition-3': 'Condition 3',
  account: 'The account',
};
