import { headerValue } from '../core/exchange';
import type { Exchange } from '../core/exchange';
import { ITEM_IDS } from '../core/checklist';
import type { Checklist, ChecklistItem, DiagnoseContext, ItemId } from '../core/checklist';
import { readAnswer } from './answer';
import type { Answer, KeysShown } from './answer';
import { RULES as API_ENABLED } from './by-item/api-enabled';
import { endpointFromAnswer } from './by-item/endpoint';
import { RULES as KEYS_VALID } from './by-item/keys-valid';
import { RULES as RATE_LIMIT } from './by-item/rate-limit';
import { RULES as REACHED_API } from './by-item/reached-api';
import { RULES as ROLE_PERMITS } from './by-item/role-permits';
import { RULES as SAME_ACCOUNT } from './by-item/same-account';
import { RULES as SOURCE_IP } from './by-item/source-ip';
import { headlineOf } from './headline';
import type { AnswerItemId } from './judged';
import { preflightDetail } from './preflight';
import type { PreflightDetail } from './preflight';
import { REQUEST_IDS, requestStage } from './request-stage';
import { judgeItem } from './rule';
import type { Rule, Ruled } from './rule';
import { answerVerdict } from './verdict';

/** Each answer item's rules, one module per item (DESIGN.md, "The checklist"). */
export const ITEM_RULES: Readonly<Record<AnswerItemId, readonly Rule[]>> = {
  'reached-api': REACHED_API,
  'keys-valid': KEYS_VALID,
  'same-account': SAME_ACCOUNT,
  'source-ip': SOURCE_IP,
  'api-enabled': API_ENABLED,
  'role-permits': ROLE_PERMITS,
  'rate-limit': RATE_LIMIT,
};

/** A host that is itself a shell variable: `$HOST`, `${HOST}`, `%HOST%` (lower-cased by URL). */
const VARIABLE_HOST =
  /^[a-z][a-z0-9+.-]*:\/\/(\$\{?[A-Za-z_]\w*\}?|%[A-Za-z_]\w{2,}%)(?=[/?#:]|$)/i;

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

interface Read {
  answer: Answer;
  context: DiagnoseContext | undefined;
  requestMissing: boolean;
  preflightOnly: boolean;
}

/** The exchange read once: the request stage's detail, the keys it shows, the answer. */
function read(exchange: Exchange, context: DiagnoseContext | undefined): Read {
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
  return {
    answer: readAnswer(exchange, detail, ctx, keys, preflightOnly),
    context: ctx,
    requestMissing,
    preflightOnly,
  };
}

/** Every answer item with the rule that gave it, for tests and for reading why. */
export function judgeAnswerItems(
  exchange: Exchange,
  context?: DiagnoseContext,
): Record<AnswerItemId, Ruled> {
  return answerItems(read(exchange, context).answer);
}

function answerItems(answer: Answer): Record<AnswerItemId, Ruled> {
  const out = {} as Record<AnswerItemId, Ruled>;
  for (const [id, rules] of Object.entries(ITEM_RULES) as Array<[AnswerItemId, readonly Rule[]]>) {
    out[id] = judgeItem(id, rules, answer);
  }
  return out;
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
  const { answer, context: ctx, requestMissing, preflightOnly } = read(exchange, context);
  const { detail, keys } = answer;
  const judged = answerItems(answer);
  const answered = exchange.response !== undefined;
  const enterprise = detail.endpoint.hostKind === 'enterprise';
  const { verdict, decisive, lead, action, authenticated } = answerVerdict(answer);

  const stage = requestStage({
    detail,
    context: ctx,
    endpoint: endpointFromAnswer(answer),
    authenticated,
    reachedApi: detail.endpoint.hostKind === 'variable' && answered && verdict !== 'unknown',
    requestMissing,
    preflightOnly,
    enterprise,
  });
  const requestItems = REQUEST_IDS.map((id) => stage.items.get(id)).filter(
    (i): i is ChecklistItem => i !== undefined,
  );

  const byId = new Map<ItemId, ChecklistItem>();
  for (const item of requestItems) byId.set(item.id, item);
  for (const { item } of Object.values(judged)) byId.set(item.id, item);
  const items = ITEM_IDS.map((id) => byId.get(id)).filter((i): i is ChecklistItem => !!i);

  let primaryCause: ItemId | null;
  if (stage.smartCause) primaryCause = stage.smartCause;
  else if (verdict === 'rate-limited') primaryCause = 'rate-limit';
  else if (verdict === 'wrong-target') primaryCause = 'endpoint';
  else {
    primaryCause =
      requestItems.find((i) => i.status === 'fail')?.id ??
      (keys.none && answered && !preflightOnly ? 'account-key-header' : undefined) ??
      decisive;
  }
  const cause = primaryCause === null ? null : (byId.get(primaryCause) ?? null);
  return { verdict, primaryCause, headline: headlineOf(cause, lead, action), items };
}
