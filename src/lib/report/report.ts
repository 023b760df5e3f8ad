/**
 * The report a support engineer pastes into a ticket, written for the customer who reads it
 * (DESIGN.md, "The report"): the verdict as an action, the steps, what was checked and what
 * each item found, the keys by fingerprint, and what could not be told. It is built from the
 * safe view of the exchange and the checklist's structure; no internal id appears in it.
 */
import {
  ACCOUNT_KEY_HEADER,
  USER_KEY_HEADER,
  type Checklist,
  type ChecklistItem,
} from '../core/checklist';
import { headerValue, type Exchange, type Header, type ReceivedResponse } from '../core/exchange';
import { statusFromBody } from '../auth/response-body';
import { STATUS, VERDICT } from '../core/words';
import { inRankOrder } from '../core/checklist-brief';
import { fingerprint, type Fingerprint } from '../secrets';
import { code, escapeText, prose } from './markdown';

/**
 * How a key is named in a report: its fingerprint; the shell variable that supplied it when the
 * paste shows only the variable; null when the header was not sent.
 */
/** Why the paste cannot show a key: the app's own words, the only ones a share link may carry. */
export const NOT_IN_PASTE = {
  masked: 'the CI log masked it',
  toolHides: 'the tool that printed it never shows the key headers',
  noRequest: 'the request was not pasted',
} as const;
export type NotInPaste = (typeof NOT_IN_PASTE)[keyof typeof NOT_IN_PASTE];

export type KeyPrint = Fingerprint | { variable: string } | { notInPaste: NotInPaste } | null;

/**
 * A key as the page, the report and the shared page name it, in plain words: "not sent" only
 * where the request shows the header missing (`null`), "not in the paste" where the paste
 * cannot show it (a variable, a CI mask, a tool that never prints the keys, no request pasted).
 */
export function keyPrintWords(print: KeyPrint): string {
  if (print === null) return 'not sent';
  if ('variable' in print) return `not in the paste (filled in from ${print.variable})`;
  if ('notInPaste' in print) return `not in the paste (${print.notInPaste})`;
  return `${print.hash}, ${print.length} characters`;
}

/**
 * The status the verdict rests on, for a person: the status line, or, when only a body was
 * pasted, the status the body states itself (the nginx page's title, the Spring JSON), so the
 * answer is never "status not known" beside a verdict that read "HTTP 401" from the body.
 */
export function answerStatusWords(response: ReceivedResponse): string {
  if (response.status !== null) {
    return `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  }
  const stated = statusFromBody(response.body);
  return stated === null
    ? 'status not known (only a body was pasted)'
    : `${stated} (stated by the body; no status line was pasted)`;
}

/** The two keys as sent. */
export interface KeyFingerprints {
  account: KeyPrint;
  user: KeyPrint;
}

export interface ReportInput {
  /** The safe view of the exchange (`lib/secrets`): never the exchange as sent. */
  exchange: Exchange;
  /** The checklist, its sentences already passed through the same redactor. */
  checklist: Checklist;
  fingerprints: KeyFingerprints;
  /** When the report was made. */
  at: Date;
}

/** Response headers worth showing: they say who answered, what, and about the rate limit. */
const NOTABLE_HEADER = /^(?:server|content-type|retry-after|location|x-rate-limit-.*)$/i;

const SOURCE: Readonly<Record<Exchange['source'], string>> = {
  network: 'sent from Keycheck',
  sandbox: "sent to Keycheck's sandbox (simulated API)",
  pasted: 'as pasted',
};

/**
 * The fingerprints of the `x-api-key` and `x-api-secret-key` values in a request as sent (the
 * first of each, names compared without case).
 */
export async function keyFingerprints(headers: readonly Header[]): Promise<KeyFingerprints> {
  const account = headerValue(headers, ACCOUNT_KEY_HEADER);
  const user = headerValue(headers, USER_KEY_HEADER);
  return {
    account: account === undefined ? null : await fingerprint(account),
    user: user === undefined ? null : await fingerprint(user),
  };
}

/**
 * Items grouped by the reason they give, each reason once, in the order of first appearance;
 * only items with the same status share a group.
 */
export function groupedByReason(
  items: readonly ChecklistItem[],
  reason: (item: ChecklistItem) => string,
): ChecklistItem[][] {
  const groups = new Map<string, ChecklistItem[]>();
  for (const item of items) {
    const key = `${item.status}\u0000${reason(item)}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()];
}

