/**
 * The `reached-api` item: who answered, and what (DESIGN.md; FACTS.md, "Who answered"). Its
 * rules in order: a bare 403 to Python's default User-Agent (likely the edge); no answer at hand;
 * no answer came back (a certificate that is not the API's, a proxy that refused the tunnel, or
 * the failure the tool or browser reports); a CORS preflight; an answer whose origin or status cannot be told; a redirect;
 * another host or no operation; a failed task; an edge or proxy; a web server's own page; a
 * provider crash; a 2xx not shown to be the API's; then the API's own answer by its status.
 */
import { headerValue } from '../../core/exchange';
import type { ExchangeSource } from '../../core/exchange';
import { API_HOST } from '../../core/checklist';
import type { Answer, AnswerKind } from '../answer';
import { say } from '../claims';
import type { ClaimId } from '../claims';
import { DOCS } from '../docs-links';
import { makeItem, unknownItem } from '../items';
import { BODY_WORDS, bodyKind, responseHeader, springErrorPath } from '../response-body';
import { kindIs } from '../rule';
import type { Rule } from '../rule';
import { reachedItem, statusWords } from '../status-words';
import { errorWords } from '../task-line';
import { failureItem, inspectedTls, notGivenItem, preflightItem, proxyRefused } from '../transport';
import type { Origin } from '../who-answered';
import { meaning403, notActive } from './forbidden';

/** What to do about an edge or a proxy, first words of the headline. */
function interceptedAction(
  origin: Origin,
  status: number | null,
  source: ExchangeSource,
  userAgent?: string,
): string {
  if (origin.kind === 'edge') {
    if (origin.code === '1010') {
      const ua = userAgent?.trim().split(/\s/)[0]?.slice(0, 60);
      return `Send the request with another User-Agent header (curl's, for example): the edge in front of ${API_HOST} refuses ${ua ? `this one (${ua})` : "this client's"} by its browser signature`;
    }
    if (origin.code === '1020') {
      return `Send the request from another network or client: the edge in front of ${API_HOST} refused it by a firewall rule`;
    }
    if (origin.code === '1015') {
      return `Wait a minute, then send fewer requests at a time: the edge in front of ${API_HOST} limits this client's rate (Cloudflare's error code 1015)`;
    }
    if (origin.code && /^5\d\d$/.test(origin.code)) {
      return `Try again in a few minutes: the edge in front of ${API_HOST} could not get an answer from the API (Cloudflare's error ${origin.code})`;
    }
    return `Send the request from another network or client, with a usual User-Agent: the edge in front of ${API_HOST} refused it`;
  }
  const where = source === 'pasted' ? "the customer's network" : 'this network';
  if (status !== null && status >= 500 && !origin.named) {
    return `Try again in a few minutes: a gateway's own ${status} page answered, not the API; if it keeps answering, check whether a proxy or gateway on ${where} is in the way of ${API_HOST}`;
  }
  return `Bypass the proxy or gateway on ${where} for ${API_HOST} (ask whoever runs it, or try another network)`;
}

/** `HTTP 403 Forbidden`, or `An answer` when no status is known. */
const answerWords = (a: Answer) =>
  a.status === null ? 'An answer' : statusWords(a.status, a.response.statusText);

function intercepted(a: Answer) {
  const { origin } = a;
  const userAgent = headerValue(a.exchange.request.headers, 'user-agent');
  return makeItem('reached-api', 'fail', {
    summary: `${answerWords(a)} came from ${origin.kind === 'edge' ? 'the edge in front of the API' : 'a proxy or gateway'}, not from the API: the keys were never judged.`,
    findings: [{ message: `What shows it: ${origin.evidence}.` }],
    explanation: `${say(origin.kind === 'edge' ? 'edge' : 'proxy')} ${origin.code === '1010' ? `${say('edgeUserAgent')} ` : ''}${say('apiShapes')}`,
    fix: `${interceptedAction(origin, a.status, a.exchange.source, userAgent)}.`,
    docs: DOCS.getStarted,
  });
}

function notFromApi(a: Answer) {
  const host = a.detail.endpoint.host || 'that address';
  const enterprise = a.detail.endpoint.hostKind === 'enterprise';
  const apiHost = a.detail.endpoint.hostKind === 'api';
  const words = answerWords(a);
  const body = BODY_WORDS[bodyKind(a.response.body)];
  return makeItem('reached-api', 'warn', {
    summary: enterprise
      ? `${words} came from Redis Enterprise Software's API at ${host}, not from Redis Cloud's API.`
      : apiHost
        ? `${words} came from ${host}, but for a URL that is no operation of the API.`
        : `${words} came from ${host}, not from the API.`,
    explanation: enterprise
      ? `${say('enterprise')} Its answer tells nothing about Redis Cloud keys.`
      : apiHost
        ? `The request went to the API's host with ${body} in return, but not to an operation under https and /v1/ (see the endpoint check). ${say('v1Paths')}`
        : `Something answered with ${body}, but not the API: the request went to the wrong host.`,
    fix: enterprise
      ? 'Check that request against the Redis Enterprise Software docs; Keycheck judges Redis Cloud only.'
      : 'Fix the URL (see the endpoint check) and send again.',
  });
}

