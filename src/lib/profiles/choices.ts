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

/**
 * What each demo profile knows about its own key, as a user's profile would: the role of the
 * key's user and its allow list (demo-data.ts), so that a 403 is ranked as its lesson says.
 */
const DEMO_CONTEXT: Readonly<Record<string, DiagnoseContext>> = {
  'sandbox-owner': { keyRole: 'Owner' },
  'sandbox-viewer': { keyRole: 'Viewer' },
  'sandbox-logs-viewer': { keyRole: 'Logs viewer' },
  'sandbox-billing-admin': { keyRole: 'Billing admin' },
  'sandbox-member': { keyRole: 'Member' },
  'sandbox-ip-allow-list': { keyRole: 'Owner', declaredAllowList: ['10.0.0.0/24'] },
};

export const SANDBOX_CHOICES: readonly ProfileChoice[] = DEMO_PROFILES.map((p) => {
  const context = DEMO_CONTEXT[p.id];
  return {
    id: p.id,
    name: p.name,
    group: 'sandbox',
    baseUrl: SANDBOX_BASE_URL,
    accountKey: p.accountKey,
    userKey: p.userKey,
    lesson: p.lesson,
    ...(context ? { context } : {}),
  };
});
