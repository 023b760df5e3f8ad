import type { Exchange, FailureKind } from '../core/exchange';
import { relayCommand } from '../api/failure';
import { API_HOST } from '../core/checklist';
import { describeCodePoint } from '../core/code-points';
import { DOCS } from './docs-links';
import type { ChecklistItem } from '../core/checklist';
import type { Answer } from './answer';
import { makeItem, skippedItem, unknownItem } from './items';
import { refusedHeader } from './preflight';
import { say } from './claims';
import { statusWords } from './status-words';

/** A tool's words for a name that did not resolve (curl (6), getaddrinfo, PowerShell, Python). */
const DNS_FAILURE =
  /could not resolve|unable to resolve host|ENOTFOUND|EAI_AGAIN|getaddrinfo|no such host|name or service not known|NameResolution|remote name could not be resolved|nodename nor servname|Temporary failure in name resolution|DNS/i;

/** An untrusted certificate as a TLS-inspecting gateway presents it (curl (60), Python, Node). */
const INSPECTING_CERTIFICATE =
  /unable to get local issuer certificate|self[- ]signed certificate in certificate chain|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY/i;

/**
 * A proxy on the way refused the tunnel to the API, or asked to sign in first (curl (56)
 * "CONNECT tunnel failed, response 407", requests' `ProxyError`, "Received HTTP code 403 from
 * proxy after CONNECT"): the proxy answered in the API's place (FACTS.md, "Who answered").
 */
const PROXY_REFUSED =
  /CONNECT tunnel failed|from proxy after CONNECT|ProxyError|Tunnel connection failed|Proxy Authentication Required|proxy (?:refused|denied)/i;

