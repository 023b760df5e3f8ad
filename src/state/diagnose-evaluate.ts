/**
 * From a parsed paste to what the Diagnose view shows: the checklist, the exchange with its
 * secrets as fingerprints, and the report. Values the user typed for shell variables fill the
 * request here and go nowhere else.
 */
import { headerValue, type Exchange, type Header, type SentRequest } from '../lib/api/exchange';
import {
  ACCOUNT_KEY_HEADER,
  USER_KEY_HEADER,
  type Checklist,
  type DiagnoseContext,
} from '../lib/auth/checklist';
import { isSecretHeader, redactHeader } from '../lib/auth/redact';
import { withKeysNotShown } from '../lib/paste/keys-not-shown';
import { pastedExchange } from '../lib/paste/paste';
import type { PastedRequest, ResponsePaste } from '../lib/paste/result';
import { fillVariables } from '../lib/paste/variables';
import { buildReport, keyFingerprints, type KeyFingerprints } from '../lib/report/report';
import { redactUrl } from '../lib/report/redact-url';
import { scrubDeep, secretForms } from '../lib/report/scrub';

/** The parts of the request engine a diagnosis needs (the lazily loaded engine has both). */
export interface DiagnoseEngine {
  diagnose: (exchange: Exchange, context?: DiagnoseContext) => Checklist;
  isKnownOperation: (method: string, path: string) => boolean;
}

/** The time a report is made; tests pass their own clock. */
export const currentTime = (): Date => new Date();

/** A key header whose value came from a variable the user has not typed yet. */
export interface HiddenValue {
  header: string;
  variable: string;
}

export interface Evaluation {
  /** The exchange as diagnosed, typed values filled in: it may hold keys, so memory only. */
  exchange: Exchange;
  /** Safe to show: key headers as fingerprints, secret-looking URL parts redacted. */
  shown: Exchange;
  checklist: Checklist;
  fingerprints: KeyFingerprints;
  report: string;
  hidden: HiddenValue[];
  /**
   * The values the user typed and those the reader marked sensitive, for scrubbing the share
   * link: memory only, like `exchange`.
   */
  typed: string[];
}

/** The header uses of shell-expanded variables whose value nobody typed. */
export function hiddenValues(
  candidate: PastedRequest,
  values: Readonly<Record<string, string>>,
): HiddenValue[] {
  const typed = (name: string) => (values[name] ?? '') !== '';
  return candidate.variables
    .filter((v) => v.handling === 'expanded-by-shell' && v.in === 'header' && !typed(v.name))
    .map((v) => ({
      header: v.headerName ?? candidate.request.headers[v.headerIndex ?? -1]?.name ?? '',
      variable: v.written,
    }))
    .filter((h) => h.header !== '');
}

const HIDDEN_MARK = (variable: string) =>
  `[not in the paste: the customer's shell filled it in from ${variable}]`;

async function shownHeader(header: Header, hidden: readonly HiddenValue[]): Promise<Header> {
  const name = header.name.trim().toLowerCase();
  const from = hidden.find((h) => h.header.trim().toLowerCase() === name);
  return from ? { name: header.name, value: HIDDEN_MARK(from.variable) } : redactHeader(header);
}

async function shownExchange(
  exchange: Exchange,
  hidden: readonly HiddenValue[],
  secrets: readonly string[],
) {
  const { request, response } = exchange;
  const shownRequest: SentRequest = {
    method: request.method,
    url: redactUrl(request.url),
    headers: await Promise.all(request.headers.map((h) => shownHeader(h, hidden))),
    ...(request.body !== undefined ? { body: request.body } : {}),
  };
  const shown: Exchange = { ...exchange, request: shownRequest };
  if (response) {
    // A response's cookies and tokens are not the customer's to show either.
    const headers = response.headers.map((h) =>
      isSecretHeader(h.name) && h.value !== '' ? { name: h.name, value: '[redacted]' } : h,
    );
    shown.response = { ...response, headers };
  }
  // A typed value (a key, or a `$SEG` of the URL) is shown nowhere, even where it was typed in.
  shown.request = scrubDeep(shown.request, secrets);
  if (shown.response) shown.response = scrubDeep(shown.response, secrets);
  if (shown.failure) {
    shown.failure = { ...shown.failure, message: scrubDeep(shown.failure.message, secrets) };
  }
  return shown;
}

