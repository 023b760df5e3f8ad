/**
 * The one module that touches the network. It sends one request and returns an `Exchange`:
 * the answer as it came, or why none came. Every dependency (fetch, clock, probe, online
 * state, page protocol) is a parameter with a default, so tests and the sandbox plug in.
 */
import ky from 'ky';
import type {
  Exchange,
  ExchangeSource,
  Header,
  ReceivedResponse,
  SentRequest,
  TransportFailure,
} from '../core/exchange';
import {
  classifyFailure,
  headerFailure,
  invalidUrlFailure,
  isNetworkError,
  mixedContentFailure,
  opaqueRedirectFailure,
  relayFailure,
} from './failure';
import { findSecrets, scrub } from '../secrets';
import {
  RELAY_ERROR_HEADER,
  RELAY_HEADER,
  UPSTREAM_LOCATION_HEADER,
  UPSTREAM_STATUS_HEADER,
} from './relay';
import { buildUrl } from './url';

/** What to send. */
export interface ApiRequest {
  /** e.g. `https://api.redislabs.com`, the sandbox origin or a local relay. */
  baseUrl: string;
  method: string;
  /** e.g. `/v1/subscriptions?offset=0`; joined to `baseUrl` as text. */
  path: string;
  /** Appended to the path's own query. */
  query?: Record<string, string>;
  /** Sent in this order; both auth headers are ordinary entries here. */
  headers: Header[];
  body?: string;
}

export interface SendOptions {
  /** Default `globalThis.fetch`. The sandbox plugs in here. */
  fetch?: typeof fetch;
  /** Cancels the request; the exchange then fails with `aborted`. */
  signal?: AbortSignal;
  /** Time limit for the whole answer, body included. Default 30000. */
  timeoutMs?: number;
  /** Default `network`. */
  source?: ExchangeSource;
  /** Milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
  /**
   * Whether anything answers at this origin (`https://host/`). Run only after a network error,
   * to tell CORS (something answered) from unreachable. Default: a `no-cors` fetch that counts
   * as an answer if it resolves.
   */
  probe?: (url: string) => Promise<boolean>;
  /** Default: `navigator.onLine` where it exists, else true. */
  online?: () => boolean;
  /** `https:` or `http:`: the page's protocol, for mixed content. Default: the page's, if any. */
  pageProtocol?: string;
  /** The page's origin, named in the relay command a failure suggests. Default: the page's. */
  pageOrigin?: string;
  /**
   * A rule the URL must pass before anything is sent, such as the page's connect policy
   * (`connectPolicyFailure`): a failure returned here is reported as not sent.
   */
  refuse?: (url: URL) => TransportFailure | null;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** The probe is a second opinion, not a second wait: it gets at most this long. */
const PROBE_TIMEOUT_MS = 5_000;
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Sends one request and describes what happened. Never throws for a transport problem and
 * never retries (a diagnostic tool shows the one answer it got): 4xx and 5xx come back as
 * responses, and a request that got no answer comes back with a `failure`:
 * - checked before sending, nothing sent: a header `fetch` refuses (`invalid-header-value`),
 *   an `http:` URL from an `https:` page (`mixed-content`), a base URL and path that make no
 *   http(s) URL (`unreachable`), a URL the `refuse` option rejects (its failure, such as
 *   `blocked-by-policy`);
 * - after: `aborted`, `timeout`, `offline`, `cors` or `unreachable` (see `classifyFailure`).
 * Redirects are never followed, so the keys reach only the address asked for: a 3xx comes back
 * as the response when the runtime shows it (Node), as a `redirect` failure when the browser
 * hides it (an opaque redirect), and, through the local relay, as the API's 3xx status and
 * Location that the relay reports. An answer the relay made itself (`x-keycheck-relay-error`)
 * is never taken for the API's: it becomes a failure (`relay-refused`, or `unreachable` /
 * `timeout` when the relay could not get an answer from the API), see `relayFailure`.
 * When a body is given without a `content-type` header, `content-type: application/json` is
 * added (and shows in `request.headers`). A body on GET or HEAD is dropped: `fetch` refuses one.
 * Header values are recorded as given; `fetch` itself trims surrounding whitespace.
 * The returned exchange holds the secrets as sent: show and store only its safe view
 * (`lib/secrets`, through `lib/inspect`).
 */
