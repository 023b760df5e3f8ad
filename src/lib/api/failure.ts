/**
 * Why a request got no HTTP answer, told from what is at hand. Pure: the client gathers the
 * facts (the error, whether the user aborted, the probe's result) and this module names them.
 * No message built here holds a header value: they name headers and characters instead.
 */
import type { Header, TransportFailure } from '../core/exchange';
import { API_HOST } from '../core/checklist';
import { describeCodePoint } from '../core/code-points';
import { refusedHeaderCharacter } from './header-value';
import { scrub } from '../secrets';
import { isLoopbackHost } from '../core/hosts';

/** RFC 9110 token: what a header name may hold. */
const TOKEN_CHAR = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]$/;

/**
 * The first header `fetch` would refuse, as a failure: a value holding a character above
 * U+00FF, NUL, CR or LF (after `fetch` trims surrounding whitespace), or a name that is not an
 * HTTP token. `fetch` throws a TypeError for these before anything is sent, so the request is
 * reported as not sent. The message names the header, the character and its position; never
 * the value.
 */
export function headerFailure(headers: readonly Header[]): TransportFailure | null {
  for (const { name, value } of headers) {
    let position = 0;
    for (const char of name) {
      position += 1;
      if (!TOKEN_CHAR.test(char)) {
        const label = describeCodePoint(char.codePointAt(0) ?? 0);
        return {
          kind: 'invalid-header-value',
          // Only the part before the bad character: a value pasted into the name field
          // ("x-api-key: abc...") must not come back in the message.
          message: `The header name "${name.slice(0, position - 1)}..." holds ${label} at character ${position}; the browser refuses it, so nothing was sent.`,
        };
      }
    }
    if (name === '') {
      return {
        kind: 'invalid-header-value',
        message: 'A header has an empty name; the browser refuses it, so nothing was sent.',
      };
    }
    const refused = refusedHeaderCharacter(value);
    if (refused) {
      return {
        kind: 'invalid-header-value',
        message: `${name} holds ${describeCodePoint(refused.char.codePointAt(0) ?? 0)} at character ${refused.position}; the browser refuses such a value, so nothing was sent.`,
      };
    }
  }
  return null;
}

/**
 * A mixed-content failure when an `https:` page would fetch an `http:` URL, which browsers
 * block without sending. Loopback hosts are exempt (a local relay). Without a page protocol
 * (Node, tests) there is nothing to block.
 */
export function mixedContentFailure(url: URL, pageProtocol?: string): TransportFailure | null {
  if (pageProtocol !== 'https:' || url.protocol !== 'http:' || isLoopbackHost(url.hostname)) {
    return null;
  }
  return {
    kind: 'mixed-content',
    message: `This page was loaded over https, so the browser blocks requests to the http address ${url.origin}; nothing was sent. Use https.`,
  };
}

/** The failure for a base URL and path that do not make an http(s) URL. */
export function invalidUrlFailure(baseUrl: string, path: string): TransportFailure {
  return {
    kind: 'invalid-url',
    message: `"${baseUrl}" with the path "${path}" is not an http or https address; nothing was sent.`,
  };
}

/** What the client learned while the request failed. */
export interface FailureFacts {
  /** The caller's AbortSignal fired. */
  userAborted: boolean;
  /** The time limit passed (ky's timeout, or the deadline while reading the body). */
  timedOut: boolean;
  timeoutMs: number;
  /** What the runtime says about the network (navigator.onLine). */
  online: boolean;
  /** Whether the same-origin probe got an answer; undefined when it was not run. */
  probeAnswered?: boolean;
  /** The origin the request went to, for the message. */
  origin: string;
  /** Values to keep out of messages: the request's secrets (`findSecrets`). */
  secrets: readonly string[];
  /** The origin of the page that sent the request, when known (for the relay's `--origin`). */
  pageOrigin?: string;
}

/**
 * Whether the error is one a network failure produces: a TypeError from `fetch` (browsers say
 * "Failed to fetch", "Load failed", "NetworkError when attempting to fetch resource.") or ky's
 * NetworkError wrapping one. Only these are worth a probe.
 */
export function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'TypeError' || error.name === 'NetworkError';
}

/** The runtime's own words, with any secret value replaced, for the end of a message. */
export function runtimeMessage(error: unknown, secrets: readonly string[]): string {
  const parts: string[] = [];
  let current: unknown = error;
  // ky's NetworkError and Node's fetch wrap the useful part ("connect ECONNREFUSED") in causes.
  for (let depth = 0; current instanceof Error && depth < 3; depth += 1) {
    if (current.name !== 'NetworkError') parts.push(current.message);
    current = current.cause;
  }
  return scrub(parts.filter((p) => p !== '').join(': '), secrets);
}

/**
 * Names the failure. Order matters: a user's abort wins over anything it caused; a timeout's
 * abort is a timeout; a network error is `offline` when the runtime knows it is offline, `cors`
 * when a no-cors probe to the same origin got an answer (so something answered and the browser
 * withheld it), and `unreachable` otherwise. Anything else is reported as unreachable with the
 * runtime's words.
 */
