/**
 * 400 requests per minute per account key (FACTS.md), as a sliding window: a request counts for
 * exactly 60 seconds after it was let through. A fixed window would let 800 requests through
 * across a minute boundary, which would teach the wrong number.
 */

export const RATE_LIMIT_PER_MINUTE = 400;
export const RATE_LIMIT_WINDOW_MS = 60_000;

export interface RateLimitState {
  limit: number;
  /** Requests counted in the minute before `now`. */
  used: number;
  /** `limit - used`, never below 0. */
  remaining: number;
  /** Whole seconds until one more request would be let through; 0 when one would be now. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /**
   * Counts one request for `key` at `now` when there is room and returns the state after it;
   * returns `{ allowed: false }` with the wait when the window is full. A refused request is
   * not counted: a client that keeps retrying still gets through once the minute has passed.
   */
  take(key: string, now: number): { allowed: boolean; state: RateLimitState };
  /** The state for `key` at `now`, without counting anything. */
  peek(key: string, now: number): RateLimitState;
}

export function createRateLimiter(
  limit = RATE_LIMIT_PER_MINUTE,
  windowMs = RATE_LIMIT_WINDOW_MS,
): RateLimiter {
  // Times of counted requests per key, oldest first.
  const log = new Map<string, number[]>();

  function recent(key: string, now: number): number[] {
    const times = (log.get(key) ?? []).filter((t) => t > now - windowMs && t <= now);
    if (times.length > 0) log.set(key, times);
    else log.delete(key);
    return times;
  }

  function state(times: readonly number[], now: number): RateLimitState {
    const used = times.length;
    const oldest = times[used - limit] ?? times[0];
    const retryAfterSeconds =
      used >= limit && oldest !== undefined
        ? Math.max(1, Math.ceil((oldest + windowMs - now) / 1000))
        : 0;
    return { limit, used, remaining: Math.max(0, limit - used), retryAfterSeconds };
  }

  return {
    take(key, now) {
      const times = recent(key, now);
      if (times.length >= limit) return { allowed: false, state: state(times, now) };
      times.push(now);
      log.set(key, times);
      return { allowed: true, state: state(times, now) };
    },
    peek(key, now) {
      return state(recent(key, now), now);
    },
  };
}
