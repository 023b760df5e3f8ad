import type { ReceivedResponse } from '../core/exchange';
import type { ChecklistItem } from '../core/checklist';
import { DOCS } from './docs-links';
import { makeItem } from './items';
import type { AnswerItemId, Judged } from './judged';
import { ANSWER_ITEMS } from './judged';
import type { PreflightDetail } from './preflight';
import { reachedItem, statusWords, unknownAll } from './answer-common';
import { rateLimitNotHit, rateLimitRefused } from './rules-rate-limit';
import { BODY_WORDS, bodyKind, responseHeader, springErrorPath } from './response-body';
import { say } from './claims';

const CONDITIONS = ['keys-valid', 'same-account', 'source-ip', 'api-enabled'] as const;

/**
 * The conditions after the API refused the request itself (400, 404 on an operation, 409, 412,
 * 422): likely held, since the answer is not 401, but not shown: the order of the API's checks is
 * not published (FACTS.md, "Unknown"), so a request with a bad key and a bad body may get either.
 */
function likelyAll(items: Judged['items'], status: number): void {
  const why = say('refusedAfterAuth');
  for (const id of CONDITIONS) {
    items[id] = makeItem(id, 'unknown', {
      summary: `Likely holds: the API refused the request itself (${status}), not the keys (401).`,
      explanation: why,
    });
  }
  items['role-permits'] = makeItem('role-permits', 'unknown', {
    summary: `Likely holds: the answer was ${status}, not 403.`,
    explanation: say('roleGets403'),
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
    412: `${say('status412')} The feature is likely not turned on for this account.`,
    422: 'The body was read but its values cannot be processed.',
  };
  reached.explanation += ` ${advice[status] ?? 'The API refused the request itself, not the keys.'} The body may say which part.`;
  items['reached-api'] = reached;
  likelyAll(items, status);
  items['rate-limit'] = rateLimitNotHit(response, status);
  return {
    verdict: 'request-error',
    items,
    decisive: null,
    lead: `HTTP ${status}`,
    authenticated: false,
    action: `Fix the request's parameters or body: the API refused the request itself${status === 412 ? ' (a feature turned off for this account)' : ''}, and its body may say which part`,
  };
}

/**
 * 404: on a known operation the keys passed and the resource is missing (`request-error`); on a
 * path that is not an operation the request did not reach an operation of the API
 * (`wrong-target`); with no operation list at hand, which of the two cannot be told (`unknown`).
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
        ? ` The body is empty. ${say('spring404')}`
        : '';
  items['reached-api'] = reached;
  items['rate-limit'] = rateLimitNotHit(response, 404);
  const path = detail.endpoint.path;
  const task = /^\/v1\/tasks\/[^/]+$/.test(path);
  if (detail.endpoint.knownOperation === true) {
    likelyAll(items, 404);
    const endpoint = makeItem('endpoint', 'warn', {
      summary: `${path} matches an operation of the API, but what it names was not found in this account.`,
      explanation: `The operation exists, so the id in the path is likely wrong or belongs to another account.${task ? ` ${say('newTask404')}` : ''}`,
      fix: task
        ? 'Wait a few seconds and ask again; GET /v1/tasks lists the tasks of the last 10 days.'
        : "Check the id in the path: list the account's resources (e.g. GET /v1/subscriptions) and take it from there.",
      docs: task ? DOCS.tasks : DOCS.useApi,
    });
    return {
      verdict: 'request-error',
      items,
      decisive: 'endpoint',
      lead: 'HTTP 404',
      authenticated: false,
      endpoint,
    };
  }
  const why = say('notOperation404');
  unknownConditions(items, 'Cannot be told from a 404 on this path.', why);
  const result: Judged & { endpoint?: ChecklistItem } = {
    verdict: detail.endpoint.knownOperation === false ? 'wrong-target' : 'unknown',
    items,
    decisive: 'endpoint',
    lead: 'HTTP 404',
    authenticated: false,
  };
  if (detail.endpoint.item.status === 'pass') {
    result.endpoint = makeItem('endpoint', 'unknown', {
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
    'Cannot be told from a 429: likely holds if this key worked before.',
    `The rate limit answered, so this answer does not show whether the keys were valid. ${say('orderOfChecks')} ${say('failedAuthCounts')}`,
  );
  items['rate-limit'] = rateLimitRefused(response);
  return {
    verdict: 'rate-limited',
    items,
    decisive: 'rate-limit',
    lead: 'HTTP 429',
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
    lead: statusWords(status, stated ? '' : response.statusText),
    authenticated: false,
    action:
      status === 500
        ? 'Try again later: the API failed on its side; if it keeps failing, contact Redis support'
        : 'Try again later: the API, or a server in front of it, failed or is unavailable',
  };
}

/**
 * 1xx and 4xx not handled elsewhere: the keys are not judged. A 405 means the method and path
 * are not an operation (`wrong-target`); others are `request-error` only when the request shows
 * both keys (`keysShown`), else `unknown`.
 */
export function judgeOther(
  response: ReceivedResponse,
  status: number,
  stated: boolean,
  keysShown: boolean,
): Judged {
  const items = {} as Judged['items'];
  items['reached-api'] = reachedItem(response, status, stated);
  unknownConditions(
    items,
    `Cannot be told from a ${status}.`,
    `A ${status} says nothing about the keys.`,
  );
  items['rate-limit'] = rateLimitNotHit(response, status);
  const methodWrong = status === 405;
  return {
    verdict: methodWrong
      ? 'wrong-target'
      : keysShown && status >= 400
        ? 'request-error'
        : 'unknown',
    items,
    decisive: methodWrong ? 'endpoint' : null,
    lead: statusWords(status, stated ? '' : response.statusText),
    authenticated: false,
    action:
      "Look at the answer's body for what it refused: this status says nothing about the keys",
  };
}

/** 3xx: the URL is not the API's own address (http, another host); keys never follow it. */
export function judgeRedirect(response: ReceivedResponse, status: number, stated: boolean): Judged {
  const items = {} as Judged['items'];
  const reached = reachedItem(response, status, stated);
  const location = responseHeader(response, 'location')?.split(/[?#]/)[0]?.slice(0, 200);
  reached.status = 'warn';
  reached.summary = `A redirect (${statusWords(status, stated ? '' : response.statusText)})${location ? ` to ${location}` : ''}, not an answer from the API.`;
  reached.explanation += ` A redirect means the URL is not the API's own address (http instead of https, or another host): the conditions were never judged, and a tool that follows it should not send the keys on. ${say('v1Paths')}`;
  reached.fix = location
    ? `Send the request to ${location.startsWith('https://api.redislabs.com/') ? location : 'https://api.redislabs.com/v1/...'} directly.`
    : 'Send the request to https://api.redislabs.com/v1/... directly.';
  items['reached-api'] = reached;
  unknownAll(
    items,
    ANSWER_ITEMS.slice(1) as AnswerItemId[],
    'Cannot be told: the answer was a redirect.',
    'A redirect comes before any check of the keys, so it says nothing about them.',
  );
  return {
    verdict: 'wrong-target',
    items,
    decisive: 'endpoint',
    lead: `HTTP ${status}${location ? ` to ${location}` : ''}`,
    authenticated: false,
  };
}

/** Any answer from a host (or product) that is not the API: it says nothing about the keys. */
export function judgeNotFromApi(
  response: ReceivedResponse,
  status: number | null,
  detail: PreflightDetail,
): Judged {
  const items = {} as Judged['items'];
  const host = detail.endpoint.host || 'that address';
  const enterprise = detail.endpoint.hostKind === 'enterprise';
  const apiHost = detail.endpoint.hostKind === 'api';
  const words = status === null ? 'An answer' : statusWords(status, response.statusText);
  items['reached-api'] = makeItem('reached-api', 'warn', {
    summary: enterprise
      ? `${words} came from Redis Enterprise Software's API at ${host}, not from Redis Cloud's API.`
      : apiHost
        ? `${words} came from ${host}, but for a URL that is no operation of the API.`
        : `${words} came from ${host}, not from the API.`,
    explanation: enterprise
      ? `${say('enterprise')} Its answer tells nothing about Redis Cloud keys.`
      : apiHost
        ? `The request went to the API's host with ${BODY_WORDS[bodyKind(response.body)]} in return, but not to an operation under https and /v1/ (see the endpoint check). ${say('v1Paths')}`
        : `Something answered with ${BODY_WORDS[bodyKind(response.body)]}, but not the API: the request went to the wrong host.`,
    fix: enterprise
      ? 'Check that request against the Redis Enterprise Software docs; Keycheck judges Redis Cloud only.'
      : 'Fix the URL (see the endpoint check) and send again.',
  });
  const rest = ANSWER_ITEMS.slice(1) as AnswerItemId[];
  unknownAll(
    items,
    rest,
    'Cannot be told: the answer did not come from the Redis Cloud API.',
    apiHost
      ? 'The request did not reach an operation of the API, so the answer tells nothing about the keys.'
      : `${host} is not the Redis Cloud API, so its answer tells nothing about the keys.`,
  );
  return {
    verdict: 'wrong-target',
    items,
    decisive: 'endpoint',
    lead: status === null ? `answered by ${host}` : `HTTP ${status} from ${host}`,
    authenticated: false,
  };
}

/** A pasted answer whose status is unknown and whose body does not state one. */
export function judgeStatusUnknown(response: ReceivedResponse): Judged {
  const items = {} as Judged['items'];
  items['reached-api'] = makeItem('reached-api', 'unknown', {
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
    verdict: 'unknown',
    items,
    decisive: 'reached-api',
    lead: 'the pasted answer has no status line',
    authenticated: false,
  };
}
