/**
 * The rules of the three conditions a 401 leaves open (`keys-valid`, `same-account`,
 * `api-enabled`; FACTS.md, "When a request authenticates", "Preconditions", "Unknown"): a 401
 * does not say which failed (claim sameAnswerFor401), so each stays `suspect`, ranked in this
 * order of rules: a request-stage problem with the keys puts `keys-valid` first; a profile that
 * authenticated before raises `api-enabled` (claims apiOffByDefault, disabledApi401) and lowers
 * `same-account`; otherwise keys, then the pair, then API access.
 */
import type { DiagnoseContext } from '../../core/checklist';
import type { Answer } from '../answer';
import { say } from '../claims';
import { makeItem } from '../items';
import type { PreflightDetail } from '../preflight';
import type { Rule } from '../rule';

export type Suspect = 'keys-valid' | 'same-account' | 'api-enabled';

export interface Score {
  id: Suspect;
  score: number;
  reasons: string[];
}

function learnedWords(context: DiagnoseContext | undefined): string | null {
  const learned = context?.learned;
  if (!learned) return null;
  const account =
    learned.accountId === undefined
      ? ''
      : ` for account ${learned.accountId}${learned.accountName ? ` (${learned.accountName})` : ''}`;
  if (learned.inPaste) return `The same keys authenticated in ${learned.inPaste}${account}`;
  if (learned.at === undefined && learned.accountId === undefined) return null;
  return `This profile authenticated before${account}${learned.at ? ` at ${learned.at}` : ''}`;
}

/** The request-stage problem with the keys as sent, if any, for the ranking's reasons. */
function keyProblem(detail: PreflightDetail): string | null {
  const [account, user, values] = detail.items;
  const bad =
    [values, account, user].find((i) => i.status === 'fail') ??
    (values.status === 'warn' ? values : undefined);
  return bad ? bad.summary : null;
}

/**
 * Ranks the three conditions a 401 leaves open. A 401 does not say which failed (FACTS.md,
 * "Unknown"), so the order rests on the request stage and the profile's history, and each
 * item says why it sits where it does.
 */
export function rankSuspects(
  detail: PreflightDetail,
  context: DiagnoseContext | undefined,
): Score[] {
  const keys: Score = {
    id: 'keys-valid',
    score: 3,
    reasons: [
      'A key that is mistyped, badly copied, deleted or regenerated is likely the most common cause of a 401; the user key is shown only once, so its copies go wrong more often.',
    ],
  };
  const pair: Score = {
    id: 'same-account',
    score: 2,
    reasons: [
      'People who hold keys for several accounts pair an account key with a user key of another account.',
    ],
  };
  const enabled: Score = {
    id: 'api-enabled',
    score: 1,
    reasons: [
      `${say('apiOffByDefault')} An account key therefore exists only where the API was enabled once; this fails only if an account owner has disabled the API since. ${say('disabledApi401')}`,
    ],
  };
  const problem = keyProblem(detail);
  if (problem) {
    keys.score += 10;
    keys.reasons.unshift(`The request stage found a problem with the keys as sent: ${problem}`);
  }
  const before = learnedWords(context);
  if (before) {
    enabled.score += 1.7;
    enabled.reasons.unshift(
      `${before}: when a pair that worked stops working, the API disabled since, or a key deleted or regenerated since, are the likely changes.`,
    );
    pair.score -= 1.5;
    pair.reasons.unshift(
      `${before}, so this pair belonged to one account then; only a key replaced since could break that.`,
    );
  }
  return [keys, pair, enabled].sort((a, b) => b.score - a.score);
}

export const SUSPECT_TEXT: Readonly<Record<Suspect, { summary: string; fix: string }>> = {
  'keys-valid': {
    summary: 'Possible: one of the keys is wrong.',
    fix: 'Check each key against its source: the account key can be viewed again in the console; the user key cannot be shown again, so if in doubt create a new user key and use it.',
  },
  'same-account': {
    summary: 'Possible: the user key belongs to another account than the account key.',
    fix: "Take both keys from the same account: that account's account key, and a user key created in that account.",
  },
  'api-enabled': {
    summary: 'Possible: API access is disabled on the account.',
    fix: 'Ask an account owner to check in the console (Access Management, API Keys) that the API is enabled.',
  },
};

const KEYS_CHANGED_SINCE =
  'Check in the console (Access Management, API Keys) whether either key was deleted or regenerated since the attempt that worked, and use the current one: the same values authenticated before, so copying them again will not help.';

/** The rule of a 401 for one of the three suspects: `suspect`, at its rank, saying why. */
export function suspectOn401(id: Suspect): Rule {
  return {
    name: 'a 401',
    claim: 'sameAnswerFor401',
    when: (a: Answer) => a.kind === 'auth-failed',
    item: (a: Answer) => {
      const ranked = rankSuspects(a.detail, a.context);
      const index = ranked.findIndex((s) => s.id === id);
      const text = SUSPECT_TEXT[id];
      // The same values authenticated earlier in the paste: copying them again changes nothing;
      // a key deleted or regenerated since is what a wrong key can be now.
      const sameKeysWorked = id === 'keys-valid' && a.context?.learned?.inPaste !== undefined;
      return makeItem(id, 'suspect', {
        summary: `${text.summary} Ranked ${index + 1} of 3.`,
        explanation: `${say('status401')} ${say('sameAnswerFor401')} ${ranked[index]?.reasons.join(' ') ?? ''}`,
        fix: sameKeysWorked ? KEYS_CHANGED_SINCE : text.fix,
        rank: index + 1,
      });
    },
  };
}