/** Items that need something done, the primary cause first, then by how sure the finding is. */
function steps(checklist: Checklist): ChecklistItem[] {
  const weight = (item: ChecklistItem): number => {
    if (item.id === checklist.primaryCause) return -1;
    if (item.status === 'fail') return 0;
    if (item.status === 'suspect') return 1 + (item.rank ?? 9) / 100;
    return 2;
  };
  return checklist.items
    .filter(
      (item) =>
        item.fix !== undefined &&
        (item.id === checklist.primaryCause || ['fail', 'suspect', 'warn'].includes(item.status)),
    )
    .sort((a, b) => weight(a) - weight(b));
}

/** The Markdown report. `clean` is a last pass of the exchange's redactor over the whole text. */
export function buildReport(
  input: ReportInput,
  clean: (text: string) => string = (t) => t,
): string {
  const { exchange, checklist, fingerprints, at } = input;
  const { request, response, failure } = exchange;
  const lines: string[] = ['## Keycheck report', ''];
  lines.push(`**${escapeText(VERDICT[checklist.verdict])}.** ${prose(checklist.headline)}`, '');

  const todo = steps(checklist);
  if (todo.length > 0) {
    lines.push('### What to do', '');
    // Each fix is said once: items that share it are one step.
    const seen = new Set<string>();
    todo
      .filter((item) => {
        const fix = item.fix ?? '';
        if (seen.has(fix)) return false;
        seen.add(fix);
        return true;
      })
      .forEach((item, i) => {
        const docs = item.docs ? ` See [${escapeText(item.docs.title)}](${item.docs.url}).` : '';
        lines.push(`${i + 1}. ${prose(item.fix ?? '')}${docs}`);
      });
    lines.push('');
  }

  lines.push('### What was checked', '');
  lines.push(`- Request (${SOURCE[exchange.source]}): ${code(`${request.method} ${request.url}`)}`);
  if (exchange.startedAt) lines.push(`- Sent at: ${code(exchange.startedAt.slice(0, 40))}`);
  if (response) {
    const status = code(answerStatusWords(response));
    const time = exchange.durationMs !== undefined ? `, ${Math.round(exchange.durationMs)} ms` : '';
    lines.push(`- Answer: ${status}${time}`);
    for (const h of response.headers.filter((h) => NOTABLE_HEADER.test(h.name))) {
      lines.push(`  - ${code(`${h.name.toLowerCase()}: ${h.value}`)}`);
    }
  } else if (failure) {
    lines.push(`- Answer: none. ${escapeText(failure.message)}`);
  } else {
    lines.push('- Answer: none given, so only the request itself was checked');
  }
  lines.push('');
  for (const group of groupedByReason(inRankOrder(checklist.items), (i) => i.summary)) {
    const first = group[0]!;
    const rank =
      first.status === 'suspect' && first.rank !== undefined ? `, most likely #${first.rank}` : '';
    const titles = group.map((i) => prose(i.title)).join('; ');
    lines.push(`- **${STATUS[first.status].word}${rank}**: ${titles}. ${prose(first.summary)}`);
  }

  lines.push('', '### Keys (by fingerprint, never the key)', '');
  lines.push(`- Account key (${code(ACCOUNT_KEY_HEADER)}): ${describe(fingerprints.account)}`);
  lines.push(`- User key (${code(USER_KEY_HEADER)}): ${describe(fingerprints.user)}`);

  const untold = checklist.items.filter((item) => item.status === 'unknown');
  if (untold.length > 0) {
    lines.push('', '### What could not be told', '');
    for (const group of groupedByReason(untold, (i) => i.explanation || i.summary)) {
      const first = group[0]!;
      const titles = group.map((i) => prose(i.title)).join('; ');
      lines.push(`- ${titles}: ${prose(first.explanation || first.summary)}`);
    }
  }

  lines.push(
    '',
    `Made with Keycheck at ${code(at.toISOString())}. A fingerprint is the first 8 hex digits of the key's SHA-256 and its length: type a key into Keycheck's fingerprint box to see whether it is the one used.`,
    '',
  );
  return clean(lines.join('\n'));
}

function describe(print: KeyPrint): string {
  if (print === null || 'notInPaste' in print) return escapeText(keyPrintWords(print));
  if ('variable' in print) {
    return `not in the paste (the customer's shell filled it in from ${code(print.variable)})`;
  }
  return `${code(print.hash)}, ${print.length} characters`;
}
