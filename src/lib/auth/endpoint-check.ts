import type { ExchangeSource } from '../core/exchange';
import { API_HOST, SANDBOX_BASE_URL } from '../core/checklist';
import type { ChecklistItem, DiagnoseContext, ItemStatus } from '../core/checklist';
import { DOCS } from './docs-links';
import { makeItem } from './items';
import { distance } from './text';
import { isLoopbackHost } from '../core/hosts';
import { RELAY_HEADER } from '../api/relay';

/**
 * Who the URL points at. `api`, `sandbox` and `relay` can answer as the API; the others cannot,
 * so an answer from them says nothing about the keys.
 */
export type HostKind =
  | 'api'
  | 'sandbox'
  | 'relay'
  | 'console'
  | 'website'
  /** Redis Enterprise Software's own REST API (port 9443, `/v1/bdbs`, ...): another product. */
  | 'enterprise'
  /** The host came from a shell variable the customer's shell filled in: not in the paste. */
  | 'variable'
  | 'other'
  | 'none';

export interface EndpointCheck {
  item: ChecklistItem;
  hostKind: HostKind;
  /** Lower-cased host with port, or '' when the URL does not parse. */
  host: string;
  /** The path without the query, or '' when the URL does not parse. */
  path: string;
  /** `true`/`false` when `context.isKnownOperation` answered, `null` when it was not asked. */
  knownOperation: boolean | null;
  /**
   * Set when the URL itself shows the request did not go to the API's `/v1/`: another host or
   * product, http, or a path outside `/v1/`. Any answer then says nothing about the keys.
   */
  offTarget: boolean;
  /** The known operation the path likely meant (`/v1/subscriptions` for `/v1/subscription`). */
  suggestion?: string;
}

const SANDBOX_HOST = new URL(SANDBOX_BASE_URL).host;
const CONSOLE_HOSTS = new Set(['app.redislabs.com', 'cloud.redis.io']);
const WEBSITE_HOSTS = new Set([
  'redis.io',
  'www.redis.io',
  'redislabs.com',
  'www.redislabs.com',
  'redis.com',
  'www.redis.com',
  'docs.redis.com',
]);
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
/** Top-level paths of Redis Enterprise Software's REST API that Redis Cloud's API does not have. */
const ENTERPRISE_PATH =
  /^\/v[12]\/(?:bdbs|cluster|nodes|shards|crdbs|crdb_tasks|bootstrap|ldap_mappings|redis_acls|license|actions|endpoints|proxies|suffixes|jsonschema)(?:\/|$)/i;
const ENTERPRISE_PORT = '9443';
// `%E2%` is percent-encoding, not a Windows variable: names need three characters or more.
const UNEXPANDED = /\$\{?[A-Za-z_]\w*\}?|%[A-Za-z_]\w{2,}%/;

function classifyHost(hostname: string): HostKind {
  if (hostname === API_HOST || hostname === `${API_HOST}.`) return 'api';
  if (isLoopbackHost(hostname)) return 'relay';
  if (CONSOLE_HOSTS.has(hostname)) return 'console';
  if (WEBSITE_HOSTS.has(hostname)) return 'website';
  return 'other';
}

/**
 * The known operation a near-miss path meant: `/v1/v1/...` doubled, a plural or singular slip
 * in one segment (`/v1/subscription` for `/v1/subscriptions`), or a trailing slash. Null when
 * no single change makes a known operation, or no operation list is at hand.
 */
export function suggestPath(
  context: DiagnoseContext | undefined,
  method: string,
  path: string,
): string | null {
  const candidates: string[] = [];
  if (/^\/v1\/v1(?:\/|$)/i.test(path)) candidates.push(path.replace(/^\/v1\/v1/i, '/v1') || '/v1/');
  if (path.length > 4 && path.endsWith('/')) candidates.push(path.slice(0, -1));
  const segments = path.split('/');
  segments.forEach((segment, index) => {
    if (index < 2 || segment === '' || /^\d+$/.test(segment) || segment.startsWith('{')) return;
    const other = segment.endsWith('s') ? segment.slice(0, -1) : `${segment}s`;
    const changed = [...segments];
    changed[index] = other;
    candidates.push(changed.join('/'));
  });
  if (path !== path.toLowerCase()) candidates.push(path.toLowerCase());
  for (const candidate of candidates) {
    if (candidate !== path && safeKnown(context, method, candidate) === true) return candidate;
  }
  return null;
}

