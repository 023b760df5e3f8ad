/**
 * The verdict the answer gives (DESIGN.md, "The checklist"), read from its kind: the verdict, the
 * item the answer itself points at, the answer in a few words for the headline's end, and the
 * action to take when no item is the cause. The items are judged on their own (`by-item/`);
 * this reads only which of them the answer points at.
 */
import type { ItemId, Verdict } from '../core/checklist';
import type { Answer } from './answer';
import { forbidden, notActive, strongerThanNotActive } from './by-item/forbidden';
import { redirectTarget } from './by-item/reached-api';
import { rankSuspects } from './by-item/suspects';
import { statusWords } from './status-words';
import { errorWords, isPermissionType, taskErrorStatus, taskType } from './task-line';
import {
  NOT_SENT_KINDS,
  failureLead,
  interceptedFailure,
  preflightRefused,
  preflightWords,
} from './transport';

export interface AnswerVerdict {
  verdict: Verdict;
  /** The item the answer itself points at, or null. */
  decisive: ItemId | null;
  /**
   * What the answer was, in a few words for the headline's end, e.g. "HTTP 401" or "no answer:
   * the browser is offline". Never repeats the verdict's own word.
   */
  lead: string;
  /** True when the answer shows the keys were accepted: request-stage fails then become warns. */
  authenticated: boolean;
  /** The action to take when no item is the cause (e.g. "Try again later"). */
  action?: string;
}

/** `HTTP 500 Internal Server Error`, without the reason when the body stated the status. */
const words = (a: Answer, status: number) =>
  statusWords(status, a.stated ? '' : a.response.statusText);

/** The verdict by the kind of answer, before what the request shows of the keys. */
function byKind(a: Answer): AnswerVerdict {
  const status = a.status ?? 0;
  const lead = `HTTP ${status}`;
  const none = { authenticated: false };
  switch (a.kind) {
    case 'not-given': {
      const pasted = a.exchange.source === 'pasted';
      return {
        ...none,
        verdict: pasted ? 'unknown' : 'not-sent',
        decisive: null,
        lead: pasted ? 'only the request is at hand' : 'not sent yet',
        action: pasted
          ? 'Paste the answer too (curl -i prints it with its status line): the request alone shows no condition'
          : 'Send the request to see how the API answers',
      };
    }
    case 'failure': {
      const kind = a.exchange.failure?.kind ?? 'unreachable';
      return {
        ...none,
        verdict: NOT_SENT_KINDS.has(kind)
          ? 'not-sent'
          : interceptedFailure(a.exchange)
            ? 'intercepted'
            : 'unreachable',
        decisive: 'reached-api',
        lead: failureLead(a.exchange),
      };
    }
    case 'preflight':
      return {
        ...none,
        verdict: preflightRefused(a) ? 'unreachable' : 'unknown',
        decisive: 'reached-api',
        lead: `OPTIONS preflight, ${preflightWords(a)}`,
      };
    case 'unshaped':
      return { ...none, verdict: 'unknown', decisive: 'endpoint', lead };
    case 'status-unknown':
      return {
        ...none,
        verdict: 'unknown',
        decisive: 'reached-api',
        lead: 'the pasted answer has no status line',
      };
    case 'redirect': {
      const location = redirectTarget(a);
      return {
        ...none,
        verdict: 'wrong-target',
        decisive: 'endpoint',
        lead: `${lead}${location ? ` to ${location}` : ''}`,
      };
    }
    case 'not-from-api': {
      const host = a.detail.endpoint.host || 'that address';
      return {
        ...none,
        verdict: 'wrong-target',
        decisive: 'endpoint',
        lead: a.status === null ? `answered by ${host}` : `HTTP ${a.status} from ${host}`,
      };
    }
    case 'task':
      return taskVerdict(a);
    case 'intercepted':
    case 'web-server':
      return {
        ...none,
        verdict:
          a.kind === 'intercepted' ? 'intercepted' : status >= 500 ? 'server-error' : 'unknown',
        decisive: 'reached-api',
        lead: a.status === null ? a.origin.evidence : `HTTP ${a.status}, ${a.origin.evidence}`,
      };
    case 'provider-crash':
      return { ...none, verdict: 'unknown', decisive: 'reached-api', lead: 'the provider crashed' };
    case 'unproven-success':
      return {
        ...none,
        verdict: 'unknown',
        decisive: 'reached-api',
        lead: `${statusWords(status, a.response.statusText)}, not shown to come from the API`,
      };
    case 'success': {
      const account =
        a.account?.accountId === undefined
          ? ''
          : `, account ${a.account.accountId}${a.account.accountName ? ` (${a.account.accountName})` : ''}`;
      return {
        verdict: 'ok',
        decisive: null,
        lead: `${words(a, status)}${account}`,
        authenticated: true,
        action:
          a.pendingTask !== null && a.verb !== 'GET'
            ? `Follow the task to its end (GET /v1/tasks/${a.pendingTask}): the API accepted the request, and whether the change is allowed and made shows there`
            : 'Nothing to fix: every condition held for this request',
      };
    }
    case 'auth-failed': {
      const first = rankSuspects(a.detail, a.context)[0]?.id ?? 'keys-valid';
      // The same values authenticated earlier in the paste: copying them again changes nothing.
      const changed = first === 'keys-valid' && a.context?.learned?.inPaste !== undefined;
      return {
        ...none,
        verdict: 'auth-failed',
        decisive: first,
        lead,
        ...(changed
          ? {
              action:
                'Check whether either key was deleted or regenerated since the attempt that worked (Access Management, API Keys)',
            }
          : {}),
      };
    }
    case 'forbidden': {
      if (notActive(a) && !strongerThanNotActive(a)) {
        return {
          ...none,
          verdict: 'forbidden',
          decisive: null,
          lead,
          action: `Check that what this ${a.verb} ${a.detail.endpoint.path} works on (its subscription, database or connection, where it has one) is active, then send again: this operation's 403 is documented as primarily a resource that is not active, ahead of the key's address or role`,
        };
      }
      const { first } = forbidden(a);
      return {
        ...none,
        verdict: 'forbidden',
        decisive: first,
        lead,
        ...(first === null
          ? {
              action:
                "Look at the 403's body for what it refused: as this profile knows them, the key's address and its role both allow this request",
            }
          : {}),
      };
    }
    case 'not-found': {
      const known = a.detail.endpoint.knownOperation;
      return {
        ...none,
        verdict: known === true ? 'request-error' : known === false ? 'wrong-target' : 'unknown',
        decisive: 'endpoint',
        lead,
      };
    }
    case 'refused':
      return {
        ...none,
        verdict: 'request-error',
        decisive: null,
        lead,
        action: `Fix the request's parameters or body: the API refused the request itself${status === 412 ? ' (a feature turned off for this account)' : ''}, and its body may say which part`,
      };
    case 'rate-limited':
      return { ...none, verdict: 'rate-limited', decisive: 'rate-limit', lead };
    case 'server-error':
      return {
        ...none,
        verdict: 'server-error',
        decisive: null,
        lead: words(a, status),
        action:
          status === 500
            ? 'Try again later: the API failed on its side; if it keeps failing, contact Redis support'
            : 'Try again later: the API, or a server in front of it, failed or is unavailable',
      };
    case 'other':
      return {
        ...none,
        // Only the statuses DESIGN.md names are the API refusing the request itself; any other
        // (408, 413, 415, ...) says nothing the checklist can act on.
        verdict: status === 405 ? 'wrong-target' : 'unknown',
        decisive: status === 405 ? 'endpoint' : null,
        lead: words(a, status),
        action:
          "Look at the answer's body for what it refused: this status says nothing about the keys",
      };
  }
}

