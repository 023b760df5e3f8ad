import type { ReceivedResponse } from '../core/exchange';
import type { ChecklistItem } from '../core/checklist';
import { DOCS } from './docs-links';
import { makeItem } from './items';
import type { AnswerItemId, Judged } from './judged';
import { ANSWER_ITEMS } from './judged';
import type { PreflightDetail } from './preflight';
import { rateLimitNotHit, reachedItem, statusWords, unknownAll } from './answer-common';
import { BODY_WORDS, bodyKind, responseHeader, springErrorPath } from './response-body';

const CONDITIONS = ['keys-valid', 'same-account', 'source-ip', 'api-enabled'] as const;

function passAll(items: Judged['items'], status: number): void {
  const why = `The API answers ${status} after a request authenticated: it judged the request itself, not the keys.`;
  for (const id of CONDITIONS) {
    items[id] = makeItem(id, 'pass', {
      summary: `Holds: the answer was ${status}.`,
      explanation: why,
    });
  }
  items['role-permits'] = makeItem('role-permits', 'pass', {
    summary: `Likely holds: the answer was ${status}, not 403.`,
    explanation: 'A role that does not allow a request is likely answered with 403.',
  });
}

function unknownConditions(items: Judged['items'], summary: string, why: string): void {
  unknownAll(items, [...CONDITIONS, 'role-permits'], summary, why);
}

/** 400, 409, 412, 422 (and other 4xx on a known operation): authenticated, request refused. */
export function judgeRequestError(
  response: ReceivedResponse,
  status: number,
  stated: boolean,
): Judged {
  const items = {} as Judged['items'];
  const reached = reachedItem(response, status, stated);
  const advice: Record<number, string> = {
    400: 'The API refused the request itself: a parameter or the JSON body is not what the operation expects.',
    409: 'The request conflicts with the current state, e.g. a name already in use or a change still in progress.',
    412: 'The API document gives 412 the meaning "feature flag for this flow is off": the feature is not turned on for this account.',
    422: 'The body was read but its values cannot be processed.',
  };
  reached.explanation += ` ${advice[status] ?? 'The API refused the request itself, not the keys.'} The body may say which part.`;
  items['reached-api'] = reached;
  passAll(items, status);
  items['rate-limit'] = rateLimitNotHit(response, status);
  return {
    verdict: 'request-error',
    items,
    decisive: null,
    lead: `Authenticated, but the request was refused (${statusWords(status, stated ? '' : response.statusText)})`,
    authenticated: true,
  };
}

/**
 * 404: on a known operation the keys passed and the resource is missing; on an unknown path,
 * or with no operation list at hand, the 404 may come before the keys are judged.
 */
export function judge404(
  response: ReceivedResponse,
  stated: boolean,
  detail: PreflightDetail,
): Judged & { endpoint?: ChecklistItem } {
  const items = {} as Judged['items'];
  const reached = reachedItem(response, 404, stated);
  const kind = bodyKind(response.body);
  const springPath = springErrorPath(response.body);
  reached.explanation +=
    springPath !== null
      ? ` The body is the Spring Boot error shape, for path ${springPath}: the API's application answered.`
      : kind === 'empty'
        ? ' The body is empty, which the API is also seen to send for 404.'
        : '';
  items['reached-api'] = reached;
  items['rate-limit'] = rateLimitNotHit(response, 404);
  const path = detail.endpoint.path;
  const task = /^\/v1\/tasks\/[^/]+$/.test(path);
  if (detail.endpoint.knownOperation === true) {
    passAll(items, 404);
    const endpoint = makeItem('endpoint', 'warn', {
      summary: `${path} matches an operation of the API, but what it names was not found in this account.`,
      explanation: `The operation exists, so the id in the path is likely wrong or belongs to another account.${task ? ' A brand-new task id can answer 404 for a few seconds.' : ''}`,
      fix: task
        ? 'Wait a few seconds and ask again; GET /v1/tasks lists the tasks of the last 10 days.'
        : "Check the id in the path: list the account's resources (e.g. GET /v1/subscriptions) and take it from there.",
      docs: task ? DOCS.tasks : DOCS.useApi,
    });
    return {
      verdict: 'request-error',
      items,
      decisive: 'endpoint',
      lead: 'Authenticated, but the resource was not found (HTTP 404)',
      authenticated: true,
      endpoint,
    };
  }
  const why =
    'A 404 for a path that is not an operation may come before the keys are judged, so it says nothing about them.';
  unknownConditions(items, 'Cannot be told from a 404 on this path.', why);
  const result: Judged & { endpoint?: ChecklistItem } = {
    verdict: 'request-error',
    items,
    decisive: 'endpoint',
    lead: 'Not found (HTTP 404)',
    authenticated: false,
  };
  if (detail.endpoint.item.status === 'pass') {
    result.endpoint = makeItem('endpoint', 'warn', {
      summary: `The API found nothing at ${path}.`,
      explanation:
        'Either the path is not an operation of the API, or the resource it names does not exist; no operation list was at hand to tell which.',
      fix: 'Check the path against the API reference (Swagger UI at https://api.redislabs.com/v1/swagger-ui.html).',
    });
  }
  return result;
}

