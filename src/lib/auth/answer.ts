/**
 * What the answer is, read once before any item is judged (FACTS.md, "Who answered"): who
 * produced it, what status it shows, and what kind of answer that makes. Every item module
 * judges from this reading alone, by its own rules (`by-item/`), and `verdict.ts` reads the
 * verdict from it; nothing is patched afterwards.
 */
import { isFinished, readTask } from '../api/task';
import type { TaskError } from '../api/task';
import { jsonObject } from '../core/json';
import { headerValue } from '../core/exchange';
import type { Exchange, ReceivedResponse } from '../core/exchange';
import type { DiagnoseContext } from '../core/checklist';
import type { PreflightDetail } from './preflight';
import { parseAccount, statusFromBody } from './response-body';
import type { AccountInfo } from './response-body';
import { failedTaskIn, isPermissionType, taskErrorStatus } from './task-line';
import { whoAnswered } from './who-answered';
import type { Origin } from './who-answered';

/**
 * The kinds of answer, in the order they are told apart (`kindOf`). The first group says nothing
 * about any condition (the API did not judge the request, or nothing shows it did); the second is
 * the API's own answer, by status.
 */
export type AnswerKind =
  /** No answer is part of the exchange, and no failure either. */
  | 'not-given'
  /** No HTTP answer came back (`exchange.failure`), as the browser or the tool says. */
  | 'failure'
  /** The answer to a CORS preflight (`OPTIONS`), which never carries the keys. */
  | 'preflight'
  /** A status from a host the paste does not show (`https://$HOST`), not in the API's shape. */
  | 'unshaped'
  /** An answer with no status line whose body states none. */
  | 'status-unknown'
  /** A 3xx: the URL is not the API's own address. */
  | 'redirect'
  /** An answer from another host or product, or a 2xx for a path that is no operation. */
  | 'not-from-api'
  /** A failed task (a JSON task body, the Go client's line, redisctl): the API accepted it. */
  | 'task'
  /** An edge or a proxy answered in the API's place. */
  | 'intercepted'
  /** A web server's own page (nginx 400, 502, 504). */
  | 'web-server'
  /** A Terraform provider crash: no answer of the API. */
  | 'provider-crash'
  /** A 2xx whose shape does not show that the API produced it. */
  | 'unproven-success'
  | 'success'
  | 'auth-failed'
  | 'forbidden'
  | 'not-found'
  /** 400, 409, 412, 422: the API refused the request itself. */
  | 'refused'
  | 'rate-limited'
  | 'server-error'
  /** Any other status (1xx, 405, 408, ...). */
  | 'other';

/** What the request shows about the two keys. */
export interface KeysShown {
  /** Both key headers present, spelled right, with a value. */
  both: boolean;
  /** No key header at all, under any spelling. */
  none: boolean;
  /** Only the answer was pasted: the request shows nothing. */
  missing?: boolean;
}

export interface Answer {
  kind: AnswerKind;
  exchange: Exchange;
  /** The answer; an empty one for the kinds that have none (`not-given`, `failure`). */
  response: ReceivedResponse;
  /** The status from the status line, or the one the body states (`stated`). */
  status: number | null;
  /** The status line was missing and the body stated the status. */
  stated: boolean;
  origin: Origin;
  detail: PreflightDetail;
  context: DiagnoseContext | undefined;
  /** The request's method, upper-cased. */
  verb: string;
  keys: KeysShown;
  /** The failed task the answer reports, for `task`. */
  task: TaskError | null;
  /** What the API's account body says (id, name, allow list, address seen), for `success`. */
  account: AccountInfo | null;
  /**
   * For `success`: the id of the task the API made for this request when it has not ended
   * (`received`, `processing-in-progress`): what the change comes to shows only at its end.
   */
  pendingTask: string | null;
  /**
   * An answer is at hand (not a preflight) but its shape does not show the API produced it: no
   * condition may `pass` on it (DESIGN.md).
   */
  notShownFromApi: boolean;
  /** A bare 403 to Python's default User-Agent: likely the edge, which the body would show. */
  edgeLikely: boolean;
  /**
   * The request shows no key (or not both, where the verdict would say the API judged the
   * request itself): the answer cannot be tied to the keys, so no condition is shown by it.
   */
  keysUnshown: boolean;
}

const NO_RESPONSE: ReceivedResponse = {
  status: null,
  statusText: '',
  headers: [],
  body: '',
  size: 0,
};

/** A Terraform provider crash (FACTS.md: `panic: runtime error`, "failed to respond"). */
const PROVIDER_CRASH = /\bpanic: |The plugin encountered an error, and failed to respond/;

const REQUEST_ERRORS = new Set([400, 409, 412, 422]);

/** Who answered; a sandbox answer is the sandbox's by construction. */
function originOf(exchange: Exchange, detail: PreflightDetail): Origin {
  const kind = detail.endpoint.hostKind;
  const apiHost = kind === 'api' || kind === 'sandbox' || kind === 'relay';
  const origin = whoAnswered(exchange, apiHost);
  if (origin.kind === 'untold' && exchange.source === 'sandbox') {
    return { kind: 'api', evidence: "the sandbox's answer" };
  }
  return origin;
}

