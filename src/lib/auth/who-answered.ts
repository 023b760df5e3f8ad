/**
 * Who answered (FACTS.md, "Who answered"): before any condition is judged, the evidence of
 * origin. Only the API's own shapes show that the API produced an answer; an edge or a proxy can
 * answer in its place, a web server can answer with its own page, a tool can say that nothing
 * answered, and a bare status shows none of these.
 */
import type { Exchange, ReceivedResponse } from '../core/exchange';
import { API_HOST } from '../core/checklist';
import { RESPONSE_FIELDS } from '../api/generated/catalog';
import { jsonObject } from '../core/json';
import { failedTaskIn } from './task-line';
import { SPRING_IN_TEXT, bodyKind, responseHeader, springErrorPath } from './response-body';

export type OriginKind =
  /** The API's own shape: its JSON, the Spring error, a task, its nginx 401 page, its headers. */
  | 'api'
  /** An edge in front of the API (Cloudflare's pages and codes): the API never saw it. */
  | 'edge'
  /** A proxy or gateway answered in the API's place (407, a sign-in or "blocked" page). */
  | 'proxy'
  /** A web server's own page (nginx 400, 502, 504): not the API's code. */
  | 'web-server'
  /** No HTTP answer came back (`exchange.failure`) or none is part of the exchange. */
  | 'no-answer'
  /** An answer whose shape cannot tell who sent it (a status alone, an empty body, text). */
  | 'untold';

export interface Origin {
  kind: OriginKind;
  /** What shows it, in a few words for a person, e.g. "Cloudflare's error code 1010". */
  evidence: string;
  /** For an edge: the Cloudflare error code, when the body states one. */
  code?: string;
  /** For a proxy: it showed itself by a redirect to its sign-in page, not by a page. */
  via?: 'redirect';
  /**
   * For a proxy: the answer names itself one (a sign-in or "blocked" page, a 407, a redirect to a
   * sign-in page), not only a page that is none of the API's.
   */
  named?: true;
}

/** Top-level fields of the API's own JSON bodies (account, task, list and error shapes). */
const API_FIELDS = [
  'account',
  'accountId',
  'taskId',
  'commandType',
  'subscriptions',
  'subscription',
  'databases',
  'entries',
  'paymentMethods',
  'users',
  'regions',
  'cloudAccounts',
  'links',
  '_links',
  'tasks',
];

/** Top-level fields of the operations' documented 2xx bodies (generated from the API document). */
const DOCUMENTED_FIELDS: ReadonlySet<string> = new Set(RESPONSE_FIELDS);

/** Headers only the API is seen to send (FACTS.md, "Preconditions": the rate-limit headers). */
const API_HEADERS = ['x-rate-limit-remaining', 'x-rate-limit-retry-after-seconds'];

/** The start of a body, enough to tell a page by its title or first words. */
const HEAD = 4000;

