/**
 * The evidence of origin, applied (FACTS.md, "Who answered"): `whoAnswered` tells who produced
 * an answer, and no condition stays `pass` on an answer the API is not shown to have produced.
 * What a tool printed (its status in its own words, or that no answer came) is read by the
 * answer readers in lib/paste, which hand diagnose an exchange with a status or a failure.
 */
import { headerValue } from '../core/exchange';
import type { Exchange } from '../core/exchange';
import { say } from './claims';
import { makeItem } from './items';
import type { Judged } from './judged';
import { ANSWER_ITEMS } from './judged';
import type { PreflightDetail } from './preflight';
import { whoAnswered } from './who-answered';
import type { Origin } from './who-answered';

/** Who answered; a sandbox answer is the sandbox's by construction. */
export function originOf(exchange: Exchange, detail: PreflightDetail): Origin {
  const kind = detail.endpoint.hostKind;
  const apiHost = kind === 'api' || kind === 'sandbox' || kind === 'relay';
  const origin = whoAnswered(exchange, apiHost);
  if (origin.kind === 'untold' && exchange.source === 'sandbox') {
    return { kind: 'api', evidence: "the sandbox's answer" };
  }
  return origin;
}

/**
 * No condition is `pass` unless the API produced the answer (DESIGN.md): where the answer's
 * shape does not show who sent it, what its status suggests stays `unknown`, said as likely.
 */
export function gatedByOrigin<T extends Judged>(judged: T, origin: Origin): T {
  if (origin.kind === 'api') return judged;
  const items = { ...judged.items };
  for (const id of ANSWER_ITEMS) {
    const item = items[id];
    if (item.status !== 'pass') continue;
    items[id] = makeItem(id, 'unknown', {
      summary:
        id === 'reached-api'
          ? `${item.summary.replace(/\.$/, '')}, in a shape that does not show that the API sent it.`
          : `Likely, but not shown: ${item.summary.replace(/^Holds: |^Not the cause: /, '')}`,
      explanation: `${item.explanation} ${say('apiShapes')}`,
    });
  }
  // `request-error` says the API judged the request itself: only its own answer shows that
  // (DESIGN.md). The status still says what to look at, so the action stays, hedged.
  if (judged.verdict === 'request-error') {
    return {
      ...judged,
      items,
      authenticated: false,
      verdict: 'unknown',
      action: `${judged.action ?? "Fix the request's parameters or body"}; the answer does not show that the API sent it`,
    };
  }
  return { ...judged, items, authenticated: false };
}

/**
 * A 403 whose body is not at hand, for a request with Python's default User-Agent: the edge in
 * front of the API is seen to refuse exactly that with its error code 1010 (FACTS.md, "Who
 * answered"), so that is the likely cause to check first; the answer alone does not show it.
 */
export function edgeLikely<T extends Judged>(judged: T, exchange: Exchange, origin: Origin): T {
  const status = exchange.response?.status;
  const userAgent = headerValue(exchange.request.headers, 'user-agent')?.trim() ?? '';
  if (origin.kind !== 'untold' || status !== 403 || !/^Python-urllib\//i.test(userAgent)) {
    return judged;
  }
  const ua = userAgent.split(/\s/)[0]?.slice(0, 40) ?? 'Python-urllib';
  const items = { ...judged.items };
  items['reached-api'] = makeItem('reached-api', 'unknown', {
    summary: `HTTP 403 to a request with ${ua} as its User-Agent: likely the edge in front of the API, not the API; the body that would show it is not here.`,
    explanation: `${say('edgeUserAgent')} ${say('edge')}`,
    fix: "Send the request with another User-Agent header (curl's, for example), or paste the answer's body: Cloudflare's \"error code: 1010\" there would show the edge refused it.",
  });
  return { ...judged, items, decisive: 'reached-api' };
}