export async function send(request: ApiRequest, options: SendOptions = {}): Promise<Exchange> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const timeoutMs = Math.min(Math.max(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1), MAX_TIMER_MS);
  const method = request.method.trim().toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? undefined : request.body;
  const headers = [...request.headers];
  if (body !== undefined && !headers.some((h) => h.name.trim().toLowerCase() === 'content-type')) {
    headers.push({ name: 'content-type', value: 'application/json' });
  }
  const url = buildUrl(request.baseUrl, request.path, request.query);
  const sent: SentRequest = {
    method,
    url: url?.href ?? `${request.baseUrl}${request.path}`,
    headers,
  };
  if (body !== undefined) sent.body = body;
  // Runtime messages can echo what was sent: keep every secret of the request out of them.
  const secrets = findSecrets({ request: sent });
  const exchange: Exchange = {
    source: options.source ?? 'network',
    request: sent,
    startedAt: new Date(now()).toISOString(),
  };

  const notSent = (failure: TransportFailure): Exchange => ({
    ...exchange,
    failure: { ...failure, message: scrub(failure.message, secrets) },
  });
  if (!url) return notSent(invalidUrlFailure(request.baseUrl, request.path));
  const refused =
    headerFailure(headers) ??
    mixedContentFailure(url, options.pageProtocol ?? pageProtocol()) ??
    options.refuse?.(url) ??
    null;
  if (refused) return notSent(refused);

  // One deadline for the whole answer. ky's timeout covers waiting for the headers only;
  // this one also covers reading the body, which a slow server can drip out.
  const deadline = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    deadline.abort();
  }, timeoutMs);
  const signal = options.signal
    ? AbortSignal.any([options.signal, deadline.signal])
    : deadline.signal;
  const started = now();
  const pageOrigin = options.pageOrigin ?? defaultPageOrigin();
  try {
    const init = new Headers();
    for (const h of headers) init.append(h.name, h.value);
    const response = await ky(url, {
      method,
      headers: init,
      ...(body === undefined ? {} : { body }),
      signal,
      retry: 0,
      throwHttpErrors: false,
      // Keys never follow a redirect: the 3xx itself is shown and diagnosed.
      redirect: 'manual',
      timeout: timeoutMs,
      // A bare `fetch` called as a method of ky's options object throws "Illegal invocation".
      fetch: (input, requestInit) => fetchImpl(input, requestInit),
    });
    if (response.type === 'opaqueredirect') {
      return {
        ...exchange,
        failure: opaqueRedirectFailure(url.origin),
        durationMs: now() - started,
      };
    }
    const relayError = response.headers.get(RELAY_ERROR_HEADER);
    if (relayError !== null && relayError !== 'upstream-redirect') {
      await response.body?.cancel().catch(() => undefined);
      const failure = relayFailure(relayError, url.origin, pageOrigin);
      return { ...exchange, failure, durationMs: now() - started };
    }
    if (relayError === 'upstream-redirect') {
      await response.body?.cancel().catch(() => undefined);
      return {
        ...exchange,
        response: relayedRedirect(response.headers),
        durationMs: now() - started,
      };
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const received: ReceivedResponse = {
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers].map(([name, value]) => ({ name, value })),
      body: decodeBody(bytes, response.headers.get('content-type') ?? ''),
      size: bytes.byteLength,
    };
    return { ...exchange, response: received, durationMs: now() - started };
  } catch (error) {
    const durationMs = now() - started;
    const userAborted = options.signal?.aborted === true;
    const online = (options.online ?? defaultOnline)();
    let probeAnswered: boolean | undefined;
    if (!userAborted && !timedOut && online && isNetworkError(error)) {
      clearTimeout(timer);
      const probe = options.probe ?? ((target: string) => noCorsProbe(fetchImpl, target));
      probeAnswered = await withTimeout(probe(`${url.origin}/`), PROBE_TIMEOUT_MS);
    }
    const failure = classifyFailure(error, {
      userAborted,
      timedOut,
      timeoutMs,
      online,
      origin: url.origin,
      secrets,
      ...(pageOrigin ? { pageOrigin } : {}),
      ...(probeAnswered === undefined ? {} : { probeAnswered }),
    });
    return { ...exchange, failure, durationMs };
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, in the charset the response declares (UTF-8 when none or unknown). */
function decodeBody(bytes: Uint8Array, contentType: string): string {
  const charset = /;\s*charset\s*=\s*"?([^";,\s]+)/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder().decode(bytes);
  }
}

/**
 * Resolves true when anything answers a `no-cors` request: the browser hides the answer, but
 * the promise resolves only if a server replied, which is all a probe needs to know.
 */
async function noCorsProbe(fetchImpl: typeof fetch, target: string): Promise<boolean> {
  try {
    await fetchImpl(target, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}

/** The probe's answer, false when it rejects or takes longer than `ms`. */
async function withTimeout(probe: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([probe.catch(() => false), late]);
  } finally {
    clearTimeout(timer);
  }
}

function defaultOnline(): boolean {
  const onLine = (globalThis as { navigator?: { onLine?: unknown } }).navigator?.onLine;
  return typeof onLine === 'boolean' ? onLine : true;
}

/**
 * The API's 3xx as the relay reported it: its status and Location, marked as relayed. The relay
 * turned it into its own answer so the browser would neither follow it nor hide it.
 */
function relayedRedirect(headers: Headers): ReceivedResponse {
  const status = Number(headers.get(UPSTREAM_STATUS_HEADER));
  const location = headers.get(UPSTREAM_LOCATION_HEADER);
  const shown: Header[] = [];
  if (location !== null) shown.push({ name: 'location', value: location });
  shown.push(
    { name: RELAY_HEADER, value: '1' },
    { name: RELAY_ERROR_HEADER, value: 'upstream-redirect' },
  );
  return {
    status: Number.isInteger(status) && status >= 300 && status <= 399 ? status : null,
    statusText: '',
    headers: shown,
    body: '',
    size: 0,
  };
}

/** The page's origin, or undefined outside a page (Node) or for an opaque origin. */
function defaultPageOrigin(): string | undefined {
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  return origin && origin !== 'null' ? origin : undefined;
}

function pageProtocol(): string | undefined {
  return (globalThis as { location?: { protocol?: string } }).location?.protocol;
}