/** The checklist with its sentences scrubbed; ids and statuses are kept as they are. */
function scrubChecklist(checklist: Checklist, secrets: readonly string[]): Checklist {
  const text = (t: string) => scrubDeep(t, secrets);
  return {
    ...checklist,
    headline: text(checklist.headline),
    items: checklist.items.map((item) => ({
      ...item,
      title: text(item.title),
      summary: text(item.summary),
      explanation: text(item.explanation),
      ...(item.fix !== undefined ? { fix: text(item.fix) } : {}),
      ...(item.findings
        ? { findings: item.findings.map((f) => ({ ...f, message: text(f.message) })) }
        : {}),
    })),
  };
}

const KEY_LINE: Readonly<Record<string, RegExp>> = {
  [ACCOUNT_KEY_HEADER]: /^(- Account key \(`x-api-key`\): )not sent$/m,
  [USER_KEY_HEADER]: /^(- User key \(`x-api-secret-key`\): )not sent$/m,
};

/** The report says "not sent" for a key without a fingerprint; a hidden one was sent. */
function markHidden(report: string, hidden: readonly HiddenValue[]): string {
  let out = report;
  for (const h of hidden) {
    const line = KEY_LINE[h.header.trim().toLowerCase()];
    if (line) {
      out = out.replace(line, `$1not in the paste (the shell filled it in from ${h.variable})`);
    }
  }
  return out;
}

/** Diagnoses one candidate with the Response box's answer and the values the user typed. */
export async function evaluate(
  engine: DiagnoseEngine,
  candidate: PastedRequest,
  response: ResponsePaste | null,
  values: Readonly<Record<string, string>>,
  at: Date,
): Promise<Evaluation> {
  const typed = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
  const request = fillVariables(candidate, typed);
  const exchange = pastedExchange({ ...candidate, request }, response);
  const hidden = hiddenValues(candidate, typed);
  const context: DiagnoseContext = {
    isKnownOperation: engine.isKnownOperation,
    ...(hidden.length > 0 ? { shellExpanded: hidden } : {}),
  };
  const diagnosed = engine.diagnose(exchange, context);
  const checklist = candidate.keysNotShown
    ? withKeysNotShown(diagnosed, candidate.keysNotShown)
    : diagnosed;
  const fingerprints = await keyFingerprints(request.headers);
  // The fingerprint of the text `$ACCOUNT_KEY` would name a key nobody sent.
  for (const h of hidden) {
    const name = h.header.trim().toLowerCase();
    if (name === ACCOUNT_KEY_HEADER) fingerprints.account = null;
    if (name === USER_KEY_HEADER) fingerprints.user = null;
  }
  // What the reader knows is secret (an unknown option's value, a smart-quoted piece, a value
  // assigned in the paste) is scrubbed like a typed value until lib/secrets takes this over.
  const typedValues = [...Object.values(typed), ...candidate.sensitive.map((s) => s.value)];
  // Only the typed values: a header's own text (`$ACCOUNT_KEY` left unfilled) is shown as is.
  const secrets = secretForms(typedValues);
  const report = markHidden(
    buildReport({ exchange, checklist, fingerprints, at, typed: typedValues }),
    hidden,
  );
  return {
    exchange,
    shown: await shownExchange(exchange, hidden, secrets),
    // The checklist's findings may quote the URL or a header: no typed value in them either.
    checklist: scrubChecklist(checklist, secrets),
    fingerprints,
    report,
    hidden,
    typed: typedValues,
  };
}

/** The two keys as the request carried them (the first of each), for a temporary profile. */
export function keysOf(request: SentRequest): { accountKey: string; userKey: string } {
  return {
    accountKey: headerValue(request.headers, ACCOUNT_KEY_HEADER) ?? '',
    userKey: headerValue(request.headers, USER_KEY_HEADER) ?? '',
  };
}
