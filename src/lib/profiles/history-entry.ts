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
 * The path as it may be stored: no query or fragment (where secrets most often sit), cut to a
 * sane length. Callers pass the path through `lib/secrets` first.
 */
export function historyPath(path: string): string {
  return path.replace(/[?#][^]*$/, '').slice(0, PATH_LIMIT);
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
 * The history entry for an exchange: `path` is the path as the user wrote it, already passed
 * through `lib/secrets` (the safe view's redactor); the rest comes from the safe exchange.
 */
export function historyEntryOf(
  exchange: Exchange,
  verdict: Verdict,
  path: string,
  now: () => number = Date.now,
): HistoryEntry {
  const entry: HistoryEntry = {
    method: exchange.request.method,
    path: historyPath(path),
    status: exchange.response?.status ?? null,
    verdict,
    durationMs: exchange.durationMs ?? null,
    at: exchange.startedAt ?? new Date(now()).toISOString(),
  };
  if (exchange.failure) entry.failure = exchange.failure.kind;
  return entry;
}
