/**
 * Issue 18, item 6, and issue 20, item 3: no answer, said plainly. A pasted failure (built
 * directly, or read from a tool's words by the answer readers)
 * gives `unreachable` or `not-sent` with the action that fits it first, says in the headline that
 * the keys were never judged, quotes the tool (not the browser), and never asks for a status line.
 */
import { describe, expect, test } from 'vitest';
import { diagnose } from '../../../src/lib/auth/diagnose';
import { say } from '../../../src/lib/auth/claims';
import type { ItemId, Verdict } from '../../../src/lib/core/checklist';
import type { Exchange, FailureKind } from '../../../src/lib/core/exchange';
import { parseResponsePaste } from '../../../src/lib/paste/paste';
import { isKnownOperation, item, request, response } from './helpers';

const API = 'https://api.redislabs.com/v1/subscriptions';

function failed(kind: FailureKind, message: string, url = API): Exchange {
  return { source: 'pasted', request: request({ url }), failure: { kind, message } };
}

/** A tool's words pasted as the whole answer, as the answer readers hand them to diagnose. */
function bodyOnly(text: string, url = API): Exchange {
  const read = parseResponsePaste(text);
  if (!read.ok) throw new Error(`not read: ${text}`);
  const { response, failure } = read.value;
  return {
    source: 'pasted',
    request: request({ url }),
    ...(response ? { response } : {}),
    ...(failure ? { failure } : {}),
  };
}

interface Row {
  name: string;
  exchange: Exchange;
  verdict: Verdict;
  /** The headline starts with this action. */
  action: RegExp;
}

