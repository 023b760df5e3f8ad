/**
 * The answers that did not come from the API's code (FACTS.md, "Who answered"): an edge or a
 * proxy in its place (`intercepted`), a web server's own page, and an answer whose shape cannot
 * tell. None of them says anything about the keys, so no condition is judged.
 */
import type { ExchangeSource, ReceivedResponse } from '../core/exchange';
import { API_HOST } from '../core/checklist';
import { say } from './claims';
import { DOCS } from './docs-links';
import { makeItem } from './items';
import type { AnswerItemId, Judged } from './judged';
import { ANSWER_ITEMS } from './judged';
import { statusWords, unknownAll } from './answer-common';
import type { Origin } from './who-answered';

const CONDITIONS = ANSWER_ITEMS.slice(1) as AnswerItemId[];

/** What to do about an edge or a proxy, first words of the headline. */
function interceptedAction(origin: Origin, source: ExchangeSource, userAgent?: string): string {
  if (origin.kind === 'edge') {
    if (origin.code === '1010') {
      const ua = userAgent?.trim().split(/\s/)[0]?.slice(0, 60);
      return `Send the request with another User-Agent header (curl's, for example): the edge in front of ${API_HOST} refuses ${ua ? `this one (${ua})` : "this client's"} by its browser signature`;
    }
    if (origin.code === '1020') {
      return `Send the request from another network or client: the edge in front of ${API_HOST} refused it by a firewall rule`;
    }
    return `Send the request from another network or client, with a usual User-Agent: the edge in front of ${API_HOST} refused it`;
  }
  const where = source === 'pasted' ? "the customer's network" : 'this network';
  return `Bypass the proxy or gateway on ${where} for ${API_HOST} (ask whoever runs it, or try another network)`;
}

/** An edge or proxy answered in the API's place: `intercepted`, the keys never judged. */
export function judgeIntercepted(
  response: ReceivedResponse,
  status: number | null,
  origin: Origin,
  source: ExchangeSource,
  userAgent?: string,
): Judged {
  const items = {} as Judged['items'];
  const words = status === null ? 'An answer' : statusWords(status, response.statusText);
  const action = interceptedAction(origin, source, userAgent);
  items['reached-api'] = makeItem('reached-api', 'fail', {
    summary: `${words} came from ${origin.kind === 'edge' ? 'the edge in front of the API' : 'a proxy or gateway'}, not from the API: the keys were never judged.`,
    findings: [{ message: `What shows it: ${origin.evidence}.` }],
    explanation: `${say(origin.kind === 'edge' ? 'edge' : 'proxy')} ${origin.code === '1010' ? `${say('edgeUserAgent')} ` : ''}${say('apiShapes')}`,
    fix: `${action}.`,
    docs: DOCS.getStarted,
  });
  unknownAll(
    items,
    CONDITIONS,
    'Cannot be told: the API never saw the request.',
    'Something else answered in its place, so the answer says nothing about the keys, the allow list or the role.',
  );
  return {
    verdict: 'intercepted',
    items,
    decisive: 'reached-api',
    lead: status === null ? origin.evidence : `HTTP ${status}, ${origin.evidence}`,
    authenticated: false,
  };
}

/** A web server's own page (nginx 400, 502, 504): not the API's code, nothing about the keys. */
export function judgeWebServer(
  response: ReceivedResponse,
  status: number | null,
  origin: Origin,
): Judged {
  const items = {} as Judged['items'];
  const code = status ?? 0;
  const words = status === null ? 'An answer' : statusWords(status, response.statusText);
  const tooLarge = /too large/i.test(response.body.slice(0, 2000));
  const fix =
    code >= 500
      ? 'Try again in a few minutes: the web server in front of the API could not get an answer from it.'
      : tooLarge
        ? 'Send fewer or shorter headers and cookies: the web server refused the request for their size before the API saw it.'
        : 'Check how the request is written (its request line, headers and body), then send it again: the web server refused it before the API saw it.';
  items['reached-api'] = makeItem('reached-api', 'fail', {
    summary: `${words} is the web server's own page, not an answer of the API: the keys were never judged.`,
    explanation: `${say('webServer')} ${say('apiShapes')}`,
    fix,
  });
  unknownAll(
    items,
    CONDITIONS,
    "Cannot be told: the web server's own page says nothing about the keys.",
    "The API's code never judged the request.",
  );
  return {
    verdict: code >= 500 ? 'server-error' : 'unknown',
    items,
    decisive: 'reached-api',
    lead: status === null ? origin.evidence : `HTTP ${status}, ${origin.evidence}`,
    authenticated: false,
  };
}

/** A 2xx whose shape does not show the API produced it: nothing is proven. */
export function judgeUnprovenSuccess(response: ReceivedResponse, status: number): Judged {
  const items = {} as Judged['items'];
  const words = statusWords(status, response.statusText);
  items['reached-api'] = makeItem('reached-api', 'unknown', {
    summary: `${words}, but its body is none of the API's shapes, so it does not show that the API sent it.`,
    explanation: `${say('successMeansAuthenticated')} ${say('apiShapes')}`,
    fix:
      response.body.trim() === ''
        ? "Paste the answer's body as the tool printed it: the API's own JSON shows that it answered."
        : `Check that the request went to https://${API_HOST}/v1/...: this body is none of the API's.`,
  });
  unknownAll(
    items,
    CONDITIONS,
    'Cannot be told: the answer does not show that the API sent it.',
    'Only an answer the API produced says anything about the keys.',
  );
  return {
    verdict: 'unknown',
    items,
    decisive: 'reached-api',
    lead: `${words}, not shown to come from the API`,
    authenticated: false,
  };
}

/** A Terraform provider crash (FACTS.md: `panic: runtime error`, "failed to respond"). */
export const PROVIDER_CRASH = /\bpanic: |The plugin encountered an error, and failed to respond/;

/** The provider crashed: its output is no answer of the API, and asking for a status is useless. */
export function judgeProviderCrash(): Judged {
  const items = {} as Judged['items'];
  items['reached-api'] = makeItem('reached-api', 'unknown', {
    summary:
      'The Terraform provider crashed (a Go panic): what it printed is no answer of the API, so the keys were not judged by it.',
    explanation: `${say('apiShapes')} A crash of the provider says nothing about the keys; the request may or may not have been sent before it.`,
    fix: "Update the rediscloud provider and run it again; if it still crashes, report the panic to the provider's issue tracker, with TF_LOG=DEBUG output.",
  });
  unknownAll(
    items,
    CONDITIONS,
    'Cannot be told: the provider crashed before any answer was read.',
    'Only an answer the API produced says anything about the keys.',
  );
  return {
    verdict: 'unknown',
    items,
    decisive: 'reached-api',
    lead: 'the provider crashed',
    authenticated: false,
  };
}
