/**
 * Issue 18, item 7 (and issue 20's reports): each reason said once, suspects in rank order, and
 * "not sent" only where the request shows the header missing.
 */
import { describe, expect, test } from 'vitest';
import { diagnose } from '../../../src/lib/auth/diagnose';
import { briefOf } from '../../../src/lib/core/checklist-brief';
import type { Checklist } from '../../../src/lib/core/checklist';
import type { Exchange } from '../../../src/lib/core/exchange';
import {
  answerStatusWords,
  buildReport,
  keyFingerprints,
  keyPrintWords,
} from '../../../src/lib/report/report';
import { ACCOUNT_KEY, USER_KEY, exchangeWith } from './checklists';

const at = new Date('2026-12-04T10:00:00.000Z');

async function report(exchange: Exchange, checklist: Checklist): Promise<string> {
  return buildReport({
    exchange,
    checklist,
    fingerprints: await keyFingerprints(exchange.request.headers),
    at,
  });
}

function withAnswer(
  status: number,
  body: string,
  headers = exchangeWith(ACCOUNT_KEY, USER_KEY).request.headers,
): Exchange {
  return {
    source: 'pasted',
    request: { method: 'GET', url: 'https://api.redislabs.com/v1/', headers },
    response: { status, statusText: '', headers: [], body, size: body.length },
  };
}

describe('each reason once', () => {
  test('an edge answer: the conditions it leaves untold are one line, said once', async () => {
    const exchange = withAnswer(403, 'error code: 1010');
    const text = await report(exchange, diagnose(exchange));
    const reason = 'Cannot be told: the API never saw the request.';
    expect(text.split(reason.replace(/\./g, '.')).length - 1).toBe(1);
    const untold = 'Something else answered in its place';
    expect(text.split(untold).length - 1).toBe(1);
  });

  test('no step of "What to do" is said twice', async () => {
    const exchange = withAnswer(401, '');
    const text = await report(exchange, diagnose(exchange));
    const steps = text
      .split('### What to do')[1]!
      .split('###')[0]!
      .split('\n')
      .filter((l) => /^\d+\. /.test(l))
      .map((l) => l.replace(/^\d+\. /, ''));
    expect(new Set(steps).size).toBe(steps.length);
  });
});

describe('suspects in rank order', () => {
  test('the report and the page list #1 before #2 before #3', async () => {
    // A profile that worked before ranks API access above the pair: ranks then differ from
    // the checklist's item order.
    const exchange = withAnswer(
      401,
      '<html><head><title>401 Authorization Required</title></head><body><center>nginx</center></body></html>',
    );
    const checklist = diagnose(exchange, {
      learned: { accountId: 1001, at: '2026-12-01T10:00:00Z' },
    });
    const suspects = checklist.items.filter((i) => i.status === 'suspect');
    expect(suspects.map((i) => i.rank)).not.toEqual([1, 2, 3]);
    const text = await report(exchange, checklist);
    const order = [...text.matchAll(/most likely #(\d)/g)].map((m) => m[1]);
    expect(order).toEqual(['1', '2', '3']);
    const page = briefOf(checklist.items, checklist.primaryCause)
      .items.filter((b) => b.item.status === 'suspect')
      .map((b) => b.item.rank);
    expect(page).toEqual([1, 2, 3]);
  });
});

describe('not sent, or not in the paste', () => {
  test('null is "not sent"; a key the paste cannot show is "not in the paste"', () => {
    expect(keyPrintWords(null)).toBe('not sent');
    expect(keyPrintWords({ notInPaste: 'the request was not pasted' })).toBe(
      'not in the paste (the request was not pasted)',
    );
    expect(keyPrintWords({ variable: '$SECRET' })).toBe(
      'not in the paste (filled in from $SECRET)',
    );
  });

  test('a missing header in the request is "not sent" in the report', async () => {
    const exchange = withAnswer(401, '', [{ name: 'x-api-key', value: ACCOUNT_KEY }]);
    const text = await report(exchange, diagnose(exchange));
    expect(text).toMatch(/User key \(`x-api-secret-key`\): not sent/);
  });
});

describe('the status the verdict uses', () => {
  test('a body-only nginx 401 shows 401, not "status not known"', () => {
    const words = answerStatusWords({
      status: null,
      statusText: '',
      headers: [],
      body: '<html><head><title>401 Authorization Required</title></head></html>',
      size: 0,
    });
    expect(words).toMatch(/^401 /);
  });
});