const rows: Row[] = [
  {
    name: 'curl (6): the API host did not resolve',
    exchange: failed('unreachable', 'curl: (6) Could not resolve host: api.redislabs.com'),
    verdict: 'unreachable',
    action: /^Check that this network can resolve api\.redislabs\.com/,
  },
  {
    name: 'connection refused',
    exchange: failed('unreachable', 'curl: (7) Failed to connect to api.redislabs.com port 443'),
    verdict: 'unreachable',
    action: /^Check that this network lets connections to api\.redislabs\.com/,
  },
  {
    name: 'timeout',
    exchange: failed('timeout', 'curl: (28) Operation timed out after 30001 milliseconds'),
    verdict: 'unreachable',
    action: /^Send again; if it keeps timing out/,
  },
  {
    name: 'CORS',
    exchange: failed(
      'cors',
      "Access to fetch at 'https://api.redislabs.com/v1/' from origin 'http://localhost:3000' has been blocked by CORS policy",
    ),
    verdict: 'unreachable',
    action: /^Send the request from a terminal instead/,
  },
  {
    name: 'TLS: a certificate signed by a CA of the network (inspection)',
    exchange: failed(
      'tls',
      'curl: (60) SSL certificate problem: unable to get local issuer certificate',
    ),
    verdict: 'intercepted',
    action: /^Ask whoever runs this network to let api\.redislabs\.com through/,
  },
  {
    name: 'TLS: a failed handshake',
    exchange: failed(
      'tls',
      'curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to api.redislabs.com:443',
    ),
    verdict: 'unreachable',
    action: /^Try from another network/,
  },
  {
    name: "Terraform's Missing Redis Cloud API Secret Key",
    exchange: failed('missing-key', 'Error: Missing Redis Cloud API Secret Key'),
    verdict: 'not-sent',
    action: /^Set the user key \(REDISCLOUD_SECRET_KEY, or secret_key/,
  },
  {
    name: "Terraform's Missing Redis Cloud API Key",
    exchange: failed('missing-key', 'Error: Missing Redis Cloud API Key'),
    verdict: 'not-sent',
    action: /^Set the account key \(REDISCLOUD_ACCESS_KEY, or api_key/,
  },
  {
    name: 'a client refused a header value',
    exchange: failed(
      'invalid-header-value',
      'TypeError: Invalid character in header content ["x-api-key"]',
    ),
    verdict: 'not-sent',
    action: /^Remove the character/,
  },
  {
    name: 'curl (6) pasted as the whole answer',
    exchange: bodyOnly('curl: (6) Could not resolve host: api.redislabs.com'),
    verdict: 'unreachable',
    action: /^Check that this network can resolve/,
  },
  {
    name: "Node's fetch failed with ENOTFOUND",
    exchange: bodyOnly(
      'TypeError: fetch failed\n    at node:internal/deps/undici/undici:13502:13\n  [cause]: Error: getaddrinfo ENOTFOUND api.redislabs.com',
    ),
    verdict: 'unreachable',
    action: /^Check that this network can resolve/,
  },
  {
    name: 'PowerShell: No such host is known',
    exchange: bodyOnly('Invoke-RestMethod: No such host is known.'),
    verdict: 'unreachable',
    action: /^Check that this network can resolve/,
  },
  {
    name: 'Python requests: ConnectTimeout',
    exchange: bodyOnly(
      "requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='api.redislabs.com', port=443): Max retries exceeded",
    ),
    verdict: 'unreachable',
    action: /^Send again; if it keeps timing out/,
  },
  {
    name: 'Python requests: SSLError',
    exchange: bodyOnly(
      "requests.exceptions.SSLError: HTTPSConnectionPool(host='api.redislabs.com', port=443): Max retries exceeded with url: /v1/ (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed')))",
    ),
    verdict: 'unreachable',
    action: /^Try from another network/,
  },
  {
    name: "a browser console's CORS line",
    exchange: bodyOnly(
      "Access to fetch at 'https://api.redislabs.com/v1/' from origin 'https://example.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check",
    ),
    verdict: 'unreachable',
    action: /^Send the request from a terminal instead/,
  },
];

describe('no answer, said plainly', () => {
  test.each(rows)('$name', ({ exchange, verdict, action }) => {
    const c = diagnose(exchange, { isKnownOperation });
    expect(c.verdict).toBe(verdict);
    expect(c.primaryCause).toBe<ItemId>('reached-api');
    expect(c.headline).toMatch(action);
    expect(c.headline).toMatch(/never judged|nothing was sent/);
    expect(c.headline).not.toMatch(/status line|Paste the whole answer/);
    const reached = item(c, 'reached-api');
    expect(reached.explanation).not.toContain('The browser said');
    expect(reached.explanation).toContain('The tool said');
    for (const i of c.items.filter((x) => x.group !== 'request')) expect(i.status).not.toBe('pass');
  });

  test('the host check is not offered when the host already is the API', () => {
    for (const kind of ['unreachable', 'timeout', 'tls'] as const) {
      const c = diagnose(failed(kind, 'x'), { isKnownOperation });
      expect(c.headline).not.toMatch(/Check that the URL's host is/);
      expect(item(c, 'reached-api').fix ?? '').not.toMatch(/host is api\.redislabs\.com/);
    }
  });

  test('a typo in the host that did not resolve: the URL is the cause', () => {
    const c = diagnose(
      failed(
        'unreachable',
        'getaddrinfo ENOTFOUND api.redislab.com',
        'https://api.redislab.com/v1/',
      ),
      { isKnownOperation },
    );
    expect(c.verdict).toBe('wrong-target');
    expect(c.primaryCause).toBe('endpoint');
    expect(item(c, 'reached-api').fix).toMatch(/^Use api\.redislabs\.com as the host/);
    expect(c.headline).not.toMatch(/status line/);
  });

  test('a missing-key failure cites the provider claim', () => {
    const c = diagnose(failed('missing-key', 'Missing Redis Cloud API Secret Key'));
    expect(item(c, 'reached-api').explanation).toContain(say('missingKey'));
  });

  test('a failure from this browser still says the browser', () => {
    const c = diagnose({
      source: 'network',
      request: request(),
      failure: { kind: 'unreachable', message: 'Failed to fetch' },
    });
    expect(item(c, 'reached-api').explanation).toContain('The browser said: Failed to fetch');
  });

  test("a tool's words are read only where they stand for the answer", () => {
    const read = (text: string) => {
      const r = parseResponsePaste(text);
      return r.ok ? r.value : null;
    };
    expect(read('curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL')?.failure?.kind).toBe('tls');
    expect(read('{"subscriptions":[]}')?.failure).toBeUndefined();
    // A body with a status is an answer, even if it mentions a refused connection.
    const answered = diagnose({
      source: 'pasted',
      request: request(),
      response: response(500, 'Connection refused by upstream'),
    });
    expect(answered.verdict).toBe('server-error');
  });
});

test('a provider crash is no answer of the API and asks for no status line', () => {
  const c = diagnose(
    {
      source: 'pasted',
      request: request(),
      response: response(
        null,
        'Stack trace from the terraform-provider-rediscloud_v1.5.0 plugin:\n\npanic: runtime error: invalid memory address or nil pointer dereference\n\nError: The plugin encountered an error, and failed to respond to the plugin.(*GRPCProvider).ApplyResourceChange call.',
      ),
    },
    { isKnownOperation },
  );
  expect(c.verdict).toBe('unknown');
  expect(c.headline).toMatch(/^Update the rediscloud provider/);
  expect(c.headline).not.toMatch(/status line/);
  for (const i of c.items.filter((x) => x.group !== 'request')) expect(i.status).not.toBe('pass');
});

test.each([
  ['offline', /^Reconnect to a network/],
  ['unreachable', /^Check that this network lets connections to api\.redislabs\.com/],
  ['timeout', /^Send again; if it keeps timing out/],
  ['cors', /^Send the request from a terminal instead/],
] as const)(
  'from this page, %s leads with its own action and says the keys were never judged',
  (kind, action) => {
    const c = diagnose({
      source: 'network',
      request: request(),
      failure: { kind, message: 'Failed to fetch' },
    });
    expect(c.verdict).toBe('unreachable');
    expect(c.headline).toMatch(action);
    expect(c.headline).toContain('never judged');
    expect(c.headline).not.toMatch(/Check that the URL's host is/);
  },
);

test('the headline says what happened once, not again in parentheses', () => {
  const count = (text: string, words: string) => text.split(words).length - 1;
  const dns = diagnose(
    failed('unreachable', 'curl: (6) Could not resolve host: api.redislabs.com'),
  );
  expect(count(dns.headline, 'did not resolve')).toBe(1);
  const cors = diagnose({
    source: 'network',
    request: request(),
    failure: { kind: 'cors', message: 'Failed to fetch' },
  });
  expect(count(cors.headline, 'withheld the answer')).toBe(1);
  // A lead that adds something the sentence does not say stays.
  const edge = diagnose({
    source: 'pasted',
    request: request(),
    response: response(403, 'error code: 1010'),
  });
  expect(edge.headline).toContain('1010');
});

describe('a name that did not resolve, as each tool words it', () => {
  test("wget's 'unable to resolve host address' is the name lookup, not a refused connection", () => {
    const c = diagnose(
      bodyOnly(
        'Resolving api.redislabs.com (api.redislabs.com)... failed: Temporary failure in name resolution.\nwget: unable to resolve host address ‘api.redislabs.com’',
      ),
      { isKnownOperation },
    );
    expect(c.verdict).toBe('unreachable');
    expect(item(c, 'reached-api').summary).toMatch(/^The name api\.redislabs\.com did not resolve/);
  });

  test('a name other than the request host: a piece of the command, not the API host', () => {
    const c = diagnose(
      failed('unreachable', 'curl: (6) Could not resolve host: x-api-secret-key:'),
      { isKnownOperation },
    );
    expect(item(c, 'reached-api').summary).toMatch(/^A name the client was given did not resolve/);
    expect(item(c, 'reached-api').summary).not.toContain('The name api.redislabs.com');
  });
});
