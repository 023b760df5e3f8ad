/**
 * The shape of what a share link carries, checked with valibot on decode: a link is input from
 * anyone, and a view must never be handed unknown ids, statuses or verdicts, two items with one
 * id, or any sentence: version 3 carries no checklist text at all (`share-rebuild.ts` writes it
 * again), and a field the schema does not name makes the link refused, not ignored.
 */
import * as v from 'valibot';
import { ITEM_IDS, type Checklist, type ItemStatus } from '../core/checklist';
import { FAILURE_KINDS, type Exchange } from '../core/exchange';
import { STATUS, VERDICT } from '../core/words';
import { NOT_IN_PASTE, type KeyFingerprints } from './report';

/** The most characters each text of a link may hold: `share.ts` cuts to these before encoding. */
export const SHARE_CAPS = {
  method: 100,
  url: 20_000,
  headerName: 1000,
  headerValue: 20_000,
  body: 200_000,
  statusText: 1000,
  failure: 5000,
  startedAt: 100,
} as const;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const header = v.strictObject({
  name: text(SHARE_CAPS.headerName),
  value: text(SHARE_CAPS.headerValue),
});
const itemId = v.picklist(ITEM_IDS);
const statuses = Object.keys(STATUS) as ItemStatus[];

const fingerprint = v.strictObject({
  hash: v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{8}$/)),
  length: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
// A variable as written (`$ACCOUNT_KEY`, `${RC_KEY}`, `%KEY%`, `$(...)` redacted): no quote, no
// angle bracket, no line break, so it cannot pass for a sentence or markup.
const variable = v.pipe(v.string(), v.regex(/^[\w$%{}():.\-[\] ]{1,200}$/));
const keyPrint = v.nullable(
  v.union([
    fingerprint,
    v.strictObject({ variable }),
    v.strictObject({ notInPaste: v.picklist(Object.values(NOT_IN_PASTE)) }),
  ]),
);

const uniqueIds = <T extends { id: string }>(items: T[]) =>
  new Set(items.map((i) => i.id)).size === items.length;

const exchange = v.strictObject({
  source: v.picklist(['network', 'sandbox', 'pasted']),
  request: v.strictObject({
    method: text(SHARE_CAPS.method),
    url: text(SHARE_CAPS.url),
    headers: v.array(header),
    body: v.exactOptional(text(SHARE_CAPS.body)),
  }),
  response: v.exactOptional(
    v.strictObject({
      status: v.nullable(v.pipe(v.number(), v.integer())),
      statusText: text(SHARE_CAPS.statusText),
      headers: v.array(header),
      body: text(SHARE_CAPS.body),
      size: v.pipe(v.number(), v.minValue(0)),
    }),
  ),
  failure: v.exactOptional(
    v.strictObject({ kind: v.picklist(FAILURE_KINDS), message: text(SHARE_CAPS.failure) }),
  ),
  startedAt: v.exactOptional(text(SHARE_CAPS.startedAt)),
  durationMs: v.exactOptional(v.number()),
});

/** Version 3: the checklist's structure only (ids, statuses, ranks); no sentence. */
export const SHARE_SCHEMA = v.strictObject({
  v: v.literal(3),
  at: v.pipe(v.string(), v.isoTimestamp()),
  checklist: v.strictObject({
    verdict: v.picklist(Object.keys(VERDICT) as [string, ...string[]]),
    primaryCause: v.nullable(itemId),
    items: v.pipe(
      v.array(
        v.strictObject({
          id: itemId,
          status: v.picklist(statuses),
          rank: v.exactOptional(v.pipe(v.number(), v.integer())),
        }),
      ),
      v.check(uniqueIds, 'two items have the same id'),
    ),
  }),
  exchange,
  fingerprints: v.strictObject({ account: keyPrint, user: keyPrint }),
  /** Varied only to move the encoding's bytes (see share.ts); carries nothing. */
  n: v.exactOptional(v.number()),
});

export type SharePayload = v.InferOutput<typeof SHARE_SCHEMA>;

/** What a share link opens: the findings, the safe exchange, the keys' fingerprints. */
export interface SharedReport {
  /** ISO 8601 time the report was made. */
  at: string;
  /** Every sentence written again by this app (`share-rebuild.ts`). */
  checklist: Checklist;
  exchange: Exchange;
  fingerprints: KeyFingerprints;
}
