import {
  ITEM_GROUP,
  ITEM_IDS,
  type Checklist,
  type ItemId,
  type ItemStatus,
} from '../../../src/lib/core/checklist';
import type { Exchange } from '../../../src/lib/core/exchange';

/** A 401 checklist as the engine words it, made by hand so report tests stand on their own. */
export function authFailedChecklist(): Checklist {
  const status: Partial<Record<ItemId, ItemStatus>> = {
    'keys-valid': 'suspect',
    'same-account': 'suspect',
    'api-enabled': 'suspect',
    'source-ip': 'skipped',
    'role-permits': 'skipped',
    'rate-limit': 'pass',
  };
  return {
    verdict: 'auth-failed',
    primaryCause: 'keys-valid',
    headline: 'Authentication failed (401): most likely one of the keys is wrong.',
    items: ITEM_IDS.map((id, index) => ({
      id,
      group: ITEM_GROUP[id],
      title: `Title of ${id}`,
      status: status[id] ?? 'pass',
      summary: `Summary of ${id}.`,
      explanation: `Explanation of ${id},\nover two lines.`,
      ...(status[id] === 'suspect' ? { rank: index - 4, fix: `Fix of ${id}.` } : {}),
    })),
  };
}

export const ACCOUNT_KEY = 'A1b2C3d4E5f6G7h8I9j0';
export const USER_KEY = 'S1t2U3v4W5x6Y7z8A9b0';

export function exchangeWith(account: string, user: string): Exchange {
  return {
    source: 'pasted',
    request: {
      method: 'GET',
      url: `https://api.redislabs.com/v1/logs?offset=0&token=${encodeURIComponent(user)}`,
      headers: [
        { name: 'accept', value: 'application/json' },
        { name: 'x-api-key', value: account },
        { name: 'x-api-secret-key', value: user },
        { name: 'x-api-secret', value: user },
      ],
    },
    response: {
      status: 401,
      statusText: 'Unauthorized',
      headers: [
        { name: 'Server', value: 'nginx' },
        { name: 'Content-Type', value: 'text/html' },
        { name: 'X-Rate-Limit-Remaining', value: '398' },
        { name: 'Set-Cookie', value: `session=${account}` },
        { name: 'Date', value: 'Fri, 17 Jan 2025 09:34:25 GMT' },
      ],
      // A body that echoes what it was sent, as a misconfigured proxy might.
      body: `<html><head><title>401 Authorization Required</title></head><!-- ${account} ${user} --></html>`,
      size: 120,
    },
    startedAt: '2025-01-17T09:34:25.602Z',
    durationMs: 201.7,
  };
}
