import { headerValue } from '../core/exchange';
import type { Exchange, ReceivedResponse } from '../core/exchange';
import { ITEM_IDS } from '../core/checklist';
import type { Checklist, ChecklistItem, DiagnoseContext, ItemId } from '../core/checklist';
import { say } from './claims';
import { headlineOf } from './headline';
import { unknownItem } from './items';
import type { AnswerItemId, Judged } from './judged';
import { ANSWER_ITEMS } from './judged';
import { preflightDetail } from './preflight';
import type { PreflightDetail } from './preflight';
import { statusFromBody } from './response-body';
import { judge401, judge403 } from './status-auth';
import {
  judge404,
  judge429,
  judge5xx,
  judgeNotFromApi,
  judgeOther,
  judgeRedirect,
  judgeRequestError,
  judgeStatusUnknown,
} from './status-other';
import { judgeSuccess } from './status-success';
import { judgeFailedTask } from './status-task';
import {
  PROVIDER_CRASH,
  judgeIntercepted,
  judgeProviderCrash,
  judgeUnprovenSuccess,
  judgeWebServer,
} from './status-origin';
import { failedTaskIn } from './task-line';
import { edgeLikely, gatedByOrigin, originOf } from './evidence';
import { REQUEST_IDS, requestStage } from './request-stage';
import { judgePreflight, judgeNoAnswer } from './transport';

type AnswerJudged = Judged & { endpoint?: ChecklistItem };

