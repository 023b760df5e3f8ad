/**
 * Why a request got no HTTP answer, told from what is at hand. Pure: the client gathers the
 * facts (the error, whether the user aborted, the probe's result) and this module names them.
 * No message built here holds a header value: they name headers and characters instead.
 */
import type { Header, TransportFailure } from '../core/exchange';
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
