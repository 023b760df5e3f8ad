import { SANDBOX_BASE_URL, type DiagnoseContext } from '../core/checklist';
// Only the demo pairs, not the whole sandbox: the Profile select needs them on first paint.
import { DEMO_PROFILES } from '../sandbox/demo-profiles';

/** A profile the Profile select can offer: the sandbox's demo pairs and the user's own. */
export interface ProfileChoice {
  id: string;
  name: string;
  group: 'sandbox' | 'mine';
  baseUrl: string;
  accountKey: string;
  userKey: string;
  /** One sentence on what the profile shows (sandbox profiles only). */
  lesson?: string;
  /** What the profile learned before and what the user told it, for `diagnose()`. */
  context?: DiagnoseContext;
  /** The keys are encrypted and this tab is locked: sending needs the passphrase first. */
  keysLocked?: boolean;
}

export const SANDBOX_CHOICES: readonly ProfileChoice[] = DEMO_PROFILES.map((p) => ({
  id: p.id,
  name: p.name,
  group: 'sandbox',
  baseUrl: SANDBOX_BASE_URL,
  accountKey: p.accountKey,
  userKey: p.userKey,
  lesson: p.lesson,
}));
