import type { ExchangeSource } from '../core/exchange';
import { API_HOST, SANDBOX_BASE_URL } from '../core/checklist';
import type { ChecklistItem, DiagnoseContext, ItemStatus } from '../core/checklist';
import { DOCS } from './docs-links';
import { makeItem } from './items';
import { distance } from './text';
import { isLoopbackHost } from '../core/hosts';

/**
 * Who the URL points at. `api`, `sandbox` and `relay` can answer as the API; the others cannot,
 * so an answer from them says nothing about the keys.
 */
export type HostKind = 'api' | 'sandbox' | 'relay' | 'console' | 'website' | 'other' | 'none';

export interface EndpointCheck {
  item: ChecklistItem;
  hostKind: HostKind;
  /** Lower-cased host with port, or '' when the URL does not parse. */
  host: string;
  /** The path without the query, or '' when the URL does not parse. */
  path: string;
  /** `true`/`false` when `context.isKnownOperation` answered, `null` when it was not asked. */
  knownOperation: boolean | null;
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
// `%E2%` is percent-encoding, not a Windows variable: names need three characters or more.
const UNEXPANDED = /\$\{?[A-Za-z_]\w*\}?|%[A-Za-z_]\w{2,}%/;

function classifyHost(hostname: string): HostKind {
  if (hostname === API_HOST || hostname === `${API_HOST}.`) return 'api';
  if (isLoopbackHost(hostname)) return 'relay';
  if (CONSOLE_HOSTS.has(hostname)) return 'console';
  if (WEBSITE_HOSTS.has(hostname)) return 'website';
  return 'other';
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
    return finish(problems, 'none', '', '', null);
  }

  const hostname = parsed.hostname.toLowerCase();
  const host = parsed.host.toLowerCase();
  let hostKind = classifyHost(hostname);
  if (host === SANDBOX_HOST) hostKind = 'sandbox';
  const path = parsed.pathname;

  if (parsed.protocol === 'http:') {
    if (hostKind !== 'relay') {
      problems.push({
        status: 'fail',
        message: `The URL uses http, not https: the API is served over https${context?.pageProtocol === 'http:' ? '' : ', and a page loaded over https never sends to http (mixed content)'}. Only a local relay on loopback may use http.`,
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
      message: `${hostname} is the Redis Cloud console, not the API: the API answers at ${API_HOST}.`,
      fix: `Use https://${API_HOST}${path.startsWith('/v1/') ? path : '/v1/...'}.`,
    });
  } else if (hostKind === 'website') {
    problems.push({
      status: 'fail',
      message: `${hostname} is the Redis website, not the API: the API answers at ${API_HOST}.`,
      fix: `Use https://${API_HOST}/v1/...`,
    });
  } else if (hostKind === 'other' && !variable) {
    const near = distance(hostname, API_HOST, 3) <= 3 || /^api\.redis/.test(hostname);
    problems.push({
      status: 'fail',
      message: near
        ? `${hostname} is not the API host: did you mean ${API_HOST}?`
        : `${hostname} is not the API host (${API_HOST}), Keycheck's sandbox, or a local relay.`,
      fix: `Use https://${API_HOST}/v1/...`,
    });
  }

  let knownOperation: boolean | null = null;
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
    const guess = safeKnown(context, verb, withV1);
    problems.push({
      status: 'fail',
      message: `The path ${path} is not under /v1/, where every operation of the API lives${guess ? `: did you mean ${withV1}?` : '.'} The docs' examples use https://$HOST/... with HOST=${API_HOST}/v1; a HOST without /v1 drops it.`,
      fix: `Put /v1 in front of the path: https://${API_HOST}${withV1}.`,
    });
  } else {
    knownOperation = safeKnown(context, verb, path);
    if (knownOperation === false) {
      const others = METHODS.filter((m) => m !== verb && safeKnown(context, m, path) === true);
      problems.push({
        status: 'fail',
        message:
          others.length > 0
            ? `${verb} ${path} is not an operation of the API; this path takes ${others.join(', ')}.`
            : `${verb} ${path} is not an operation of the API: no operation has this path.`,
        fix: 'Pick the operation from the API reference (Swagger UI at https://api.redislabs.com/v1/swagger-ui.html).',
      });
    }
  }
  return finish(problems, hostKind, host, path, knownOperation, verb);
}

function finish(
  problems: Problem[],
  hostKind: HostKind,
  host: string,
  path: string,
  knownOperation: boolean | null,
  verb = '',
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
  return { item, hostKind, host, path, knownOperation };
}
