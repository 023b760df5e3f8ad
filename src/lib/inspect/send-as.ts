import type { ApiRequest } from '../api/client';
import { isSandboxUrl } from '../core/checklist';
import type { Sandbox } from '../sandbox';
import type { Engine } from './load-engine';

export interface SendAsOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** The sandbox that answers sandbox requests; the app's own by default. */
  sandbox?: Sandbox;
  /** The page's origin, for the connect policy; the current page's by default. */
  pageOrigin?: string | null;
}

/**
 * Sends a request the way every view must: a base URL at the sandbox's address is answered by
 * the sandbox, anything else goes to the network under the page's connect policy, so no view
 * can send keys to a host the page may not reach.
 */
export function sendAs(engine: Engine, request: ApiRequest, options: SendAsOptions = {}) {
  const pageOrigin = options.pageOrigin ?? globalThis.location?.origin ?? null;
  return engine.send(request, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    pageProtocol: globalThis.location?.protocol ?? '',
    ...(isSandboxUrl(request.baseUrl)
      ? { fetch: (options.sandbox ?? engine.sandbox).fetch, source: 'sandbox' as const }
      : { refuse: (url: URL) => engine.connectPolicyFailure(url, pageOrigin) }),
  });
}
