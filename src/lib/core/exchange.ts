/**
 * What was sent and what came back: the one shape every source (the client, the sandbox, a
 * pasted support ticket) turns into, and the only input `diagnose()` reads.
 */

/** One header line as sent or received. A list keeps order, casing and duplicates. */
export interface Header {
  name: string;
  value: string;
}

export interface SentRequest {
  method: string;
  /** The full URL, query included. */
  url: string;
  headers: Header[];
  body?: string;
}

export interface ReceivedResponse {
  /** `null` when the status is not known (a pasted body without its status line). */
  status: number | null;
  statusText: string;
  headers: Header[];
  body: string;
  /** Size of the body in bytes (UTF-8). */
  size: number;
}

/**
 * Why no HTTP answer came back.
 * - `offline`: the browser knows it has no network.
 * - `unreachable`: DNS failure, connection refused or reset: nothing answered.
 * - `cors`: the server answered but the browser withheld the answer (no CORS headers).
 * - `timeout`: no answer within the time limit.
 * - `aborted`: the user cancelled.
 * - `mixed-content`: an `http:` URL from an `https:` page; the browser never sends it.
 * - `invalid-header-value`: a header value `fetch` refuses (non-Latin-1, control characters);
 *   nothing was sent.
 * - `blocked-by-policy`: the page's Content-Security-Policy forbids connecting to that host.
 * - `invalid-url`: the base URL and path make no http(s) URL (or the path names another
 *   host); nothing was sent.
 * - `redirect`: the server answered with a redirect that the browser hides from the page (an
 *   opaque redirect: no status, no target). Keycheck never follows one, so the keys went no
 *   further than that server.
 * - `relay-refused`: the local relay refused the request itself (this page's origin, the Host,
 *   the path, the method or the body size) and forwarded nothing; `relayError` holds its code.
 * - `tls`: the secure connection failed (a handshake error, or a certificate the client did not
 *   trust, as a TLS-inspecting proxy presents): a tool's own output says so, no answer was read.
 * - `missing-key`: the client stopped before sending because a key was not set (Terraform's
 *   "Missing Redis Cloud API Secret Key"); `message` says which, nothing was sent.
 */
export const FAILURE_KINDS = [
  'offline',
  'unreachable',
  'cors',
  'timeout',
  'aborted',
  'mixed-content',
  'invalid-header-value',
  'blocked-by-policy',
  'invalid-url',
  'redirect',
  'relay-refused',
  'tls',
  'missing-key',
  'refused-arguments',
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export interface TransportFailure {
  kind: FailureKind;
  /** What the browser or runtime said, already free of secrets. */
  message: string;
  /**
   * The local relay's own reason code (its `x-keycheck-relay-error` header, such as
   * `origin-refused` or `upstream-unreachable`) when the relay, not the API, made the answer.
   */
  relayError?: string;
  /** The origin of the page that sent the request, when known: the relay's `--origin`. */
  pageOrigin?: string;
}

/** Where the exchange came from; the checklist words some findings differently for each. */
export type ExchangeSource = 'network' | 'sandbox' | 'pasted';

export interface Exchange {
  source: ExchangeSource;
  request: SentRequest;
  /** Present when an HTTP answer came back (or, for a pasted exchange, was pasted). */
  response?: ReceivedResponse;
  /** Present when no answer came back. Never set together with `response`. */
  failure?: TransportFailure;
  /** ISO 8601 time the request started, when known. */
  startedAt?: string;
  /** Milliseconds from sending to the whole body, when measured. */
  durationMs?: number;
}

/** First header with this name, compared without case, or undefined. */
export function headerValue(headers: readonly Header[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}