/**
 * A failed task, whatever printed it: the API accepted the request, so the verdict follows the
 * task error's status (5xx `server-error`, 429 `rate-limited`, other or no status
 * `request-error`), and only a permission type makes it `forbidden`, the role as the cause.
 */
function taskVerdict(a: Answer): AnswerVerdict {
  const error = a.task ?? { type: 'UNKNOWN' };
  const base = { authenticated: true, lead: `task failed: ${errorWords(error)}` };
  if (isPermissionType(error.type))
    return { ...base, verdict: 'forbidden', decisive: 'role-permits' };
  const named = taskType(error) ? ` (${taskType(error)})` : '';
  const status = taskErrorStatus(error);
  if (status !== null && status >= 500) {
    return {
      ...base,
      verdict: 'server-error',
      decisive: null,
      action: `Run it again later: the API accepted the request, but its task failed on the API side${named}; if it keeps failing, contact Redis support`,
    };
  }
  if (status === 429) {
    return {
      ...base,
      verdict: 'rate-limited',
      decisive: null,
      action: `Wait for the account's running changes to finish, then run it again: the task failed with too many requests${named}`,
    };
  }
  return {
    ...base,
    verdict: 'request-error',
    decisive: null,
    action: `Fix what the task's error names${named}, then run it again: the keys authenticated, the operation itself failed`,
  };
}

/**
 * The answer's verdict. Where the answer is not shown to be the API's, nothing authenticated and
 * a refusal of the request itself is not shown (`unknown`, its action hedged); a bare 403 that is
 * likely the edge points at the connection; where the request shows no key, a verdict that needs
 * them (`ok`, `request-error`) is `unknown`.
 */
export function answerVerdict(a: Answer): AnswerVerdict {
  let result = byKind(a);
  const { endpoint } = a.detail;
  // A pasted request to another host or product, with no answer: the URL is wrong whatever
  // came back (or did not).
  if (
    (a.kind === 'not-given' || a.kind === 'failure') &&
    a.exchange.source === 'pasted' &&
    !a.keys.missing &&
    (endpoint.hostKind === 'enterprise' || endpoint.offTarget)
  ) {
    result = { ...result, verdict: 'wrong-target', decisive: 'endpoint' };
  }
  if (a.notShownFromApi) {
    result = { ...result, authenticated: false };
    if (result.verdict === 'request-error') {
      result = {
        ...result,
        verdict: 'unknown',
        action: `${result.action ?? "Fix the request's parameters or body"}; the answer does not show that the API sent it`,
      };
    }
  }
  if (a.edgeLikely) result = { ...result, decisive: 'reached-api' };
  if (a.keysUnshown) {
    const needsKeys = result.verdict === 'request-error' || result.verdict === 'ok';
    result = { ...result, verdict: needsKeys ? 'unknown' : result.verdict, authenticated: false };
    const status = a.exchange.response?.status ?? null;
    if (status !== null && status >= 200 && status < 300) {
      result.action =
        'Paste the request as it was sent, with its key headers: this one shows none, yet the API answered with success';
    }
  }
  // A host from a variable the paste does not fill in: where the request went comes first.
  if (a.detail.endpoint.hostKind === 'variable' && result.verdict === 'unknown') {
    result = { ...result, decisive: 'endpoint' };
  }
  return result;
}