/**
 * A rule for the API's own answer of one kind (`pass`): the status in words, the document's
 * meaning of it, and what `explain` makes of that explanation for this kind.
 */
function apiAnswer(
  name: string,
  claim: ClaimId,
  kind: AnswerKind,
  explain: (a: Answer, explanation: string) => string = (_, text) => text,
): Rule {
  return {
    name,
    claim,
    when: kindIs(kind),
    item: (a) => {
      const reached = reachedItem(a.response, a.status ?? 0, a.stated);
      reached.explanation = explain(a, reached.explanation);
      return reached;
    },
  };
}

/**
 * What to do about a 2xx that does not show it came from the API: paste the body the tool
 * printed; for an answer that has none (a 204, `Content-Length: 0`), ask for one that has.
 */
function unprovenFix(a: Answer): string {
  if (a.response.body.trim() !== '') {
    return `Check that the request went to https://${API_HOST}/v1/...: this body is none of the API's.`;
  }
  const length = responseHeader(a.response, 'content-length')?.trim();
  if (a.status === 204 || length === '0') {
    return `Send GET https://${API_HOST}/v1/ with the same keys and paste its whole answer: this one has no body, and the account the API returns shows that the API answered.`;
  }
  return "Paste the answer's body as the tool printed it: the API's own JSON shows that it answered.";
}

/** What the API's answer adds for a refusal of the request itself, by status. */
const REFUSAL_ADVICE: Readonly<Record<number, string>> = {
  400: 'The API refused the request itself: a parameter or the JSON body is not what the operation expects.',
  409: 'The request conflicts with the current state, e.g. a name already in use or a change still in progress.',
  412: `${say('status412')} The feature is likely not turned on for this account.`,
  422: 'The body was read but its values cannot be processed.',
};

