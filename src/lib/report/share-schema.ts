/**
 * The shape of what a share link carries, checked with valibot on decode: a link is input from
 * anyone, and a view must never be handed a checklist with unknown ids or statuses.
 */
import * as v from 'valibot';
import { ITEM_IDS, type Checklist } from '../auth/checklist';
import { FAILURE_KINDS, type Exchange } from '../api/exchange';
import type { KeyFingerprints } from './report';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const header = v.object({ name: text(1000), value: text(20_000) });
const itemId = v.picklist(ITEM_IDS);
const fingerprint = v.object({
  hash: v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{8}$/)),
  length: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

const item = v.object({
  id: itemId,
  group: v.picklist([
    'request',
    'transport',
    'condition-1',
    'condition-2',
    'condition-3',
    'account',
  ]),
  title: text(500),
  status: v.picklist(['pass', 'fail', 'suspect', 'warn', 'unknown', 'skipped']),
  summary: text(5000),
  explanation: text(20_000),
  fix: v.exactOptional(text(20_000)),
  docs: v.exactOptional(v.object({ title: text(500), url: text(2000) })),
  rank: v.exactOptional(v.pipe(v.number(), v.integer())),
  findings: v.exactOptional(
    v.array(v.object({ header: v.exactOptional(text(1000)), message: text(5000) })),
  ),
});

const checklist = v.object({
  verdict: v.picklist([
    'ok',
    'auth-failed',
    'forbidden',
    'rate-limited',
    'request-error',
    'server-error',
    // Issue 10's verdicts, accepted here only until the lead's new link version carries them.
    'wrong-target',
    'unreachable',
    'not-sent',
    'unknown',
  ]),
  primaryCause: v.nullable(itemId),
  headline: text(5000),
  items: v.array(item),
});

const exchange = v.object({
  source: v.picklist(['network', 'sandbox', 'pasted']),
  request: v.object({
    method: text(100),
    url: text(20_000),
    headers: v.array(header),
    body: v.exactOptional(text(200_000)),
  }),
  response: v.exactOptional(
    v.object({
      status: v.nullable(v.pipe(v.number(), v.integer())),
      statusText: text(1000),
      headers: v.array(header),
      body: text(200_000),
      size: v.pipe(v.number(), v.minValue(0)),
    }),
  ),
  failure: v.exactOptional(
    v.object({
      kind: v.picklist(FAILURE_KINDS),
      message: text(5000),
    }),
  ),
  startedAt: v.exactOptional(text(100)),
  durationMs: v.exactOptional(v.number()),
});

export const SHARE_SCHEMA = v.object({
  v: v.literal(1),
  at: text(100),
  checklist,
  exchange,
  fingerprints: v.object({ account: v.nullable(fingerprint), user: v.nullable(fingerprint) }),
  /** Varied only to move the encoding's bytes (see share.ts); carries nothing. */
  n: v.exactOptional(v.number()),
});

/** What a share link carries: the findings, the redacted exchange, the keys' fingerprints. */
export interface SharedReport {
  v: 1;
  /** ISO 8601 time the report was made. */
  at: string;
  checklist: Checklist;
  exchange: Exchange;
  fingerprints: KeyFingerprints;
  n?: number;
}
