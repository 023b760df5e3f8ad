/**
 * What keycheck.mjs needs from the runtime that Node 18 lacks: the Web Crypto global (key
 * fingerprints) and `AbortSignal.any` (the HTTP client's deadline). Node 20.3 and later have
 * both; nothing is replaced there.
 */
import { webcrypto } from 'node:crypto';

export function ensureNodeGlobals(): void {
  const scope = globalThis as { crypto?: unknown };
  if (scope.crypto === undefined) scope.crypto = webcrypto;
  const signals = AbortSignal as { any?: (list: AbortSignal[]) => AbortSignal };
  if (typeof signals.any !== 'function') {
    signals.any = (list: AbortSignal[]): AbortSignal => {
      const controller = new AbortController();
      for (const signal of list) {
        if (signal.aborted) {
          controller.abort(signal.reason);
          break;
        }
        signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
      }
      return controller.signal;
    };
  }
}