function safeKnown(context: DiagnoseContext | undefined, method: string, path: string) {
  try {
    return context?.isKnownOperation ? context.isKnownOperation(method, path) : null;
  } catch {
    return null;
  }
}

interface Problem {
  status: ItemStatus;
  message: string;
  fix?: string;
}

/**
 * The `endpoint` item: https (http only to a loopback relay), the API host (or the sandbox host
 * when `source` is `sandbox` or not given, or a loopback relay), a path under `/v1/`, and, when
 * `context.isKnownOperation` is given, an operation of the API for this method. Names the
 * console and website hosts, near misses of the API host, unexpanded `$HOST`, and the docs'
 * `HOST` without `/v1`. The query string is never repeated: it may hold anything. Never throws.
 */
export function checkEndpoint(
  method: string,
  url: string,
  context?: DiagnoseContext,
  source?: ExchangeSource,
): EndpointCheck {
  const problems: Problem[] = [];
  const verb = method.trim().toUpperCase() || 'GET';
  if (context?.hostFromVariable) return variableHost(verb, url, context.hostFromVariable, context);
  let parsed: URL | null;
  try {
    parsed = new URL(url.trim());
  } catch {
    parsed = null;
  }
  // The query is left out: `$` and `%` are ordinary there, and it is never repeated.
  const variable = UNEXPANDED.exec(url.split('?')[0] ?? '')?.[0];
  if (variable) {
    problems.push({
      status: 'fail',
      message: `The URL holds ${variable}, a variable that was never expanded, so the request went to a wrong address.`,
      fix: `Set the variable before running the command, or write the URL out: https://${API_HOST}/v1/...`,
    });
  }
  if (/^[a-z][a-z0-9+.-]*:\/\/\//i.test(url.trim())) {
    problems.push({
      status: 'fail',
      message:
        'The URL has no host after the scheme (https:///...): an empty $HOST likely left it out.',
      fix: `Use https://${API_HOST}/v1/... (the docs set HOST=${API_HOST}/v1).`,
    });
  }
  if (!parsed) {
    if (problems.length === 0) {
      problems.push({
        status: 'fail',
        message: /^[a-z][a-z0-9+.-]*:/i.test(url.trim())
          ? 'The URL cannot be read as a URL.'
          : 'The URL has no scheme: it needs https:// in front.',
        fix: `Use a full URL such as https://${API_HOST}/v1/.`,
      });
    }
    return finish(problems, 'none', '', '', null, '', true);
  }

  const hostname = parsed.hostname.toLowerCase();
  const host = parsed.host.toLowerCase();
  let hostKind = classifyHost(hostname);
  if (host === SANDBOX_HOST) hostKind = 'sandbox';
  // A pasted request to loopback went through Keycheck's relay only where the paste shows it
  // (`viaRelay`: the relay's mark on the answer, its port); any other local server is not the API.
  const localServer = hostKind === 'relay' && source === 'pasted' && !context?.viaRelay;
  if (localServer) hostKind = 'other';
  const path = parsed.pathname;
  if (parsed.port === ENTERPRISE_PORT || ENTERPRISE_PATH.test(path)) {
    return finish(
      [
        {
          status: 'fail',
          message: `${host}${path} is Redis Enterprise Software's own REST API, another product: it takes a username and password (curl -u), and Redis Cloud's account key and user key do not apply to it.`,
          fix: `Check this request against Redis Enterprise Software's own REST API docs, with that cluster's username and password. Keycheck judges Redis Cloud's API only; if the request was meant for Redis Cloud, send it to https://${API_HOST}/v1/... instead.`,
        },
      ],
      'enterprise',
      host,
      path,
      null,
      verb,
      true,
    );
  }

  if (parsed.protocol === 'http:') {
    // A local server's problem is that it is not the API, which is said below.
    if (hostKind !== 'relay' && !localServer) {
      problems.push({
        status: 'fail',
        message: `The URL uses http, not https: the API's address starts with https://${context?.pageProtocol === 'http:' ? '' : ', and a page loaded over https never sends to http (mixed content)'}. Only a local relay on loopback may use http.`,
        fix: `Use https://${hostKind === 'api' ? API_HOST : host}${path}.`,
      });
    }
  } else if (parsed.protocol !== 'https:') {
    problems.push({
      status: 'fail',
      message: `The URL's scheme is ${parsed.protocol.replace(/:$/, '')}, not https.`,
      fix: `Use https://${API_HOST}/v1/...`,
    });
  }

  if (hostKind === 'sandbox' && source !== undefined && source !== 'sandbox') {
    problems.push({
      status: 'fail',
      message: `${host} is Keycheck's simulated API: it answers only inside Keycheck's sandbox, and the name can never resolve on a network.`,
      fix: `Send to https://${API_HOST} with real keys, or use a sandbox profile.`,
    });
  } else if (hostKind === 'console') {
    problems.push({
      status: 'fail',
      message: `${hostname} is the Redis Cloud console, not the API, whose address is ${API_HOST}.`,
      fix: `Use https://${API_HOST}${path.startsWith('/v1/') ? path : '/v1/...'}.`,
    });
  } else if (hostKind === 'website') {
    problems.push({
      status: 'fail',
      message: `${hostname} is the Redis website, not the API, whose address is ${API_HOST}.`,
      fix: `Use https://${API_HOST}/v1/...`,
    });
  } else if (hostKind === 'other' && !variable) {
    const near = distance(hostname, API_HOST, 3) <= 3 || /^api\.redis/.test(hostname);
    problems.push({
      status: 'fail',
      message: localServer
        ? `${host} is a server on the customer's own machine, not the API (${API_HOST}): nothing in the paste shows it is Keycheck's local relay (its answers carry ${RELAY_HEADER}), so its answers are not the API's.`
        : near
          ? `${hostname} is not the API host: did you mean ${API_HOST}?`
          : `${hostname} is not the API host (${API_HOST}), Keycheck's sandbox, or a local relay.`,
      fix: `Use https://${API_HOST}/v1/...`,
    });
  }

  let knownOperation: boolean | null = null;
  let suggestion: string | undefined;
  let pathOff = false;
  if (path === '/v1') {
    problems.push({
      status: 'warn',
      message:
        'The path is /v1 without the trailing slash; the current-account operation is GET /v1/.',
      fix: 'Use /v1/.',
    });
  } else if (/^\/v1\/account\/?$/i.test(path)) {
    problems.push({
      status: 'fail',
      message: 'There is no /v1/account path: GET /v1/ returns the current account.',
      fix: 'Use GET /v1/.',
    });
  } else if (!path.startsWith('/v1/')) {
    const withV1 = `/v1${path.startsWith('/') ? '' : '/'}${path}`;
    const guess =
      safeKnown(context, verb, withV1) === true ? withV1 : suggestPath(context, verb, withV1);
    if (guess) suggestion = guess;
    pathOff = true;
    problems.push({
      status: 'fail',
      message: `The path ${path} is not under /v1/, where every operation of the API lives${guess ? `: did you mean ${guess}?` : '.'} The docs' examples use https://$HOST/... with HOST=${API_HOST}/v1; a HOST without /v1 drops it.`,
      fix: guess
        ? `Use https://${API_HOST}${guess}.`
        : `Put /v1 in front of the path: https://${API_HOST}${withV1}.`,
    });
  } else {
    knownOperation = safeKnown(context, verb, path);
    if (knownOperation === false) {
      const others = METHODS.filter((m) => m !== verb && safeKnown(context, m, path) === true);
      const guess = others.length > 0 ? null : suggestPath(context, verb, path);
      if (guess) suggestion = guess;
      const doubled = /^\/v1\/v1(?:\/|$)/i.test(path);
      problems.push({
        status: 'fail',
        message:
          others.length > 0
            ? `${verb} ${path} is not an operation of the API; this path takes ${others.join(', ')}.`
            : guess
              ? `${verb} ${path} is not an operation of the API: did you mean ${guess}?${doubled ? ' The path holds /v1 twice: a HOST that ends in /v1 and a path that starts with it.' : ''}`
              : `${verb} ${path} is not an operation of the API: no operation has this path.`,
        fix: guess
          ? `Use ${verb} https://${API_HOST}${guess}.`
          : 'Pick the operation from the API reference (Swagger UI at https://api.redislabs.com/v1/swagger-ui.html).',
      });
    }
  }
  const offTarget =
    pathOff ||
    (parsed.protocol !== 'https:' && hostKind !== 'relay') ||
    hostKind === 'console' ||
    hostKind === 'website' ||
    hostKind === 'other' ||
    (hostKind === 'sandbox' && source !== undefined && source !== 'sandbox');
  const result = finish(problems, hostKind, host, path, knownOperation, verb, offTarget);
  if (suggestion) result.suggestion = suggestion;
  return result;
}

