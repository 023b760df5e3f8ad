/**
 * The shape of what a share link carries, checked with valibot on decode: a link is input from
 * anyone, and a view must never be handed a checklist with unknown ids, statuses or verdicts,
 * two items with one id, or a documentation link that is not the app's own.
 */
import * as v from 'valibot';
import { DOCS } from '../auth/docs-links';
import {
  ITEM_GROUP,
  ITEM_IDS,
  type Checklist,
  type ChecklistItem,
  type ItemStatus,
  type Verdict,
} from '../core/checklist';
import { FAILURE_KINDS, type Exchange } from '../core/exchange';
import { STATUS, VERDICT } from '../core/words';
import type { KeyFingerprints } from './report';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const header = v.object({ name: text(1000), value: text(20_000) });
const itemId = v.picklist(ITEM_IDS);
const groups = [...new Set(Object.values(ITEM_GROUP))];
const statuses = Object.keys(STATUS) as ItemStatus[];
export type DocsId = keyof typeof DOCS;
const DOCS_IDS = Object.keys(DOCS) as DocsId[];

const fingerprint = v.object({
  hash: v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{8}$/)),
  length: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
const keyPrint = v.nullable(
  v.union([fingerprint, v.object({ variable: text(200) }), v.object({ notInPaste: text(200) })]),
);

const itemFields = {
  id: itemId,
  group: v.picklist(groups),
  title: text(500),
  status: v.picklist(statuses),
  summary: text(5000),
  explanation: text(20_000),
  fix: v.exactOptional(text(20_000)),
  rank: v.exactOptional(v.pipe(v.number(), v.integer())),
  findings: v.exactOptional(
    v.array(v.object({ header: v.exactOptional(text(1000)), message: text(5000) })),
  ),
};

const uniqueIds = <T extends { id: string }>(items: T[]) =>
  new Set(items.map((i) => i.id)).size === items.length;

const checklistOf = <I extends v.GenericSchema<unknown, { id: string }>>(
  item: I,
  verdicts: readonly string[],
) =>
  v.object({
    verdict: v.picklist(verdicts as [string, ...string[]]),
    primaryCause: v.nullable(itemId),
    headline: text(5000),
    items: v.pipe(v.array(item), v.check(uniqueIds, 'two items have the same id')),
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
  failure: v.exactOptional(v.object({ kind: v.picklist(FAILURE_KINDS), message: text(5000) })),
  startedAt: v.exactOptional(text(100)),
  durationMs: v.exactOptional(v.number()),
});

/** Version 1 links (the first release): docs carried as a title and a URL, eight verdicts. */
const V1_VERDICTS = [
  'ok',
  'auth-failed',
  'forbidden',
  'rate-limited',
  'request-error',
  'server-error',
  'unreachable',
  'not-sent',
];
export const SHARE_SCHEMA_V1 = v.object({
  v: v.literal(1),
  at: text(100),
  checklist: checklistOf(
    v.object({
      ...itemFields,
      docs: v.exactOptional(v.object({ title: text(500), url: text(2000) })),
    }),
    V1_VERDICTS,
  ),
  exchange,
  fingerprints: v.object({ account: v.nullable(fingerprint), user: v.nullable(fingerprint) }),
  n: v.exactOptional(v.number()),
});

/** Version 2: docs by id from the app's table, every verdict, keys named by variable too. */
export const SHARE_SCHEMA = v.object({
  v: v.literal(2),
  at: text(100),
  checklist: checklistOf(
    v.object({ ...itemFields, docs: v.exactOptional(v.picklist(DOCS_IDS)) }),
    Object.keys(VERDICT),
  ),
  exchange,
  fingerprints: v.object({ account: keyPrint, user: keyPrint }),
  /** Varied only to move the encoding's bytes (see share.ts); carries nothing. */
  n: v.exactOptional(v.number()),
});

export type SharePayload = v.InferOutput<typeof SHARE_SCHEMA>;

/** What a share link opens: the findings, the safe exchange, the keys' fingerprints. */
export interface SharedReport {
  /** ISO 8601 time the report was made. */
  at: string;
  checklist: Checklist;
  exchange: Exchange;
  fingerprints: KeyFingerprints;
}

/** The id of an item's docs link in the app's table, or undefined for none (or a foreign one). */
export function docsIdOf(url: string | undefined): DocsId | undefined {
  return url === undefined ? undefined : DOCS_IDS.find((id) => DOCS[id].url === url);
}

/** A checklist as a link carries it: docs by id. */
export function toPayloadChecklist(checklist: Checklist): SharePayload['checklist'] {
  return {
    verdict: checklist.verdict,
    primaryCause: checklist.primaryCause,
    headline: checklist.headline,
    items: checklist.items.map(({ docs, ...item }) => {
      const id = docsIdOf(docs?.url);
      return id === undefined ? { ...item } : { ...item, docs: id };
    }),
  };
}

/** A checklist read from a link, with docs links from the app's own table. */
export function fromPayloadChecklist(
  checklist: SharePayload['checklist'] | v.InferOutput<typeof SHARE_SCHEMA_V1>['checklist'],
): Checklist {
  return {
    verdict: checklist.verdict as Verdict,
    primaryCause: checklist.primaryCause,
    headline: checklist.headline,
    items: checklist.items.map(({ docs, ...item }): ChecklistItem => {
      const id = typeof docs === 'string' ? docs : docsIdOf(docs?.url);
      return id === undefined ? { ...item } : { ...item, docs: DOCS[id as DocsId] };
    }),
  };
}