/** 429: over 400 requests per minute per account key. */
export function judge429(response: ReceivedResponse, stated: boolean): Judged {
  const items = {} as Judged['items'];
  items['reached-api'] = reachedItem(response, 429, stated);
  unknownConditions(
    items,
    'Cannot be told from a 429.',
    'The rate limit answered, so this answer says nothing about the keys.',
  );
  const retry = responseHeader(response, 'x-rate-limit-retry-after-seconds')?.trim();
  const wait =
    retry !== undefined && retry !== ''
      ? `The answer asks to wait ${retry} seconds (x-rate-limit-retry-after-seconds: ${retry}).`
      : 'The answer carries no x-rate-limit-retry-after-seconds header, so it does not say how long to wait; the limit is counted per minute.';
  items['rate-limit'] = makeItem('rate-limit', 'fail', {
    summary: `Over the limit: HTTP 429. ${wait}`,
    explanation:
      'The API allows 400 requests per minute per account key. Every user key of the account is used with the same account key, so all of them share this limit.',
    fix: `${retry ? `Wait ${retry} seconds` : 'Wait up to a minute'}, then send fewer than 400 requests per minute across every client of this account.`,
  });
  return {
    verdict: 'rate-limited',
    items,
    decisive: 'rate-limit',
    lead: 'Rate-limited (HTTP 429)',
    authenticated: false,
  };
}

/** 5xx: the API failed on its side; nothing is known about the conditions. */
export function judge5xx(response: ReceivedResponse, status: number, stated: boolean): Judged {
  const items = {} as Judged['items'];
  const reached = reachedItem(response, status, stated);
  reached.explanation +=
    status === 500
      ? ' The API failed on its side; if it persists, contact Redis support.'
      : ' The API, or a server in front of it, failed or is unavailable; try again later.';
  items['reached-api'] = reached;
  unknownAll(
    items,
    [...CONDITIONS, 'role-permits', 'rate-limit'],
    `Cannot be told from a ${status}.`,
    'A server error says nothing about the keys.',
  );
  return {
    verdict: 'server-error',
    items,
    decisive: null,
    lead: `The API failed on its side (${statusWords(status, stated ? '' : response.statusText)})`,
    authenticated: false,
  };
}

/** 1xx, 3xx and 4xx not handled elsewhere: the request was wrong, the keys are not judged. */
export function judgeOther(response: ReceivedResponse, status: number, stated: boolean): Judged {
  const items = {} as Judged['items'];
  const reached = reachedItem(response, status, stated);
  const redirect = status >= 300 && status < 400;
  if (redirect) {
    const location = responseHeader(response, 'location');
    reached.explanation += ` A redirect${location ? ` to ${location.split('?')[0]}` : ''} likely means the URL is not the API's own.`;
  }
  items['reached-api'] = reached;
  unknownConditions(
    items,
    `Cannot be told from a ${status}.`,
    `A ${status} says nothing about the keys.`,
  );
  items['rate-limit'] = rateLimitNotHit(response, status);
  return {
    verdict: 'request-error',
    items,
    decisive: redirect || status === 405 ? 'endpoint' : null,
    lead: `The request was not answered as expected (${statusWords(status, stated ? '' : response.statusText)})`,
    authenticated: false,
  };
}

/** Any answer from a host that is not the API: it says nothing about the keys. */
export function judgeNotFromApi(
  response: ReceivedResponse,
  status: number | null,
  detail: PreflightDetail,
): Judged {
  const items = {} as Judged['items'];
  const host = detail.endpoint.host || 'that address';
  items['reached-api'] = makeItem('reached-api', 'warn', {
    summary: `${status === null ? 'An answer' : statusWords(status, response.statusText)} came from ${host}, not from the API.`,
    explanation: `Something answered with ${BODY_WORDS[bodyKind(response.body)]}, but not the API: the request went to the wrong host.`,
    fix: 'Fix the URL (see the endpoint check) and send again.',
  });
  const rest = ANSWER_ITEMS.slice(1) as AnswerItemId[];
  unknownAll(
    items,
    rest,
    'Cannot be told: the answer did not come from the API.',
    `${host} is not the API, so its answer says nothing about the keys.`,
  );
  return {
    verdict: 'request-error',
    items,
    decisive: 'endpoint',
    lead: `The request went to ${host}, not to the API`,
    authenticated: false,
  };
}

/** A pasted answer whose status is unknown and whose body does not state one. */
export function judgeStatusUnknown(response: ReceivedResponse): Judged {
  const items = {} as Judged['items'];
  items['reached-api'] = makeItem('reached-api', 'pass', {
    summary: `An answer with ${BODY_WORDS[bodyKind(response.body)]}; its status is unknown.`,
    explanation:
      'The status line was not pasted and the body does not state a status, so whether the request authenticated cannot be told.',
    fix: 'Paste the whole answer, status line included (curl -i shows it).',
  });
  const rest = ANSWER_ITEMS.slice(1) as AnswerItemId[];
  unknownAll(
    items,
    rest,
    'Cannot be told: the status is unknown.',
    'Without the status, the answer does not show whether the request authenticated.',
  );
  return {
    verdict: 'request-error',
    items,
    decisive: null,
    lead: 'The status is unknown (the pasted answer has no status line)',
    authenticated: false,
  };
}