/** The kind of an answer at hand, first by who produced it, then by its status. */
function kindOf(
  response: ReceivedResponse,
  status: number | null,
  origin: Origin,
  detail: PreflightDetail,
  keys: KeysShown,
): AnswerKind {
  const { endpoint } = detail;
  const redirect = status !== null && status >= 300 && status < 400;
  // An edge's or a proxy's page shows who answered wherever the request went (a redirect's page
  // is the redirect's own, unless it sends the request to a sign-in page away from the API).
  const intercepted =
    origin.kind === 'edge' || (origin.kind === 'proxy' && (!redirect || origin.via === 'redirect'));
  if (endpoint.hostKind === 'variable' && origin.kind !== 'api') {
    // Where the host is not in the paste, any page may be the host's own: only an edge's page or
    // one that names itself a proxy shows something answered in the API's place.
    if (intercepted && (origin.kind === 'edge' || origin.named)) return 'intercepted';
    return status === null ? 'status-unknown' : 'unshaped';
  }
  // A host from a variable is judged by the answer's shape (above), not by the URL as written.
  const urlOff =
    endpoint.hostKind !== 'variable' && (endpoint.hostKind === 'enterprise' || endpoint.offTarget);
  if (!keys.missing && urlOff) {
    // Only the API's own host can answer a path slip with the API's 2xx; anything else is not it.
    const fromApi = endpoint.hostKind === 'api' && status !== null && status < 300;
    if (!fromApi) return redirect && endpoint.hostKind === 'api' ? 'redirect' : 'not-from-api';
  }
  if ((status === null || status < 300) && failedTaskIn(response.body)) return 'task';
  const success = status !== null && status >= 200 && status < 300;
  // A page for a path that is no operation (Swagger UI's, under /v1/): the URL comes first.
  if (success && endpoint.knownOperation === false && origin.kind !== 'edge') return 'not-from-api';
  if (intercepted) return 'intercepted';
  if (origin.kind === 'web-server') return 'web-server';
  if (status === null) {
    return PROVIDER_CRASH.test(response.body.slice(0, 20_000))
      ? 'provider-crash'
      : 'status-unknown';
  }
  if (success) return origin.kind === 'api' ? 'success' : 'unproven-success';
  if (redirect) return 'redirect';
  if (status === 401) return 'auth-failed';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (REQUEST_ERRORS.has(status)) return 'refused';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server-error';
  return 'other';
}

/** The id of a task a 2xx body reports that has not ended, or null. */
function pendingTaskOf(body: string): string | null {
  const task = readTask(body.length > 100_000 ? '' : body);
  if (!task || isFinished(task.status)) return null;
  const id = jsonObject(body)?.['taskId'];
  return typeof id === 'string' && /^[\w-]{1,64}$/.test(id) ? id : null;
}

/** Whether the kind, as the API's own answer, says the API judged the request itself. */
function refusesRequest(answer: Omit<Answer, 'keysUnshown'>): boolean {
  if (answer.notShownFromApi) return false;
  switch (answer.kind) {
    case 'refused':
      return true;
    case 'not-found':
      return answer.detail.endpoint.knownOperation === true;
    case 'task': {
      if (!answer.task || isPermissionType(answer.task.type)) return false;
      const code = taskErrorStatus(answer.task);
      return code === null || (code < 500 && code !== 429);
    }
    default:
      return false;
  }
}

/**
 * Reads the exchange's answer: who produced it, its status, its kind. `preflightOnly` is a CORS
 * preflight (`OPTIONS`); `enterprise` a request to Redis Enterprise Software, whose keys are not
 * these headers.
 */
export function readAnswer(
  exchange: Exchange,
  detail: PreflightDetail,
  context: DiagnoseContext | undefined,
  keys: KeysShown,
  preflightOnly: boolean,
): Answer {
  const response = exchange.response ?? NO_RESPONSE;
  let status = exchange.response ? response.status : null;
  let stated = false;
  if (exchange.response && status === null && !preflightOnly) {
    status = statusFromBody(response.body);
    stated = status !== null;
  }
  const origin: Origin = exchange.response
    ? originOf(exchange, detail)
    : { kind: 'no-answer', evidence: 'no answer' };
  const kind: AnswerKind = !exchange.response
    ? exchange.failure
      ? 'failure'
      : 'not-given'
    : preflightOnly
      ? 'preflight'
      : kindOf(response, status, origin, detail, keys);
  const judged = exchange.response !== undefined && !preflightOnly;
  const userAgent = headerValue(exchange.request.headers, 'user-agent')?.trim() ?? '';
  const base = {
    kind,
    exchange,
    response,
    status,
    stated,
    origin,
    detail,
    context,
    verb: exchange.request.method.trim().toUpperCase(),
    keys,
    task: kind === 'task' ? failedTaskIn(response.body) : null,
    account: kind === 'success' ? parseAccount(response.body) : null,
    pendingTask: kind === 'success' ? pendingTaskOf(response.body) : null,
    notShownFromApi: judged && origin.kind !== 'api',
    edgeLikely:
      judged &&
      origin.kind === 'untold' &&
      response.status === 403 &&
      /^Python-urllib\//i.test(userAgent),
  };
  const enterprise = detail.endpoint.hostKind === 'enterprise';
  const keysUnshown =
    judged && ((keys.none && !enterprise) || (!keys.both && !keys.none && refusesRequest(base)));
  return { ...base, keysUnshown };
}