export const RULES: readonly Rule[] = [
  {
    name: 'a bare 403 to Python-urllib',
    claim: 'edgeUserAgent',
    when: (a) => a.edgeLikely,
    item: (a) => {
      const userAgent = headerValue(a.exchange.request.headers, 'user-agent')?.trim() ?? '';
      const ua = userAgent.split(/\s/)[0]?.slice(0, 40) ?? 'Python-urllib';
      return makeItem('reached-api', 'unknown', {
        summary: `HTTP 403 to a request with ${ua} as its User-Agent: likely the edge in front of the API, not the API; the body that would show it is not here.`,
        explanation: `${say('edgeUserAgent')} ${say('edge')}`,
        fix: "Send the request with another User-Agent header (curl's, for example), or paste the answer's body: Cloudflare's \"error code: 1010\" there would show the edge refused it.",
      });
    },
  },
  { name: 'no answer at hand', claim: 'apiShapes', when: kindIs('not-given'), item: notGivenItem },
  {
    name: "a certificate that is not the API's",
    claim: 'proxy',
    when: (a) => a.kind === 'failure' && inspectedTls(a.exchange),
    item: failureItem,
  },
  {
    name: 'a proxy refused the tunnel',
    claim: 'proxy',
    when: (a) => a.kind === 'failure' && proxyRefused(a.exchange),
    item: failureItem,
  },
  {
    name: 'no answer came back',
    claim: 'toolNoAnswer',
    when: kindIs('failure'),
    item: failureItem,
  },
  { name: 'a preflight only', claim: 'cors', when: kindIs('preflight'), item: preflightItem },
  {
    name: 'a host the paste does not show',
    claim: 'apiShapes',
    when: kindIs('unshaped'),
    item: (a) =>
      unknownItem(
        'reached-api',
        `HTTP ${a.status}, in a shape that does not show whether the API sent it.`,
        "The host is not in the paste, and the answer is none of the API's known shapes (the nginx 401 page, the Spring Boot error body, the API's JSON).",
      ),
  },
  {
    name: 'no status',
    claim: 'apiShapes',
    when: kindIs('status-unknown'),
    item: (a) =>
      makeItem('reached-api', 'unknown', {
        summary: `An answer with ${BODY_WORDS[bodyKind(a.response.body)]}; its status is unknown.`,
        explanation:
          'The status line was not pasted and the body does not state a status, so whether the request authenticated cannot be told.',
        fix: 'Paste the whole answer, status line included (curl -i shows it).',
      }),
  },
  {
    name: 'a redirect',
    claim: 'v1Paths',
    when: kindIs('redirect'),
    item: (a) => {
      const status = a.status ?? 300;
      const reached = reachedItem(a.response, status, a.stated);
      const location = redirectTarget(a);
      reached.status = 'warn';
      reached.summary = `A redirect (${statusWords(status, a.stated ? '' : a.response.statusText)})${location ? ` to ${location}` : ''}, not an answer from the API.`;
      reached.explanation += ` A redirect means the URL is not the API's own address (http instead of https, or another host): the conditions were never judged, and a tool that follows it should not send the keys on. ${say('v1Paths')}`;
      reached.fix = location
        ? `Send the request to ${location.startsWith('https://api.redislabs.com/') ? location : 'https://api.redislabs.com/v1/...'} directly.`
        : 'Send the request to https://api.redislabs.com/v1/... directly.';
      return reached;
    },
  },
  {
    name: 'Redis Enterprise Software',
    claim: 'enterprise',
    when: (a) => a.kind === 'not-from-api' && a.detail.endpoint.hostKind === 'enterprise',
    item: notFromApi,
  },
  {
    name: 'another host or no operation',
    claim: 'v1Paths',
    when: kindIs('not-from-api'),
    item: notFromApi,
  },
  {
    name: 'a task failed',
    claim: 'failedTask',
    when: kindIs('task'),
    item: (a) =>
      makeItem('reached-api', 'pass', {
        summary: `The API reported a failed task: ${errorWords(a.task ?? { type: 'UNKNOWN' })}.`,
        explanation: `${say('failedTask')} ${say('failedTaskAuthenticated')}`,
        docs: DOCS.tasks,
      }),
  },
  {
    name: 'an edge answered',
    claim: 'edge',
    when: (a) => a.kind === 'intercepted' && a.origin.kind === 'edge',
    item: intercepted,
  },
  { name: 'a proxy answered', claim: 'proxy', when: kindIs('intercepted'), item: intercepted },
  {
    name: "a web server's own page",
    claim: 'webServer',
    when: kindIs('web-server'),
    item: (a) => {
      const code = a.status ?? 0;
      const tooLarge = /too large/i.test(a.response.body.slice(0, 2000));
      const fix =
        code >= 500
          ? 'Try again in a few minutes: the web server in front of the API could not get an answer from it.'
          : tooLarge
            ? 'Send fewer or shorter headers and cookies: the web server refused the request for their size before the API saw it.'
            : 'Check how the request is written (its request line, headers and body), then send it again: the web server refused it before the API saw it.';
      return makeItem('reached-api', 'fail', {
        summary: `${answerWords(a)} is the web server's own page, not an answer of the API: the keys were never judged.`,
        explanation: `${say('webServer')} ${say('apiShapes')}`,
        fix,
      });
    },
  },
  {
    name: 'a provider crash',
    claim: 'apiShapes',
    when: kindIs('provider-crash'),
    item: () =>
      makeItem('reached-api', 'unknown', {
        summary:
          'The Terraform provider crashed (a Go panic): what it printed is no answer of the API, so the keys were not judged by it.',
        explanation: `${say('apiShapes')} A crash of the provider says nothing about the keys; the request may or may not have been sent before it.`,
        fix: "Update the rediscloud provider and run it again; if it still crashes, report the panic to the provider's issue tracker, with TF_LOG=DEBUG output.",
      }),
  },
  {
    name: 'a 2xx not shown to be the API',
    claim: 'successMeansAuthenticated',
    when: kindIs('unproven-success'),
    item: (a) =>
      makeItem('reached-api', 'unknown', {
        summary: `${answerWords(a)}, but its body is none of the API's shapes, so it does not show that the API sent it.`,
        explanation: `${say('successMeansAuthenticated')} ${say('apiShapes')}`,
        fix: unprovenFix(a),
      }),
  },
  apiAnswer('the API refused the request itself', 'status400', 'refused', (a, text) => {
    const advice =
      REFUSAL_ADVICE[a.status ?? 0] ?? 'The API refused the request itself, not the keys.';
    return `${text} ${advice} The body may say which part.`;
  }),
  apiAnswer('a 404', 'spring404', 'not-found', (a, text) => {
    const springPath = springErrorPath(a.response.body);
    return springPath !== null
      ? `${text} The body is the Spring Boot error shape, for path ${springPath}: the API's application answered.`
      : bodyKind(a.response.body) === 'empty'
        ? `${text} The body is empty. ${say('spring404')}`
        : text;
  }),
  apiAnswer('a 403', 'status403', 'forbidden', (a, text) =>
    notActive(a) ? text.replace(say('status403'), meaning403(a)) : text,
  ),
  apiAnswer('a server error', 'status500', 'server-error', (a, text) =>
    a.status === 500
      ? `${text} The API failed on its side; if it persists, contact Redis support.`
      : `${text} The API, or a server in front of it, failed or is unavailable; try again later.`,
  ),
  apiAnswer('a 2xx from the API', 'successMeansAuthenticated', 'success'),
  apiAnswer('a 401', 'status401', 'auth-failed'),
  apiAnswer('a 429', 'status429', 'rate-limited'),
  apiAnswer('another status', 'apiShapes', 'other'),
];

/** Where a redirect points, without its query, for the page and the headline. */
export function redirectTarget(a: Answer): string | undefined {
  return responseHeader(a.response, 'location')?.split(/[?#]/)[0]?.slice(0, 200);
}
