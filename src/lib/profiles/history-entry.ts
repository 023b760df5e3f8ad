/**
 * One request in the Playground's history: what was asked and how it ended, never with what.
 * Pure (no storage), so the Playground can build entries without loading IndexedDB code.
 */
import type { Exchange, FailureKind } from '../core/exchange';
import type { Verdict } from '../core/checklist';

/** Requests kept per profile; the oldest go first. */
export const HISTORY_LIMIT = 200;
const PATH_LIMIT = 500;

export interface HistoryEntry {
  method: string;
  /** The path without its query string or fragment. */
  path: string;
  /** The HTTP status, or null when no answer came back. */
  status: number | null;
  verdict: Verdict;
  /** Why no answer came back, when none did. */
  failure?: FailureKind;
  durationMs: number | null;
  /** ISO 8601 time the request was sent. */
  at: string;
}

/**
 * The path as it may be stored: no query or fragment, and every segment that equals one of
 * `secrets` (or its URL-encoded form) replaced by `[redacted]`. Secrets under 8 characters are
 * ignored: no real key is that short, and a short value would match ordinary words.
 */
export function historyPath(path: string, secrets: readonly string[] = []): string {
  const bare = path.replace(/[?#][^]*$/, '').slice(0, PATH_LIMIT);
  const hidden = new Set(
    secrets
      .map((s) => s.trim())
      .filter((s) => s.length >= 8)
      .flatMap((s) => [s, encodeURIComponent(s)]),
  );
  if (hidden.size === 0) return bare;
  return bare
    .split('/')
    .map((segment) =>
      [...hidden].some((secret) => segment.includes(secret)) ? '[redacted]' : segment,
    )
    .join('/');
}

/** Only the fields an entry has, with a clean path: whatever else a caller passed is dropped. */
export function cleanEntry(entry: HistoryEntry): HistoryEntry {
  const clean: HistoryEntry = {
    method: String(entry.method).toUpperCase().slice(0, 10),
    path: historyPath(String(entry.path)),
    status: typeof entry.status === 'number' ? entry.status : null,
    verdict: entry.verdict,
    durationMs:
      typeof entry.durationMs === 'number' && Number.isFinite(entry.durationMs)
        ? Math.round(entry.durationMs)
        : null,
    at: String(entry.at),
  };
  if (entry.failure !== undefined) clean.failure = entry.failure;
  return clean;
}

/**
 * The history entry for an exchange: `path` is the path as the user wrote it (cleaned by
 * `historyPath` with `secrets`, the key values), the rest comes from the exchange.
 */
export function historyEntryOf(
  exchange: Exchange,
  verdict: Verdict,
  path: string,
  secrets: readonly string[],
  now: () => number = Date.now,
): HistoryEntry {
  const entry: HistoryEntry = {
    method: exchange.request.method,
    path: historyPath(path, secrets),
    status: exchange.response?.status ?? null,
    verdict,
    durationMs: exchange.durationMs ?? null,
    at: exchange.startedAt ?? new Date(now()).toISOString(),
  };
  if (exchange.failure) entry.failure = exchange.failure.kind;
  return entry;
}
