/**
 * "Open in Playground": the pasted request as a temporary profile. Its keys live in this
 * object only, so the Playground can send them again; nothing stores it.
 */
import { ACCOUNT_KEY_HEADER, SANDBOX_BASE_URL, USER_KEY_HEADER } from '../core/checklist';
import { headerValue, type SentRequest } from '../core/exchange';
import type { ProfileChoice } from '../profiles/choices';

export const PASTED_CHOICE_ID = 'pasted-request';
export const PASTED_CHOICE_NAME = 'Pasted request (this tab only)';

/** What the Playground needs to take a pasted request; `playground` fits it. */
export interface PlaygroundTarget {
  openTemporary(choice: ProfileChoice, method: string, path: string): void;
  readonly draft: { body: string };
}

export type Opened =
  | { ok: true; choice: ProfileChoice; method: string; path: string; body?: string }
  | { ok: false; error: string };

/**
 * The temporary profile for `request`: base URL from the request's origin, the two keys from
 * its key headers (empty when missing, which the Playground then flags), method, path and query.
 * A request to the sandbox's origin joins the sandbox group, so the sandbox answers it.
 * `urlHasVariables`: the URL still holds a variable the customer's shell filled in.
 */
export function openedRequest(request: SentRequest, urlHasVariables = false): Opened {
  const unreadable: Opened = {
    ok: false,
    // The URL is not quoted: it may hold a key in its query.
    error:
      'The pasted URL is not a full http or https URL (a shell variable in it?): type the values of its variables first.',
  };
  if (urlHasVariables) return unreadable;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return unreadable;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, error: 'The pasted URL is not an http or https URL.' };
  }
  // A method is a word of letters (RFC 9110's token, as methods are written): anything else, a
  // key typed after `-X` for one, is not handed over as a method.
  if (!/^[A-Za-z]{1,20}$/.test(request.method)) {
    return {
      ok: false,
      error:
        'The pasted method is not an HTTP method (a word of letters, such as GET): fix the paste first.',
    };
  }
  const choice: ProfileChoice = {
    id: PASTED_CHOICE_ID,
    name: PASTED_CHOICE_NAME,
    group: url.origin === SANDBOX_BASE_URL ? 'sandbox' : 'mine',
    baseUrl: url.origin,
    ...keysOf(request),
  };
  return {
    ok: true,
    choice,
    method: request.method.toUpperCase(),
    path: `${url.pathname}${url.search}`,
    ...(request.body !== undefined ? { body: request.body } : {}),
  };
}

/** The two keys as the request carried them (the first of each), for a temporary profile. */
export function keysOf(request: SentRequest): { accountKey: string; userKey: string } {
  return {
    accountKey: headerValue(request.headers, ACCOUNT_KEY_HEADER) ?? '',
    userKey: headerValue(request.headers, USER_KEY_HEADER) ?? '',
  };
}
