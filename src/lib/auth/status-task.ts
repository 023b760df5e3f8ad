import type { TaskError } from '../api/task';
import { say } from './claims';
import { DOCS } from './docs-links';
import { makeItem } from './items';
import type { Judged } from './judged';

/** Task error types that name the role (seen: `USER_INSUFFICIENT_ROLE`). */
const ROLE_TYPE = /ROLE|PERMISSION|NOT_PERMITTED|NOT_ALLOWED/i;

/** `403` from `403 FORBIDDEN`, or null. */
function errorStatus(error: TaskError): number | null {
  const code = /^\s*(\d{3})\b/.exec(error.status ?? '')?.[1];
  return code ? Number(code) : null;
}

/** `403 FORBIDDEN SUBSCRIPTION_NOT_ACTIVE: Subscription is not active`, trimmed for one line. */
function errorWords(error: TaskError): string {
  const description = error.description?.replace(/\s+/g, ' ').trim().slice(0, 200);
  return `${error.status ? `${error.status.trim().slice(0, 40)} ` : ''}${error.type.slice(0, 80)}${description ? `: ${description}` : ''}`;
}

/**
 * A 2xx task report in `processing-error` (FACTS.md: a failed task is an HTTP 200 whose
 * `response.error` holds `{type, status, description}`): `success` holds the items for the task
 * request itself, which authenticated; this judges the failed operation from the task's error.
 * A role type is `forbidden` with the role as the cause; `UNAUTHORIZED` or a 401/403 status is
 * `forbidden` with the role as the likely cause; a 5xx is `server-error`; anything else is
 * `request-error` with the error's own words as the action.
 */
export function judgeFailedTask(success: Judged, error: TaskError): Judged {
  const items = { ...success.items };
  const words = errorWords(error);
  const status = errorStatus(error);
  const reached = { ...items['reached-api'] };
  reached.explanation = `${reached.explanation} ${say('failedTask')} This task failed with ${words}.`;
  reached.docs = DOCS.tasks;
  items['reached-api'] = reached;
  const base = { ...success, items, authenticated: true, lead: `task failed: ${words}` };
  const role = ROLE_TYPE.test(error.type);
  if (role || /^UNAUTHORIZED$/i.test(error.type) || status === 401 || status === 403) {
    if (!role && status === 403 && !/UNAUTHORI[SZ]ED|FORBIDDEN$/i.test(error.type)) {
      // e.g. SUBSCRIPTION_NOT_ACTIVE: the API document's other 403 text, about the resource.
      return {
        ...base,
        verdict: 'request-error',
        decisive: null,
        action: `Fix what the task's error names before asking again (${error.type.slice(0, 80)}): the keys authenticated, the operation itself failed`,
      };
    }
    items['role-permits'] = makeItem('role-permits', role ? 'fail' : 'suspect', {
      summary: role
        ? `The operation failed with ${error.type.slice(0, 80)}: the key's role may not do it.`
        : `Likely: the operation failed with ${error.type.slice(0, 80)}, though the keys that read this task authenticated.`,
      explanation: `${say('roles')} The task request itself authenticated, so the failed operation was refused for what it asked, not for the keys.${role ? '' : ` ${say('roleGets403')}`}`,
      fix: "Ask again with a key whose user has a role that allows this operation (an Owner for writes); check the user's role in the console (Access Management).",
      docs: DOCS.accessManagement,
      ...(role ? {} : { rank: 1 }),
    });
    return { ...base, verdict: 'forbidden', decisive: 'role-permits' };
  }
  if (status !== null && status >= 500) {
    return {
      ...base,
      verdict: 'server-error',
      decisive: null,
      action:
        'Try again later: the task failed on the API side; if it keeps failing, contact Redis support',
    };
  }
  return {
    ...base,
    verdict: 'request-error',
    decisive: null,
    action: `Fix what the task's error names before asking again (${error.type.slice(0, 80)}): the keys authenticated, the operation itself failed`,
  };
}
