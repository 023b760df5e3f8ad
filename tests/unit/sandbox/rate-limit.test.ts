import { describe, expect, test } from 'vitest';
import { DEMO_KEYS } from '../../../src/lib/sandbox';
import { createRateLimiter } from '../../../src/lib/sandbox/rate-limit';
import { clockedSandbox, keyHeaders, profile, send } from './send';

const owner = profile('sandbox-owner');
const viewer = profile('sandbox-viewer');

describe('400 requests per minute per account key', () => {
  test('the 401st request within a minute gets 429 with the wait; a minute later requests pass', async () => {
    const { sandbox, advance } = clockedSandbox();
    let last: Response | undefined;
    for (let i = 0; i < 400; i += 1) {
      last = await send(sandbox, owner, 'GET', '/v1/');
      expect(last.status).toBe(200);
      advance(100); // 400 requests over 40 seconds
    }
    expect(last?.headers.get('X-Rate-Limit-Remaining')).toBe('0');

    // Another user key of the same account shares the account key's budget.
    const refused = await send(sandbox, viewer, 'GET', '/v1/subscriptions');
    expect(refused.status).toBe(429);
    // The first request went through 40 s ago: it leaves the window in 20 s.
    expect(refused.headers.get('x-rate-limit-retry-after-seconds')).toBe('20');
    expect(refused.headers.get('X-Rate-Limit-Remaining')).toBeNull();
    expect(await refused.json()).toMatchObject({ status: 429, error: 'Too Many Requests' });

    const view = sandbox.insideView({
      method: 'GET',
      url: 'https://sandbox.keycheck.invalid/v1/',
      headers: keyHeaders(owner),
    });
    expect(view.rateLimit).toMatchObject({ used: 400, remaining: 0, retryAfterSeconds: 20 });

    advance(60_000);
    const again = await send(sandbox, owner, 'GET', '/v1/');
    expect(again.status).toBe(200);
    expect(again.headers.get('X-Rate-Limit-Remaining')).toBe('399');
  });

  test("one account's requests do not spend another account's budget", async () => {
    const { sandbox } = clockedSandbox();
    for (let i = 0; i < 400; i += 1) await send(sandbox, owner, 'GET', '/v1/');
    expect((await send(sandbox, owner, 'GET', '/v1/')).status).toBe(429);
    const other = await sandbox.fetch('https://sandbox.keycheck.invalid/v1/', {
      headers: {
        'x-api-key': DEMO_KEYS.account2002,
        'x-api-secret-key': DEMO_KEYS.secondOwner,
      },
    });
    expect(other.status).toBe(200);
  });
});

describe('authentication comes before the rate limit', () => {
  test('a wrong user key gets its 401 even when the minute is used up, and counts toward it', async () => {
    const { sandbox } = clockedSandbox();
    const wrong = { accountKey: owner.accountKey, userKey: DEMO_KEYS.wrongUser };
    for (let i = 0; i < 399; i += 1) await send(sandbox, owner, 'GET', '/v1/');
    // The 400th request fails authentication: 401, and (the sandbox's assumption) it counts.
    expect((await send(sandbox, wrong, 'GET', '/v1/')).status).toBe(401);
    expect((await send(sandbox, owner, 'GET', '/v1/')).status).toBe(429);
    // Past the limit a wrong key still learns that its key is wrong, not that it must wait.
    expect((await send(sandbox, wrong, 'GET', '/v1/')).status).toBe(401);
    const view = sandbox.insideView({
      method: 'GET',
      url: 'https://sandbox.keycheck.invalid/v1/',
      headers: keyHeaders(wrong),
    });
    expect(view.summary.join(' ')).toMatch(/sandbox's assumption/);
  });
});

describe('the sliding window', () => {
  test('lets a request through exactly when the oldest counted one is a minute old', () => {
    const limiter = createRateLimiter(2, 60_000);
    expect(limiter.take('k', 0).allowed).toBe(true);
    expect(limiter.take('k', 30_000).allowed).toBe(true);
    expect(limiter.take('k', 59_999)).toMatchObject({
      allowed: false,
      state: { retryAfterSeconds: 1 },
    });
    expect(limiter.take('k', 60_000).allowed).toBe(true);
    // Refused requests were not counted: only the ones at 30 s and 60 s are in the window.
    expect(limiter.peek('k', 60_000)).toMatchObject({ used: 2, retryAfterSeconds: 30 });
  });
});