const REQUEST_ERRORS = new Set([400, 409, 412, 422]);
const CONDITIONS: readonly AnswerItemId[] = [
  'keys-valid',
  'same-account',
  'source-ip',
  'api-enabled',
  'role-permits',
];
/** A host that is itself a shell variable: `$HOST`, `${HOST}`, `%HOST%` (lower-cased by URL). */
const VARIABLE_HOST =
  /^[a-z][a-z0-9+.-]*:\/\/(\$\{?[A-Za-z_]\w*\}?|%[A-Za-z_]\w{2,}%)(?=[/?#:]|$)/i;

/** What the request shows about the two keys. */
interface KeysShown {
  /** Both key headers present, spelled right, with a value. */
  both: boolean;
  /** No key header at all, under any spelling. */
  none: boolean;
  /** Only the answer was pasted: the request shows nothing. */
  missing?: boolean;
}

function keysShown(detail: PreflightDetail, context: DiagnoseContext | undefined): KeysShown {
  // A tool that always sends both keys but never prints them (the Go client's log): the
  // absence of the headers in the paste says nothing, so judge the answer as if both were sent.
  if (context?.keysNotShown) return { both: true, none: false };
  const [account, user] = detail.items;
  return {
    both: account.status !== 'fail' && user.status !== 'fail',
    none: detail.values.length === 0,
  };
}

function judgeAnswer(
  exchange: Exchange,
  response: ReceivedResponse,
  detail: PreflightDetail,
  context: DiagnoseContext | undefined,
  keys: KeysShown,
): AnswerJudged {
  const { endpoint } = detail;
  let status = response.status;
  const origin = originOf(exchange, detail);
  let stated = false;
  if (status === null) {
    status = statusFromBody(response.body);
    stated = status !== null;
  }
  if (endpoint.hostKind === 'variable') {
    if (origin.kind !== 'api') {
      const judged = status === null ? judgeStatusUnknown(response) : judgeUnshaped(status);
      return { ...judged, verdict: 'unknown', decisive: 'endpoint' };
    }
  } else if (!keys.missing && (endpoint.hostKind === 'enterprise' || endpoint.offTarget)) {
    const fromApi = endpoint.hostKind === 'api' && status !== null && status < 300;
    // Only the API's own host can answer a path slip with the API's 2xx; anything else is not it.
    if (!fromApi) {
      if (status !== null && status >= 300 && status < 400 && endpoint.hostKind === 'api') {
        return judgeRedirect(response, status, stated);
      }
      return judgeNotFromApi(response, status, detail);
    }
  }
  const task = status === null || status < 300 ? failedTaskIn(response.body) : null;
  if (task) return judgeFailedTask(response, task);
  const redirect = status !== null && status >= 300 && status < 400;
  // A redirect's page is the redirect's own: the URL is the cause (judgeRedirect), not a proxy.
  if (origin.kind === 'edge' || (origin.kind === 'proxy' && !redirect)) {
    const userAgent = headerValue(exchange.request.headers, 'user-agent');
    return judgeIntercepted(response, status, origin, exchange.source, userAgent);
  }
  if (origin.kind === 'web-server') return judgeWebServer(response, status, origin);
  if (status === null && PROVIDER_CRASH.test(response.body.slice(0, 20_000))) {
    return judgeProviderCrash();
  }
  if (status === null) return judgeStatusUnknown(response);
  const method = exchange.request.method;
  if (status >= 200 && status < 300) {
    if (origin.kind !== 'api') return judgeUnprovenSuccess(response, status);
    if (endpoint.knownOperation === false) return judgeNotFromApi(response, status, detail);
    return judgeSuccess(response, status, stated, detail, context, method);
  }
  if (status >= 300 && status < 400) return judgeRedirect(response, status, stated);
  if (status === 401) return judge401(response, stated, detail, context);
  if (status === 403) return judge403(response, stated, detail, context, method);
  if (status === 404) return judge404(response, stated, detail);
  if (REQUEST_ERRORS.has(status)) return judgeRequestError(response, status, stated);
  if (status === 429) return judge429(response, stated);
  if (status >= 500) return judge5xx(response, status, stated);
  return judgeOther(response, status, stated, keys.both);
}

/** An answer without the API's shape from a host the paste does not show. */
function judgeUnshaped(status: number): Judged {
  const items = {} as Judged['items'];
  items['reached-api'] = unknownItem(
    'reached-api',
    `HTTP ${status}, in a shape that does not show whether the API sent it.`,
    "The host is not in the paste, and the answer is none of the API's known shapes (the nginx 401 page, the Spring Boot error body, the API's JSON).",
  );
  for (const id of ANSWER_ITEMS.slice(1) as AnswerItemId[]) {
    items[id] = unknownItem(
      id,
      'Cannot be told: where the request went is not known.',
      'Only an answer from the API says anything about the keys.',
    );
  }
  return {
    verdict: 'unknown',
    items,
    decisive: 'endpoint',
    lead: `HTTP ${status}`,
    authenticated: false,
  };
}

/**
 * The request named neither key: nothing in the answer can be tied to the keys, so conditions
 * the answer would otherwise show become `unknown`, and a verdict that needs both keys
 * (`request-error`, `ok`) becomes `unknown`.
 */
function withoutKeys(judged: AnswerJudged, status: number | null): AnswerJudged {
  const items = { ...judged.items };
  for (const id of CONDITIONS) {
    const item = items[id];
    if (item.status === 'pass' || item.status === 'warn' || item.status === 'suspect') {
      items[id] = unknownItem(
        id,
        'Cannot be told: the request as pasted carries no key.',
        `${say('bothHeaders')} Without them, the answer says nothing about the keys.`,
      );
    }
  }
  const success = status !== null && status >= 200 && status < 300;
  const verdict =
    judged.verdict === 'request-error' || judged.verdict === 'ok' ? 'unknown' : judged.verdict;
  const result: AnswerJudged = { ...judged, items, verdict, authenticated: false };
  delete result.endpoint;
  if (success) {
    result.action =
      'Paste the request as it was sent, with its key headers: this one shows none, yet the API answered with success';
  }
  return result;
}

/**
 * The whole checklist for one exchange (DESIGN.md, "The checklist"): always the eleven items
 * in `ITEM_IDS` order, a verdict, the item to fix first and a headline that says the action to
 * take. Pure and synchronous. Claims no more than the answer shows:
 * - a 401 leaves `keys-valid`, `same-account` and `api-enabled` as ranked suspects; a 403
 *   leaves `source-ip` and `role-permits`, and the keys `unknown` (likely valid); a 429 leaves
 *   every condition `unknown`;
 * - `request-error` only when the request shows both keys and the answer came from the API;
 * - `wrong-target` when the URL shows another host or product, http, a path outside `/v1/`, a
 *   redirect, or a path that is no operation (404); `unknown` when the answer has no status, only
 *   the request is at hand, or the host came from a variable and the answer lacks the API's shape;
 * - a request with no key header at all makes the header items the cause, and no verdict that
 *   needs the keys;
 * - a CORS preflight (`OPTIONS`) never carries keys; a failed task is judged by its error.
 * A request-stage `fail` is the primary cause whenever there is one (except under a 429, where
 * waiting comes first, and a wrong target, where the URL comes first). No text holds a key value.
 */
export function diagnose(exchange: Exchange, context?: DiagnoseContext): Checklist {
  const request = exchange.request;
  let ctx = context;
  // A pasted answer to `https://$HOST/...` shows the shell filled the host in: curl cannot
  // resolve the literal text.
  if (!ctx?.hostFromVariable && exchange.response) {
    const variable = VARIABLE_HOST.exec(request.url.trim())?.[1];
    if (variable) ctx = { ...ctx, hostFromVariable: variable };
  }
  const preflightOnly = request.method.trim().toUpperCase() === 'OPTIONS';
  // A preflight asks for the method it guards: the endpoint is judged for that one.
  const guarded = preflightOnly
    ? { ...request, method: headerValue(request.headers, 'access-control-request-method') ?? 'GET' }
    : request;
  const detail = preflightDetail(guarded, ctx, exchange.source);
  const requestMissing =
    exchange.source === 'pasted' && request.url.trim() === '' && request.headers.length === 0;
  const keys = requestMissing
    ? { both: false, none: false, missing: true }
    : keysShown(detail, context);
  const enterprise = detail.endpoint.hostKind === 'enterprise';

  let judged: AnswerJudged;
  if (!exchange.response) judged = judgeNoAnswer(exchange, detail);
  else if (preflightOnly) judged = judgePreflight(exchange.response);
  else {
    judged = judgeAnswer(exchange, exchange.response, detail, ctx, keys);
    const origin = originOf(exchange, detail);
    judged = edgeLikely(gatedByOrigin(judged, origin), exchange, origin);
  }
  const status = exchange.response?.status ?? null;
  const answered = exchange.response !== undefined;
  if (answered && keys.none && !preflightOnly && !enterprise) judged = withoutKeys(judged, status);
  if (
    !answered &&
    exchange.source === 'pasted' &&
    !requestMissing &&
    (enterprise || detail.endpoint.offTarget)
  ) {
    judged = { ...judged, verdict: 'wrong-target', decisive: 'endpoint' };
  }
  if (detail.endpoint.hostKind === 'variable' && judged.verdict === 'unknown') {
    judged = { ...judged, decisive: 'endpoint' };
  }
  // A refusal of the request itself shows the keys only when the request shows both.
  if (answered && !keys.both && !keys.none && judged.verdict === 'request-error') {
    judged = withoutKeys(judged, status);
  }

  const stage = requestStage({
    detail,
    context: ctx,
    endpoint: judged.endpoint,
    authenticated: judged.authenticated,
    reachedApi: detail.endpoint.hostKind === 'variable' && answered && judged.verdict !== 'unknown',
    requestMissing,
    preflightOnly,
    enterprise,
  });
  const requestItems = REQUEST_IDS.map((id) => stage.items.get(id)).filter(
    (i): i is ChecklistItem => i !== undefined,
  );
  const smartCause = stage.smartCause;

  const byId = new Map<ItemId, ChecklistItem>();
  for (const item of requestItems) byId.set(item.id, item);
  for (const item of Object.values(judged.items)) byId.set(item.id, item);
  const items = ITEM_IDS.map((id) => byId.get(id)).filter((i): i is ChecklistItem => !!i);

  let primaryCause: ItemId | null;
  if (smartCause) primaryCause = smartCause;
  else if (judged.verdict === 'rate-limited') primaryCause = 'rate-limit';
  else if (judged.verdict === 'wrong-target') primaryCause = 'endpoint';
  else {
    primaryCause =
      requestItems.find((i) => i.status === 'fail')?.id ??
      (keys.none && answered && !preflightOnly ? 'account-key-header' : undefined) ??
      judged.decisive;
  }
  const cause = primaryCause === null ? null : (byId.get(primaryCause) ?? null);
  return {
    verdict: judged.verdict,
    primaryCause,
    headline: headlineOf(cause, judged.lead, judged.action),
    items,
  };
}
