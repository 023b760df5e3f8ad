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
import { headerValue, type Exchange, type Header } from '../core/exchange';
import { STATUS, VERDICT } from '../core/words';
import { fingerprint, type Fingerprint } from '../secrets';
import { code, escapeText, prose } from './markdown';

/**
 * How a key is named in a report: its fingerprint; the shell variable that supplied it when the
 * paste shows only the variable; null when the header was not sent.
 */
export type KeyPrint = Fingerprint | { variable: string } | null;

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
    todo.forEach((item, i) => {
      const docs = item.docs ? ` See [${escapeText(item.docs.title)}](${item.docs.url}).` : '';
      lines.push(`${i + 1}. ${prose(item.fix ?? '')}${docs}`);
    });
    lines.push('');
  }

  lines.push('### What was checked', '');
  lines.push(`- Request (${SOURCE[exchange.source]}): ${code(`${request.method} ${request.url}`)}`);
  if (exchange.startedAt) lines.push(`- Sent at: ${code(exchange.startedAt.slice(0, 40))}`);
  if (response) {
    const status =
      response.status === null
        ? 'status not known (only a body was pasted)'
        : code(`${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
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
  for (const item of checklist.items) {
    const rank =
      item.status === 'suspect' && item.rank !== undefined ? `, most likely #${item.rank}` : '';
    lines.push(
      `- **${STATUS[item.status].word}${rank}**: ${prose(item.title)}. ${prose(item.summary)}`,
    );
  }

  lines.push('', '### Keys (by fingerprint, never the key)', '');
  lines.push(`- Account key (${code(ACCOUNT_KEY_HEADER)}): ${describe(fingerprints.account)}`);
  lines.push(`- User key (${code(USER_KEY_HEADER)}): ${describe(fingerprints.user)}`);

  const untold = checklist.items.filter((item) => item.status === 'unknown');
  if (untold.length > 0) {
    lines.push('', '### What could not be told', '');
    for (const item of untold)
      lines.push(`- ${prose(item.title)}: ${prose(item.explanation || item.summary)}`);
  }

  lines.push(
    '',
    `Made with Keycheck at ${code(at.toISOString())}. A fingerprint is the first 8 hex digits of the key's SHA-256 and its length: type a key into Keycheck's fingerprint box to see whether it is the one used.`,
    '',
  );
  return clean(lines.join('\n'));
}

function describe(print: KeyPrint): string {
  if (print === null) return 'not sent';
  if ('variable' in print) {
    return `not in the paste (the customer's shell filled it in from ${code(print.variable)})`;
  }
  return `${code(print.hash)}, ${print.length} characters`;
}
