import type { TaskError } from '../api/task';
import type { ReceivedResponse } from '../core/exchange';
import { say } from './claims';
import { DOCS } from './docs-links';
import { isPermissionType, roleOnFailedTask } from './rules-role-permits';
import { makeItem } from './items';
import type { Judged } from './judged';
import { rateLimitNotHit, rateLimitTaskRefused } from './rules-rate-limit';

/** `403` from `403 FORBIDDEN`, or null. */
function errorStatus(error: TaskError): number | null {
  const code = /^\s*(\d{3})\b/.exec(error.status ?? '')?.[1];
  return code ? Number(code) : null;
}

/** `403 FORBIDDEN SUBSCRIPTION_NOT_ACTIVE: Subscription is not active`, trimmed for one line. */
function errorWords(error: TaskError): string {
  const description = error.description?.replace(/\s+/g, ' ').trim().slice(0, 200);
  const type = error.type === 'UNKNOWN' ? '' : error.type.slice(0, 80);
  const parts = `${error.status ? `${error.status.trim().slice(0, 40)} ` : ''}${type}`.trim();
  return `${parts || 'processing-error'}${description ? `: ${description}` : ''}`;
}

const HELD = ['keys-valid', 'same-account', 'source-ip', 'api-enabled'] as const;

/**
 * The one judge of a failed task, whatever printed it (`failedTaskIn`): the API accepted the
 * request and made a task, so the keys, the account, the address and API access held; the
 * verdict follows the task error's status (5xx `server-error`, 429 `rate-limited`, other or no
 * status `request-error`), and only a permission type (`isPermissionType`) makes it `forbidden`
 * with the role as the cause. Never `ok`.
 */
export function judgeFailedTask(response: ReceivedResponse, error: TaskError): Judged {
  const items = {} as Judged['items'];
  const words = errorWords(error);
  const status = errorStatus(error);
  items['reached-api'] = makeItem('reached-api', 'pass', {
    summary: `The API reported a failed task: ${words}.`,
    explanation: `${say('failedTask')} ${say('failedTaskAuthenticated')}`,
    docs: DOCS.tasks,
  });
  const accepted = `${say('failedTaskAuthenticated')}`;
  for (const id of HELD) {
    items[id] = makeItem(id, 'pass', {
      summary: 'Holds: the API accepted the request and made a task.',
      explanation: accepted,
    });
  }
  items['rate-limit'] = rateLimitNotHit(response, 200);
  const base = { items, authenticated: true, lead: `task failed: ${words}` };
  const type = error.type === 'UNKNOWN' ? '' : error.type.slice(0, 80);
  if (isPermissionType(error.type)) {
    items['role-permits'] = roleOnFailedTask(type, true);
    return { ...base, verdict: 'forbidden', decisive: 'role-permits' };
  }
  items['role-permits'] = roleOnFailedTask(type, false);
  const named = type ? ` (${type})` : '';
  if (status !== null && status >= 500) {
    return {
      ...base,
      verdict: 'server-error',
      decisive: null,
      action: `Run it again later: the API accepted the request, but its task failed on the API side${named}; if it keeps failing, contact Redis support`,
    };
  }
  if (status === 429) {
    items['rate-limit'] = rateLimitTaskRefused(named);
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