const CLOUDFLARE_CODE = /^\s*error code:\s*(\d{3,4})\b/i;
/** The code a Cloudflare HTML page states: "Error code 522", or its title's "| 522: ...". */
const CLOUDFLARE_PAGE_CODE = /\berror code:?\s*(\d{3,4})\b|\|\s*(?=5\d\d:)(\d{3})/i;
const SIGN_IN =
  /\b(?:sign[ -]?in|log[ -]?in|logon|single sign-on|sso|authenticate to continue|captive portal|blocked by (?:your )?(?:organi[sz]ation'?s? )?(?:policy|administrator)|access (?:denied|blocked) by|web filter|zscaler|forcepoint|bluecoat|websense|netskope|palo alto|fortiguard|proxy)\b/i;
/** The nginx 401 page as a tool prints it as text, its tags gone (PowerShell 7's message). */
const NGINX_401_TEXT = /\b401 Authorization Required\b[\s\S]{0,400}?\bnginx\b/i;
const NGINX_TITLE = /<title>\s*(\d{3})\b[^<]{0,80}<\/title>/i;

function isCloudflare(head: string): string | null {
  const code = CLOUDFLARE_CODE.exec(head)?.[1];
  if (code) return `Cloudflare's "error code: ${code}"`;
  if (/\battention required\b/i.test(head) && /cloudflare/i.test(head)) {
    return 'Cloudflare\'s "Attention Required" page';
  }
  if (/cf-ray|cloudflare ray id|cf-error|cf-wrapper/i.test(head)) return 'a Cloudflare error page';
  // `server: cloudflare` alone is no evidence: the API itself sits behind Cloudflare, so its own
  // answers may carry it; only the edge's own body (a code, its page) shows the edge answered.
  return null;
}

/** Words of a sign-in page's address (a proxy's, a captive portal's, a single sign-on's). */
const SIGN_IN_URL =
  /log[-_]?in|sign[-_]?in|logon|\bsso\b|saml|oauth|\bauth\b|captive|portal|zscaler|zscloud|netskope|forcepoint|bluecoat|websense|proxy|gateway/i;

/**
 * A redirect from the API's host to a sign-in page on another host: a proxy or captive portal
 * took the request (FACTS.md, "Who answered": a proxy can answer in the API's place). A redirect
 * to the API's own host, or to a page with no such words, stays a redirect.
 */
function redirectAway(response: ReceivedResponse): string | null {
  const status = response.status;
  if (status === null || status < 300 || status >= 400) return null;
  const location = responseHeader(response, 'location')?.trim().slice(0, 2000);
  if (!location) return null;
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return null;
  }
  if (url.hostname.toLowerCase() === API_HOST) return null;
  if (!SIGN_IN_URL.test(`${url.hostname}${url.pathname}`)) return null;
  return `a redirect to a sign-in page at ${url.hostname.slice(0, 100)}, away from the API`;
}

/** Whether a JSON body is one of the API's: its fields, a Spring error, a task. */
function apiJson(body: string, apiHost: boolean, success: boolean): string | null {
  const json = jsonObject(body);
  const path = springErrorPath(body);
  if (path !== null) {
    return path.startsWith('/v1/') || apiHost ? "the API's Spring-style error body" : null;
  }
  if (json === null) {
    // A JSON array from the API's own host is one of its list answers.
    return success && apiHost && /^\s*\[/.test(body) && bodyKind(body) === 'json'
      ? 'a JSON answer from the API host'
      : null;
  }
  if (API_FIELDS.some((field) => field in json)) return "the API's JSON body";
  if (typeof json.status === 'string' && /^processing-|^initialized$|^received$/.test(json.status))
    return 'a task body';
  // JSON of an operation from the API's host, for a success only: the API's error bodies are the
  // Spring shape (a 403 or 429 body is not published), so other JSON errors prove nothing; and a
  // body with none of the fields the operations' documented bodies have (`{"message": ...}`,
  // `{"error": ...}`, what mocks and filtering proxies answer) is not one of them.
  return success && apiHost && Object.keys(json).some((k) => DOCUMENTED_FIELDS.has(k))
    ? 'a JSON answer from the API host'
    : null;
}

/**
 * Who produced the answer of this exchange, from what the answer itself shows. `apiHost`: the
 * request went to the API's host (or the sandbox, or a relay to it), so a JSON body there is the
 * API's answer for the operation. The API's own shapes win over everything else, since the API
 * itself sits behind Cloudflare (its answers may carry `server: cloudflare`). Linear in the
 * body: only its first few thousand characters are looked at for pages.
 */
export function whoAnswered(exchange: Exchange, apiHost: boolean): Origin {
  const response = exchange.response;
  if (!response) {
    return {
      kind: 'no-answer',
      evidence: exchange.failure ? 'no HTTP answer came back' : 'no answer is part of this',
    };
  }
  const body = response.body;
  const head = body.slice(0, HEAD);
  const kind = bodyKind(body);
  const status = response.status;
  if (failedTaskIn(body)) return { kind: 'api', evidence: 'a failed task the API reported' };
  if (kind === 'json') {
    const json = apiJson(body, apiHost, status !== null && status >= 200 && status < 300);
    if (json) return { kind: 'api', evidence: json };
  }
  const title = NGINX_TITLE.exec(head)?.[1];
  // The page may stand inside a tool's message (PowerShell, RedisInsight, the Go client).
  const nginx =
    kind === 'nginx-html' ||
    (kind === 'text' && (/<center>\s*nginx/i.test(head) || NGINX_401_TEXT.test(head)));
  const page401 = title === '401' || (kind === 'text' && NGINX_401_TEXT.test(head));
  if (nginx && page401 && (status === 401 || status === null)) {
    return { kind: 'api', evidence: "the API's nginx 401 page" };
  }
  if (kind === 'nginx-html' && status === 401) {
    return { kind: 'api', evidence: "the API's nginx 401 page" };
  }
  if (kind === 'text' && SPRING_IN_TEXT.test(head)) {
    return {
      kind: 'api',
      evidence: "the API's Spring-style error body, inside the tool's message",
    };
  }
  const away = apiHost ? redirectAway(response) : null;
  if (away) return { kind: 'proxy', evidence: away, via: 'redirect', named: true };
  const edge = isCloudflare(head);
  if (edge) {
    const stated = CLOUDFLARE_CODE.exec(head) ?? CLOUDFLARE_PAGE_CODE.exec(head);
    // Cloudflare's own 52x statuses name the failure when the page is not at hand.
    const code =
      stated?.[1] ??
      stated?.[2] ??
      (status !== null && /^52\d$/.test(String(status)) ? String(status) : undefined);
    return { kind: 'edge', evidence: edge, ...(code ? { code } : {}) };
  }
  if (status === 407) {
    return { kind: 'proxy', evidence: 'HTTP 407: a proxy asks to sign in', named: true };
  }
  if (kind === 'nginx-html') {
    return { kind: 'web-server', evidence: `nginx's own ${title ?? status ?? ''} page`.trim() };
  }
  if (kind === 'html') {
    const signIn = SIGN_IN.test(head);
    const words = signIn ? 'a sign-in or "blocked" page' : 'an HTML page';
    return {
      kind: 'proxy',
      evidence: `${words}, none of the API's shapes`,
      ...(signIn ? { named: true } : {}),
    };
  }
  if (API_HEADERS.some((name) => responseHeader(response, name) !== undefined)) {
    return { kind: 'api', evidence: "the API's rate-limit headers" };
  }
  return { kind: 'untold', evidence: 'an answer whose shape does not show who sent it' };
}
