/**
 * A tool's own words that no answer came (FACTS.md, "What customers paste as the answer"):
 * curl's numbered errors, Node's and Python's connection errors, PowerShell's, a browser
 * console's CORS line, a client refusing a header value, the provider's "Missing ... Key". When
 * such text stands where an answer should be (a body with no status), it is the failure, not an
 * answer: the checklist then says what to check, never asks for a status line.
 */
import type { FailureKind, TransportFailure } from '../core/exchange';

/** In order: the first pattern that matches decides (a TLS error names the host it resolved). */
const RULES: ReadonlyArray<readonly [RegExp, FailureKind]> = [
  [/Missing Redis Cloud API (?:Secret )?Key/i, 'missing-key'],
  [/blocked by CORS policy|CORS request did not succeed|Cross-Origin Request Blocked/i, 'cors'],
  [
    /not a legal HTTP header value|Invalid character in header content|ERR_INVALID_CHAR|Failed to execute '(?:fetch|setRequestHeader)'[^\n]{0,80}Invalid value|Invalid header value|String contains non ISO-8859-1 code point/i,
    'invalid-header-value',
  ],
  [
    /curl: \((?:35|51|58|59|60|77|83|90|91)\)|SSL certificate problem|certificate verify failed|CERTIFICATE_VERIFY_FAILED|SSLError|unable to get local issuer certificate|self[- ]signed certificate|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|ERR_CERT_|could not establish trust relationship|SSL\/TLS secure channel/i,
    'tls',
  ],
  [
    /curl: \(28\)|Operation timed out|ConnectTimeout|ReadTimeout|ETIMEDOUT|The operation has timed out|timed out after|net::ERR_TIMED_OUT/i,
    'timeout',
  ],
  [
    /curl: \((?:5|6|7|52|55|56)\)|Could not resolve host|getaddrinfo|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|No such host is known|remote name could not be resolved|Unable to connect to the remote server|Name or service not known|nodename nor servname|Temporary failure in name resolution|NameResolutionError|Failed to establish a new connection|Connection refused|httpx\.ConnectError|urlopen error|net::ERR_NAME_NOT_RESOLVED|net::ERR_CONNECTION_(?:REFUSED|RESET|CLOSED)|net::ERR_INTERNET_DISCONNECTED/i,
    'unreachable',
  ],
];

/** Only the start of a text is read: the tool's error comes first, a traceback's last line is short. */
const HEAD = 20_000;

/** The first line that names the failure, trimmed for the checklist (never the whole paste). */
function lineOf(text: string, pattern: RegExp): string {
  const m = pattern.exec(text);
  if (!m) return '';
  const start = text.lastIndexOf('\n', m.index) + 1;
  const end = text.indexOf('\n', m.index);
  return text
    .slice(start, end < 0 ? undefined : end)
    .trim()
    .slice(0, 300);
}

/**
 * The failure a tool's output states, or null when the text states none. Looks at the start and
 * the end of the text (a Python traceback ends with its error); linear in that much text.
 */
export function toolFailureIn(text: string): TransportFailure | null {
  const head = text.length > HEAD * 2 ? `${text.slice(0, HEAD)}\n${text.slice(-HEAD)}` : text;
  for (const [pattern, kind] of RULES) {
    if (pattern.test(head)) return { kind, message: lineOf(head, pattern) };
  }
  return null;
}
