import { headerValue, type Exchange } from '../core/exchange';
import { isLoopbackHost } from '../core/hosts';

/** The mark the local relay (public/relay.js) puts on every answer. */
export const RELAY_HEADER = 'x-keycheck-relay';
/** Set, with a reason code, only on answers the relay made itself (never the API's). */
export const RELAY_ERROR_HEADER = 'x-keycheck-relay-error';
/**
 * On the relay's `upstream-redirect` answer: the API's own 3xx status and its Location. The
 * relay does not follow a redirect, nor pass it on as one (the browser would then hide it).
 */
export const UPSTREAM_STATUS_HEADER = 'x-keycheck-upstream-status';
export const UPSTREAM_LOCATION_HEADER = 'x-keycheck-upstream-location';

/** The port Keycheck's relay listens on unless told otherwise (public/relay.js). */
export const RELAY_PORT = '8787';

/**
 * Whether a pasted exchange shows Keycheck's relay: the answer carries its mark, or the request
 * went to loopback on the relay's own port. Any other server on loopback is not the relay (a
 * local mock, a dev server), and its answers are not the API's.
 */
export function relayShown(exchange: Exchange): boolean {
  if (exchange.response && headerValue(exchange.response.headers, RELAY_HEADER) === '1') {
    return true;
  }
  try {
    const url = new URL(exchange.request.url.trim());
    return isLoopbackHost(url.hostname) && url.port === RELAY_PORT;
  } catch {
    return false;
  }
}

/**
 * Whether the request went through a local relay: it was sent to a loopback address (where a
 * relay listens) or the answer carries the relay's mark. The API then sees the public address
 * of the machine the relay runs on, not this browser's. Sandbox exchanges never do.
 */
export function wentThroughRelay(exchange: Exchange): boolean {
  if (exchange.source === 'sandbox') return false;
  if (exchange.response && headerValue(exchange.response.headers, RELAY_HEADER) === '1') {
    return true;
  }
  try {
    return isLoopbackHost(new URL(exchange.request.url).hostname);
  } catch {
    return false;
  }
}