/** The endpoint when the shell filled in the host from a variable the paste does not show. */
function variableHost(
  verb: string,
  url: string,
  variable: string,
  context: DiagnoseContext,
): EndpointCheck {
  const name = variable.slice(0, 40);
  const rest = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(\/[^?#]*)?/i.exec(url.trim())?.[1] ?? '/';
  const path = rest.startsWith('/v1/') ? rest : `/v1${rest}`;
  const known = safeKnown(context, verb, path);
  const item = makeItem('endpoint', 'unknown', {
    summary: `The host came from ${name}, which the customer's shell filled in: the paste does not show where the request went.`,
    explanation: `The docs' examples use https://$HOST/... with HOST=${API_HOST}/v1, so the request likely went to ${verb} ${path} on the API${known === false ? ', although that is not an operation of the API' : ''}. Only an answer with the API's shape shows that it reached the API.`,
    fix: `Ask for the value of ${name} (the output of echo ${name}) as you would for a key, or type it below: it should be ${API_HOST}/v1.`,
  });
  return {
    item,
    hostKind: 'variable',
    host: name,
    path,
    knownOperation: known,
    offTarget: false,
  };
}

function finish(
  problems: Problem[],
  hostKind: HostKind,
  host: string,
  path: string,
  knownOperation: boolean | null,
  verb = '',
  offTarget = false,
): EndpointCheck {
  const worst = problems.find((p) => p.status === 'fail') ?? problems[0];
  const where =
    hostKind === 'relay'
      ? ` through a local relay at ${host}`
      : hostKind === 'sandbox'
        ? ' in the sandbox'
        : '';
  const operation = knownOperation === true ? ', a known operation' : '';
  const item = worst
    ? makeItem('endpoint', worst.status, {
        summary: worst.message,
        explanation:
          `Requests go to https://${API_HOST} with a path under /v1/ (a local relay on loopback may use http). ${problems
            .map((p) => p.message)
            .filter((m) => m !== worst.message)
            .join(' ')}`.trim(),
        ...(worst.fix === undefined ? {} : { fix: worst.fix }),
        findings: problems.map((p) => ({ message: p.message })),
      })
    : makeItem('endpoint', 'pass', {
        summary: `${verb} ${path}${where}${operation}.`,
        explanation: `The URL uses ${hostKind === 'relay' ? 'a local relay on loopback, which forwards to the API' : hostKind === 'sandbox' ? "Keycheck's simulated API" : `https and the API host ${API_HOST}`}, and the path is under /v1/.${knownOperation === null ? ' Whether it is an operation of the API was not checked here.' : ''}`,
      });
  if (!worst && hostKind !== 'api') item.docs = DOCS.getStarted;
  return { item, hostKind, host, path, knownOperation, offTarget };
}