/** The name a tool says it could not resolve (curl (6), getaddrinfo, wget). */
const UNRESOLVED_NAME =
  /Could not resolve host: ?([^\s'"‘’“”]{1,300})|getaddrinfo \w+ ([^\s'"]{1,300})|unable to resolve host address ['‘"]?([^\s'"‘’]{1,300})/i;

/** `ECONNREFUSED 10.0.12.5:3128`: the address the client connected to, when the tool names it. */
const REFUSED_AT =
  /\b(?:ECONNREFUSED|connection refused)\D{0,20}?((?:\d{1,3}\.){3}\d{1,3}|\[[0-9a-fA-F:]{2,39}\]):(\d{1,5})\b/i;

interface FailureText {
  summary: string;
  explanation: string;
  fix: string;
}

/** The ways past CORS, with the relay's command for this page's origin when it is known. */
function relayOrCurl(pageOrigin: string | undefined): string {
  return `Send the request from a terminal instead: copy it as cURL, run it and paste the output into Diagnose (the cURL round trip), or download relay.js from this site, start it with \`${relayCommand(pageOrigin)}\` and use http://127.0.0.1:8787 as the profile's API base URL.`;
}

function failureText(exchange: Exchange, kind: FailureKind, host: string): FailureText {
  const relayError = exchange.failure?.relayError;
  switch (kind) {
    case 'offline':
      return {
        summary:
          'The browser reports no network connection: nothing was sent, so the keys were never judged.',
        explanation:
          'The browser knows it is offline, so the request never left this machine and nothing can be told about the keys.',
        fix: 'Reconnect to a network, then send again.',
      };
    case 'unreachable': {
      if (relayError === 'upstream-unreachable') {
        return {
          summary: `The local relay answered, but the relay could not reach ${API_HOST}, so the keys were never judged.`,
          explanation:
            'The request got as far as the relay on this machine; the relay then found nothing answering at the API. The machine the relay runs on may be offline, behind a proxy or a firewall, or unable to resolve the name.',
          fix: `Check that the machine running the relay can reach https://${API_HOST} (for example with curl), then send again.`,
        };
      }
      const where = host || 'the address';
      const apiHost = host.toLowerCase() === API_HOST;
      if (DNS_FAILURE.test(exchange.failure?.message ?? '')) {
        const named = UNRESOLVED_NAME.exec(exchange.failure?.message ?? '');
        const name = (named?.[1] ?? named?.[2] ?? named?.[3])?.toLowerCase();
        if (
          name &&
          host &&
          name !== host.toLowerCase() &&
          name !== host.toLowerCase().split(':')[0]
        ) {
          // curl reads every word it does not take as an option as one more URL: a quote the
          // shell did not honour leaves pieces of the command that curl then tries to resolve.
          return {
            summary: `A name the client was given did not resolve, and it is not ${where}: part of the command (a broken quote, a stray word) was likely taken for one more address.`,
            explanation:
              "The tool reports a failed name lookup for something other than the request's host. curl tries every word it does not read as an option as a URL, so an argument the shell split (typographic quotes, a space in a value) leaves pieces that it tries to resolve. The name is not repeated here: it may hold a piece of a key.",
            fix: "Check the command's quotes and spaces (plain \" or ' quotes around each header), then run it again.",
          };
        }
        return {
          summary: `The name ${where} did not resolve, so nothing was sent and the keys were never judged.`,
          explanation:
            'The name lookup (DNS) failed before any connection. A typing mistake in the host, no network, or a VPN or company DNS that does not know the name are the usual reasons.',
          fix: apiHost
            ? `Check that this network can resolve ${API_HOST} (try another network, or turn the VPN off or on), then send again.`
            : `Use ${API_HOST} as the host (this request names ${where}), then send again.`,
        };
      }
      const refusedAt = REFUSED_AT.exec(exchange.failure?.message ?? '');
      if (refusedAt && refusedAt[2] !== '443') {
        const address = `${refusedAt[1]}:${refusedAt[2]}`;
        return {
          summary: `Nothing answered at ${address}, the address the client connected to: not ${API_HOST}'s port 443, likely a proxy the client is set to use. The keys were never judged.`,
          explanation:
            "The tool names the address that refused the connection, and it is not the API's. A client set to use a proxy connects to the proxy first; when the proxy is down or the setting is stale, nothing answers there.",
          fix: `Check the proxy the client is set to use (its host and port: HTTPS_PROXY, or the client's own proxy setting), or send without it, then run it again.`,
        };
      }
      return {
        summary: `Nothing answered at ${where}: the connection was refused or reset, so the keys were never judged.`,
        explanation:
          'No HTTP answer came back. A VPN, a proxy or a firewall that blocks the address, or no network, are the usual reasons.',
        fix: apiHost
          ? `Check that this network lets connections to ${API_HOST} on port 443 through (a VPN, a proxy or a firewall may block it), or try another network.`
          : `Use https://${API_HOST} as the address (this request names ${where}), and check that this network can reach it.`,
      };
    }
    case 'cors':
      return {
        summary:
          'The browser withheld the answer from this page (CORS), so the keys were never judged here.',
        explanation: `A browser shows a page the answer from another origin only when that answer carries CORS headers. ${say('cors')} The keys may be right or wrong: the answer that would tell was withheld.`,
        fix: relayOrCurl(exchange.failure?.pageOrigin),
      };
    case 'timeout':
      return {
        summary: 'No answer came within the time limit, so the keys were never judged.',
        explanation:
          'The request may have been sent, but no answer arrived in time. A slow network, a proxy or firewall that holds the connection, or a slow API are possible.',
        fix: 'Send again; if it keeps timing out, try another network or check for a proxy or firewall in the way.',
      };
    case 'aborted':
      return {
        summary: 'The request was cancelled before an answer came.',
        explanation: 'It was stopped on this side, so nothing can be told about the keys.',
        fix: 'Send again and let it finish.',
      };
    case 'mixed-content':
      return {
        summary:
          'The URL uses http and this page uses https, so the browser never sent the request (mixed content).',
        explanation:
          'A page loaded over https may not send to plain http, except to loopback (127.0.0.1, localhost) where a local relay listens. The API itself is served over https.',
        fix: `Use https://${API_HOST}/v1/..., or a relay on 127.0.0.1.`,
      };
    case 'invalid-header-value': {
      const refused = refusedHeader(exchange.request);
      const where = refused
        ? `${refused.header} holds ${describeCodePoint(refused.refused.char.codePointAt(0) ?? 0)} at character ${refused.refused.position}`
        : 'a header value holds a character the browser refuses';
      return {
        summary: `The ${exchange.source === 'pasted' ? 'client' : 'browser'} refused to send the request: ${where}, so the keys were never judged.`,
        explanation:
          'fetch accepts a header value only if, after stripping surrounding spaces and line breaks, it holds no line break, no NUL and no character above U+00FF. It throws before anything is sent, and most tools then show only "Failed to fetch". Such characters come from copying a key out of chat, mail or a word processor.',
        fix:
          exchange.source === 'pasted'
            ? 'Remove the character from the key where the tool reads it (its variable, config or command), or type the key out, then run it again.'
            : 'Remove the character: paste the key again into the profile, or type it out.',
      };
    }
    case 'blocked-by-policy':
      return {
        summary: `This page's Content-Security-Policy does not allow connecting to ${host || 'that address'}.`,
        explanation: `Keycheck's page may connect only to the API host (${API_HOST}), the page itself and loopback (a local relay). This keeps keys from reaching any other host.`,
        fix: `Send to https://${API_HOST}, or through a local relay on 127.0.0.1.`,
      };
    case 'invalid-url':
      return {
        summary: 'The base URL and the path are not a web address, so nothing was sent.',
        explanation:
          "A request needs an http or https URL: the profile's base URL (such as https://api.redislabs.com) followed by a path under /v1/. A full URL typed as the path is refused too, so keys never go to a host the profile does not name.",
        fix: `Check the profile's API base URL (https://${API_HOST}) and that the path starts with /v1/.`,
      };
    case 'redirect':
      return {
        summary: `${host || 'The address'} answered with a redirect, not with the API's answer.`,
        explanation:
          "Keycheck never follows a redirect, so the keys went no further than that address. The browser hides a redirect's status and target from the page; the Redis Cloud API answers its own /v1/ paths without redirecting, so the address is likely not the API's (http instead of https, another host, a path outside /v1/).",
        fix: `Use https://${API_HOST}/v1/... as the address; to see where the redirect points, copy the request as cURL and run it with -i.`,
      };
    case 'relay-refused':
      return {
        summary: 'The local relay refused the request and forwarded nothing to the API.',
        explanation:
          'The relay answered itself, so the API never saw the request and the keys were not judged.',
        fix:
          relayError === 'origin-refused'
            ? `Restart the relay for this page: \`${relayCommand(exchange.failure?.pageOrigin)}\`.`
            : 'Do what the relay says below, then send again.',
      };
    case 'tls':
      return {
        summary: `The secure connection to ${host || 'the address'} failed, so no answer was read and the keys were never judged.`,
        explanation:
          'The client stopped at the TLS handshake or did not trust the certificate it was shown. The keys were never judged. A certificate the client does not trust often comes from a proxy or gateway that inspects TLS on this network.',
        fix: 'Try from another network, or ask whoever runs this network whether a proxy inspects TLS; never turn certificate checks off to send keys.',
      };
    case 'missing-key': {
      const message = exchange.failure?.message ?? '';
      const user = /secret/i.test(message);
      const account = !user && /api key|access/i.test(message);
      const which = user
        ? 'the user key (REDISCLOUD_SECRET_KEY, or secret_key in the provider block)'
        : account
          ? 'the account key (REDISCLOUD_ACCESS_KEY, or api_key in the provider block)'
          : 'both keys (REDISCLOUD_ACCESS_KEY and REDISCLOUD_SECRET_KEY, or api_key and secret_key in the provider block)';
      return {
        summary: `The client stopped before sending: ${user ? 'the user key' : account ? 'the account key' : 'a key'} was not set, so nothing was sent.`,
        explanation: `${say('missingKey')} The keys were never judged.`,
        fix: `Set ${which}, then run it again.`,
      };
    }
    case 'refused-arguments':
      return {
        summary:
          "The client refused the command's arguments, so nothing was sent and the keys were never judged.",
        explanation:
          'PowerShell stopped before running the command: an argument does not fit it. In Windows PowerShell 5.1, curl is another name for Invoke-WebRequest, which does not take curl\'s -H "name: value".',
        fix: "Run curl.exe with the same arguments, or Invoke-RestMethod with -Headers @{ 'x-api-key' = $accountKey; 'x-api-secret-key' = $userKey }, then run it again.",
      };
  }
}

/** Before the network: the browser refused the request, so nothing left the page. */
export const NOT_SENT_KINDS: ReadonlySet<FailureKind> = new Set([
  'invalid-header-value',
  'mixed-content',
  'blocked-by-policy',
  'invalid-url',
  'missing-key',
  'refused-arguments',
]);

/**
 * A certificate the client does not trust, signed by a CA of the network's own: a TLS-inspecting
 * gateway answered in the API's place (FACTS.md, "Who answered").
 */
export function inspectedTls(exchange: Exchange): boolean {
  const failure = exchange.failure;
  return failure?.kind === 'tls' && INSPECTING_CERTIFICATE.test(failure.message);
}

/** A proxy on the way refused the tunnel or asked to sign in (`PROXY_REFUSED`). */
export function proxyRefused(exchange: Exchange): boolean {
  const failure = exchange.failure;
  return failure !== undefined && PROXY_REFUSED.test(failure.message.slice(0, 4000));
}

/** A failure that shows something answered in the API's place: `intercepted`. */
export function interceptedFailure(exchange: Exchange): boolean {
  return inspectedTls(exchange) || proxyRefused(exchange);
}

/** `reached-api` when no answer is part of the exchange and none came back. */
export function notGivenItem(a: Answer): ChecklistItem {
  const pasted = a.exchange.source === 'pasted';
  const why = pasted
    ? 'Only the request is at hand: no answer was pasted.'
    : 'The request has not been sent.';
  return pasted
    ? unknownItem('reached-api', 'No answer is part of this exchange.', why)
    : skippedItem('reached-api', why);
}

/** `reached-api` when no HTTP answer came back (`exchange.failure`). */
export function failureItem(a: Answer): ChecklistItem {
  const { exchange, detail } = a;
  const failure = exchange.failure;
  const kind = failure?.kind ?? 'unreachable';
  const text = inspectedTls(exchange)
    ? {
        summary: `A certificate that is not the API's answered for ${detail.endpoint.host || 'the address'}: a gateway on this network likely inspects TLS, and the keys were never judged.`,
        explanation: `${say('proxy')} The client refused the certificate, so no answer was read.`,
        fix: `Ask whoever runs this network to let ${API_HOST} through without TLS inspection, or try another network; never turn certificate checks off to send keys.`,
      }
    : proxyRefused(exchange)
      ? {
          summary: `A proxy on the way refused the connection to ${API_HOST} (it refused the tunnel, or asked to sign in first): the request never reached the API, and the keys were never judged.`,
          explanation: `${say('proxy')} The tool reported the proxy's refusal, not an answer of the API.`,
          fix: `Give the client the proxy's sign-in (for example HTTPS_PROXY=http://user:password@proxy:port), or ask whoever runs the proxy to let ${API_HOST} through, or try another network.`,
        }
      : failureText(exchange, kind, detail.endpoint.host);
  const reported = failure?.message.trim() ?? '';
  return makeItem('reached-api', 'fail', {
    summary: text.summary,
    explanation:
      reported === ''
        ? text.explanation
        : `${text.explanation} ${exchange.source === 'pasted' ? 'The tool said' : 'The browser said'}: ${reported}`,
    fix: text.fix,
    docs: kind === 'cors' ? DOCS.useApi : DOCS.getStarted,
  });
}

/** The failure in a few words, for the headline's end. */
export function failureLead(exchange: Exchange): string {
  const failure = exchange.failure;
  if (!failure) return 'no answer';
  const words: Record<FailureKind, string> = {
    offline: 'the browser is offline',
    unreachable: 'nothing answered at that address',
    cors: 'CORS: the browser withheld the answer',
    timeout: 'nothing came within the time limit',
    aborted: 'the request was cancelled',
    'mixed-content': 'http from an https page (mixed content)',
    'invalid-header-value':
      exchange.source === 'pasted'
        ? 'the client refused a header value'
        : 'the browser refused a header value',
    'blocked-by-policy': "the page's Content-Security-Policy blocks that host",
    'invalid-url': 'the URL is not a web address',
    redirect: 'the address answered with a redirect, which Keycheck does not follow',
    'relay-refused': 'the local relay refused to forward the request',
    tls: 'the secure connection failed',
    'missing-key': 'a key was not set, so the client sent nothing',
    'refused-arguments': "the client refused the command's arguments",
  };
  return failure.relayError === 'upstream-unreachable'
    ? `No answer: the relay could not reach ${API_HOST}`
    : failure.kind === 'unreachable' && DNS_FAILURE.test(failure.message)
      ? 'the name did not resolve'
      : words[failure.kind];
}

/** A refused CORS preflight (any status but 2xx): the browser never sent the request itself. */
export function preflightRefused(a: Answer): boolean {
  const status = a.response.status;
  return status === null || status < 200 || status >= 300;
}

/** The preflight's answer in words: `HTTP 204 No Content`, or `an answer`. */
export function preflightWords(a: Answer): string {
  const status = a.response.status;
  return status === null ? 'an answer' : statusWords(status, a.response.statusText);
}

/**
 * `reached-api` for a CORS preflight (`OPTIONS`, as a HAR records it before the request it
 * guards): a browser never puts the keys on a preflight, so its answer says nothing about them.
 */
export function preflightItem(a: Answer): ChecklistItem {
  const refused = preflightRefused(a);
  const words = preflightWords(a);
  return makeItem('reached-api', refused ? 'fail' : 'unknown', {
    summary: refused
      ? `The browser's CORS preflight (OPTIONS) got ${words}, so the browser never sent the request itself.`
      : `This is the browser's CORS preflight (OPTIONS), answered ${words}; the request that followed it is not here.`,
    explanation: `Before a cross-origin request with its own headers, a browser asks with OPTIONS, without the headers' values: a preflight never carries the keys. ${say('cors')} The keys may be right or wrong: they were never sent.`,
    fix: refused
      ? 'Call the API from a terminal or a server (the cURL round trip), or through a local relay on 127.0.0.1; a browser page on another origin is refused before the keys leave.'
      : 'Paste the request that followed the preflight (in a HAR, the next entry to the same URL).',
    docs: DOCS.useApi,
  });
}