export function classifyFailure(error: unknown, facts: FailureFacts): TransportFailure {
  const said = runtimeMessage(error, facts.secrets);
  const saidSuffix = said === '' ? '' : ` (${said})`;
  const name = error instanceof Error ? error.name : '';
  if (facts.userAborted) {
    return { kind: 'aborted', message: 'The request was cancelled before an answer came back.' };
  }
  if (facts.timedOut || name === 'TimeoutError') {
    return {
      kind: 'timeout',
      message: `No complete answer from ${facts.origin} within ${formatSeconds(facts.timeoutMs)}.`,
    };
  }
  if (name === 'AbortError') {
    return { kind: 'aborted', message: `The request was cancelled${saidSuffix}.` };
  }
  if (isNetworkError(error) && !facts.online) {
    return {
      kind: 'offline',
      message: `This device is offline, so the request to ${facts.origin} could not be sent${saidSuffix}.`,
    };
  }
  if (isNetworkError(error) && facts.probeAnswered === true) {
    return {
      kind: 'cors',
      message: `${facts.origin} answered, but the browser withheld the answer from this page: most likely the server sent no CORS headers allowing it${saidSuffix}.`,
      ...(facts.pageOrigin ? { pageOrigin: facts.pageOrigin } : {}),
    };
  }
  return {
    kind: 'unreachable',
    message: `Nothing answered at ${facts.origin}: the name did not resolve, or the connection was refused or dropped${saidSuffix}.`,
  };
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} seconds` : `${ms} ms`;
}

/** The relay's command to allow this page, with the origin filled in when it is known. */
export function relayCommand(pageOrigin: string | undefined): string {
  // relay.js is served beside the page: this runs without a clone (`npm run relay` in one).
  return `node relay.js --origin ${pageOrigin ?? "<this page's origin>"}`;
}

/**
 * The failure for an answer the browser reports as an opaque redirect (`fetch` with
 * `redirect: 'manual'` in a browser): a 3xx came back, but the browser hides its status and
 * target from the page. Nothing followed it, so the keys reached only `origin`.
 */
export function opaqueRedirectFailure(origin: string): TransportFailure {
  return {
    kind: 'redirect',
    message: `${origin} answered with a redirect. Keycheck does not follow redirects, so the keys went no further; the browser hides the redirect's status and target from the page.`,
  };
}

/** What each of the relay's own refusals means for the person, by its reason code. */
const RELAY_REFUSALS: Readonly<Record<string, string>> = {
  'origin-refused': 'it does not accept requests from pages on this origin',
  'host-refused': 'the address used for it is not 127.0.0.1 or localhost with its port',
  'path-refused': 'it forwards only paths under /v1/',
  'method-refused': 'it forwards only GET, POST, PUT, PATCH and DELETE',
  'body-too-large': 'the request body is larger than it accepts',
  'not-loopback': 'it accepts requests from this machine only',
};

/**
 * The failure for an answer the local relay made itself (it carries `x-keycheck-relay-error`
 * with a reason code): the API never saw the request, so the answer is not the API's.
 * - `upstream-unreachable`: `unreachable`, "the relay could not reach" the API;
 * - `upstream-timeout`: `timeout`, the API did not answer the relay in time;
 * - any refusal (origin, Host, path, method, body size, address): `relay-refused`, with what to
 *   do, such as restarting the relay with `--origin` and this page's origin.
 * `relayOrigin` is where the relay listens; `pageOrigin` the page's origin, when known.
 */
export function relayFailure(
  code: string,
  relayOrigin: string,
  pageOrigin: string | undefined,
): TransportFailure {
  // The code comes from the network: keep it to a short token before it is shown anywhere.
  const safeCode = /^[a-z0-9-]{1,40}$/.test(code) ? code : 'unknown';
  const context = {
    relayError: safeCode,
    ...(pageOrigin ? { pageOrigin } : {}),
  };
  if (safeCode === 'upstream-unreachable') {
    return {
      kind: 'unreachable',
      message: `The local relay at ${relayOrigin} answered, but the relay could not reach ${API_HOST}: the name did not resolve, or the connection was refused or dropped on the relay's side.`,
      ...context,
    };
  }
  if (safeCode === 'upstream-timeout') {
    return {
      kind: 'timeout',
      message: `The local relay at ${relayOrigin} answered, but ${API_HOST} did not answer the relay in time.`,
      ...context,
    };
  }
  const reason = RELAY_REFUSALS[safeCode] ?? `it refused the request (${safeCode})`;
  const fix =
    safeCode === 'origin-refused'
      ? ` Restart it with \`${relayCommand(pageOrigin)}\`.`
      : safeCode === 'host-refused'
        ? ` Use http://127.0.0.1:${portOf(relayOrigin)} as the profile's API base URL.`
        : '';
  return {
    kind: 'relay-refused',
    message: `The local relay at ${relayOrigin} refused the request and forwarded nothing: ${reason}.${fix}`,
    ...context,
  };
}

function portOf(origin: string): string {
  try {
    const url = new URL(origin);
    return url.port || (url.protocol === 'https:' ? '443' : '80');
  } catch {
    return '8787';
  }
}
