import type { Exchange, ReceivedResponse } from '../core/exchange';
import { ITEM_IDS } from '../core/checklist';
import type { Checklist, ChecklistItem, DiagnoseContext, ItemId } from '../core/checklist';
import { unknownItem } from './items';
import { CAUSE_WORDS } from './judged';
import type { Judged } from './judged';
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
  judgeRequestError,
  judgeStatusUnknown,
} from './status-other';
import { judgeSuccess } from './status-success';
import { judgeNoAnswer } from './transport';

type AnswerJudged = Judged & { endpoint?: ChecklistItem };

const REQUEST_ERRORS = new Set([400, 409, 412, 422]);

function judgeAnswer(
  exchange: Exchange,
  response: ReceivedResponse,
  detail: PreflightDetail,
  context: DiagnoseContext | undefined,
): AnswerJudged {
  const { hostKind } = detail.endpoint;
  const wrongHost =
    hostKind === 'console' ||
    hostKind === 'website' ||
    hostKind === 'other' ||
    (hostKind === 'sandbox' && exchange.source !== 'sandbox');
  let status = response.status;
  let stated = false;
  if (status === null) {
    status = statusFromBody(response.body);
    stated = status !== null;
  }
  if (wrongHost) return judgeNotFromApi(response, status, detail);
  if (status === null) return judgeStatusUnknown(response);
  const method = exchange.request.method;
  if (status >= 200 && status < 300) {
    return judgeSuccess(response, status, stated, detail, context, method);
  }
  if (status === 401) return judge401(response, stated, detail, context);
  if (status === 403) return judge403(response, stated, detail, context, method);
  if (status === 404) return judge404(response, stated, detail);
  if (REQUEST_ERRORS.has(status)) return judgeRequestError(response, status, stated);
  if (status === 429) return judge429(response, stated);
  if (status >= 500) return judge5xx(response, status, stated);
  return judgeOther(response, status, stated);
}

/** Once the answer shows the keys were accepted, a request-stage `fail` did not stop it. */
function softened(item: ChecklistItem): ChecklistItem {
  if (item.status !== 'fail') return item;
  return {
    ...item,
    status: 'warn',
    explanation: `${item.explanation} The API accepted the request anyway, so this did not stop it, but it is still worth fixing.`,
  };
}

function headline(verdict: Checklist['verdict'], lead: string, cause: ChecklistItem | null) {
  if (cause) {
    return cause.status === 'suspect'
      ? `${lead}; most likely cause: ${CAUSE_WORDS[cause.id]} (the answer does not say which condition failed).`
      : `${lead}; fix first: ${CAUSE_WORDS[cause.id]}.`;
  }
  switch (verdict) {
    case 'ok':
      return `${lead}; nothing to fix.`;
    case 'server-error':
      return `${lead}; nothing on the request's side to fix: try again later.`;
    case 'request-error':
      return `${lead}; no checklist item names the cause: look at the request's parameters and body.`;
    default:
      return `${lead}.`;
  }
}

/**
 * The whole checklist for one exchange (DESIGN.md, "The checklist"): always the eleven items
 * in `ITEM_IDS` order, a verdict, the item to fix first and a headline saying both in words.
 * Pure and synchronous. Claims no more than the answer shows: a 401 leaves `keys-valid`,
 * `same-account` and `api-enabled` as ranked suspects; a 403 leaves `source-ip` and
 * `role-permits`; items the request never reached are `skipped`, items the answer cannot tell
 * are `unknown`. A request-stage `fail` is the primary cause whenever there is one (except
 * under a 429, where waiting comes first), and becomes a `warn` when the answer shows the
 * request authenticated anyway. A pasted answer with neither request URL nor headers leaves the
 * request items `unknown`. No text holds a key value.
 */
export function diagnose(exchange: Exchange, context?: DiagnoseContext): Checklist {
  const request = exchange.request;
  const detail = preflightDetail(request, context, exchange.source);
  const requestMissing =
    exchange.source === 'pasted' && request.url.trim() === '' && request.headers.length === 0;
  const judged: AnswerJudged = exchange.response
    ? judgeAnswer(exchange, exchange.response, detail, context)
    : judgeNoAnswer(exchange, detail);

  let requestItems: ChecklistItem[] = requestMissing
    ? detail.items.map((item) =>
        unknownItem(item.id, 'The request was not pasted.', 'Only the answer is at hand.'),
      )
    : [...detail.items];
  if (judged.endpoint && requestItems[3]?.status === 'pass') requestItems[3] = judged.endpoint;
  if (judged.authenticated) requestItems = requestItems.map(softened);

  const byId = new Map<ItemId, ChecklistItem>();
  for (const item of requestItems) byId.set(item.id, item);
  for (const item of Object.values(judged.items)) byId.set(item.id, item);
  const items = ITEM_IDS.map((id) => byId.get(id)).filter((i): i is ChecklistItem => !!i);

  let primaryCause: ItemId | null;
  if (judged.verdict === 'rate-limited') primaryCause = 'rate-limit';
  else primaryCause = requestItems.find((i) => i.status === 'fail')?.id ?? judged.decisive;
  const cause = primaryCause === null ? null : (byId.get(primaryCause) ?? null);
  return {
    verdict: judged.verdict,
    primaryCause,
    headline: headline(judged.verdict, judged.lead, cause),
    items,
  };
}
