import { describe, expect, test } from 'vitest';
import type { Exchange, TransportFailure } from '../../../src/lib/core/exchange';
import { relayFailure } from '../../../src/lib/api/failure';
import { diagnose } from '../../../src/lib/auth/diagnose';
import { item, request } from './helpers';

const PAGE = 'http://127.0.0.1:4185';
const RELAY = 'http://127.0.0.1:8787';

function failed(failure: TransportFailure): Exchange {
  return { source: 'network', request: request({ url: `${RELAY}/v1/` }), failure };
}

describe('what the checklist says when the local relay answered itself', () => {
  test('the relay could not reach the API: unreachable, never a server error or a Pass', () => {
    const checklist = diagnose(failed(relayFailure('upstream-unreachable', RELAY, PAGE)));
    expect(checklist.verdict).toBe('unreachable');
    const reached = item(checklist, 'reached-api');
    expect(reached.status).toBe('fail');
    expect(reached.summary).toContain('the relay could not reach api.redislabs.com');
    expect(checklist.primaryCause).toBe('reached-api');
  });

  test("the relay refused this page's origin: says to restart it with this page's origin", () => {
    const checklist = diagnose(failed(relayFailure('origin-refused', RELAY, PAGE)));
    expect(checklist.verdict).toBe('unreachable');
    const reached = item(checklist, 'reached-api');
    expect(reached.status).toBe('fail');
    expect(reached.summary).toContain('relay refused');
    expect(reached.fix).toContain(`node relay.js --origin ${PAGE}`);
    expect(item(checklist, 'keys-valid').status).toBe('skipped');
  });

  test('the relay refused the Host: says which address to use', () => {
    const checklist = diagnose(failed(relayFailure('host-refused', RELAY, PAGE)));
    expect(item(checklist, 'reached-api').explanation).toContain('http://127.0.0.1:8787');
  });

  test("a CORS failure offers the relay with this page's origin filled in", () => {
    const checklist = diagnose(
      failed({ kind: 'cors', message: 'withheld', pageOrigin: 'https://keycheck.example' }),
    );
    expect(item(checklist, 'reached-api').fix).toContain(
      'node relay.js --origin https://keycheck.example',
    );
  });

  test('a redirect the browser hid: no answer from the API, and the keys went no further', () => {
    const checklist = diagnose(
      failed({ kind: 'redirect', message: `${RELAY} answered with a redirect.` }),
    );
    const reached = item(checklist, 'reached-api');
    expect(reached.status).toBe('fail');
    expect(reached.summary).toContain('redirect');
    expect(reached.explanation).toContain('never follows a redirect');
    expect(item(checklist, 'keys-valid').status).toBe('skipped');
  });
});
