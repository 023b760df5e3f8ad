import { ITEM_GROUP } from '../core/checklist';
import type { ChecklistItem, DocsLink, Finding, ItemId, ItemStatus } from '../core/checklist';
import { DOCS } from './docs-links';

/** Short names of the checks, as a person reads them in the list. */
export const ITEM_TITLE: Readonly<Record<ItemId, string>> = {
  'account-key-header': 'Account key header (x-api-key)',
  'secret-key-header': 'User key header (x-api-secret-key)',
  'key-values': 'Key values are clean',
  endpoint: 'Endpoint: https, the API host, a path under /v1/',
  'reached-api': 'The API answered',
  'keys-valid': 'Both keys are valid',
  'same-account': 'The user key belongs to the account of the account key',
  'source-ip': 'The request came from an allowed source IP',
  'api-enabled': 'API access is enabled on the account',
  'role-permits': "The key's role allows this request",
  'rate-limit': 'Under 400 requests per minute per account key',
};

/** The page each item links to unless a finding needs a more precise one. */
export const ITEM_DOCS: Readonly<Record<ItemId, DocsLink>> = {
  'account-key-header': DOCS.useApi,
  'secret-key-header': DOCS.useApi,
  'key-values': DOCS.manageKeys,
  endpoint: DOCS.useApi,
  'reached-api': DOCS.getStarted,
  'keys-valid': DOCS.manageKeys,
  'same-account': DOCS.manageKeys,
  'source-ip': DOCS.manageKeys,
  'api-enabled': DOCS.enableApi,
  'role-permits': DOCS.accessManagement,
  'rate-limit': DOCS.useApi,
};

export interface ItemText {
  summary: string;
  explanation: string;
  fix?: string;
  docs?: DocsLink;
  rank?: number;
  findings?: Finding[];
}

/** A complete item; optional parts are left out rather than set to undefined. */
export function makeItem(id: ItemId, status: ItemStatus, text: ItemText): ChecklistItem {
  const item: ChecklistItem = {
    id,
    group: ITEM_GROUP[id],
    title: ITEM_TITLE[id],
    status,
    summary: text.summary,
    explanation: text.explanation,
    docs: text.docs ?? ITEM_DOCS[id],
  };
  if (text.fix !== undefined) item.fix = text.fix;
  if (text.rank !== undefined) item.rank = text.rank;
  if (text.findings !== undefined && text.findings.length > 0) item.findings = text.findings;
  return item;
}

/** Bare `skipped` item: the check was not reached. */
export function skippedItem(id: ItemId, why: string): ChecklistItem {
  return makeItem(id, 'skipped', { summary: 'Not reached.', explanation: why });
}

/** Bare `unknown` item: what is at hand cannot tell. */
export function unknownItem(id: ItemId, summary: string, explanation: string): ChecklistItem {
  return makeItem(id, 'unknown', { summary, explanation });
}

const SEVERITY: Readonly<Record<ItemStatus, number>> = {
  fail: 5,
  suspect: 4,
  warn: 3,
  unknown: 2,
  pass: 1,
  skipped: 0,
};

/** The worse of two statuses, for items built from several findings. */
export function worse(a: ItemStatus, b: ItemStatus): ItemStatus {
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}
