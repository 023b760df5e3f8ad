import { headerValue, type Exchange, type Header } from '../api/exchange';
import {
  ACCOUNT_KEY_HEADER,
  USER_KEY_HEADER,
  type Checklist,
  type ChecklistItem,
  type ItemStatus,
  type Verdict,
} from '../auth/checklist';
import { fingerprint, type Fingerprint } from '../auth/fingerprint';
import { code, prose } from './markdown';
import { redactUrl } from './redact-url';
import { scrubSecrets, secretForms, secretsOf } from './scrub';

/** The fingerprints of the two keys as sent; `null` when that header was not sent. */
export interface KeyFingerprints {
  account: Fingerprint | null;
  user: Fingerprint | null;
}

export interface ReportInput {
  exchange: Exchange;
  checklist: Checklist;
  fingerprints: KeyFingerprints;
  /** When the report was made. */
  at: Date;
  /**
   * Values the user typed for shell variables (URL, body or header): scrubbed like keys, since
   * the view promises they go into no report or link.
   */
  typed?: readonly string[];
}

/** Every secret a report or link must not hold: the request's keys and the typed values. */
export function reportSecrets(input: Pick<ReportInput, 'exchange' | 'typed'>): string[] {
  return [...new Set([...secretsOf(input.exchange.request), ...secretForms(input.typed ?? [])])];
}

export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = {
  ok: 'Authenticated',
  'auth-failed': 'Authentication failed',
  forbidden: 'Forbidden',
  'rate-limited': 'Rate limited',
  'request-error': 'Authenticated, but the request was refused',
  'server-error': 'Server error',
  'wrong-target': 'Not sent to the Redis Cloud API',
  unreachable: 'No answer reached the page',
  'not-sent': 'Not sent',
  unknown: 'Cannot be told from what is at hand',
};

const STATUS_LABEL: Readonly<Record<ItemStatus, string>> = {
  pass: 'PASS',
  fail: 'FAIL',
  suspect: 'SUSPECT',
  warn: 'WARN',
  unknown: 'UNKNOWN',
  skipped: 'SKIPPED',
};

/** Response headers worth showing: they say who answered, what, and about the rate limit. */
const NOTABLE_HEADER = /^(?:server|content-type|retry-after|x-rate-limit-.*)$/i;

/**
 * The fingerprints of the `x-api-key` and `x-api-secret-key` values in a request (the first of
 * each, names compared without case), for `buildReport` and the share link.
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
 * The Markdown report for a support ticket: time, method and URL (secret-looking query values
 * redacted), the response status and the headers that matter, the verdict and primary cause,
 * every checklist item with its status and one line, and the keys' fingerprints. It never shows
 * a header value of the request; as a last defence, any run of 8 or more characters of a secret
 * sent in the request is scrubbed from the final text.
 */
export function buildReport(input: ReportInput): string {
  const { exchange, checklist, fingerprints, at } = input;
  const { request, response, failure } = exchange;
  const lines: string[] = ['## Keycheck report', ''];
  lines.push(`- **Made:** ${at.toISOString()}`);
  if (exchange.startedAt) lines.push(`- **Request sent:** ${oneLineTime(exchange.startedAt)}`);
  lines.push(
    `- **Request:** ${code(`${request.method} ${redactUrl(request.url)}`)} (${exchange.source})`,
  );
  if (response) {
    const status =
      response.status === null
        ? 'status unknown (only a body was pasted)'
        : `${response.status}${response.statusText ? ` ${prose(response.statusText)}` : ''}`;
    lines.push(
      `- **Response:** ${status}${exchange.durationMs !== undefined ? `, ${Math.round(exchange.durationMs)} ms` : ''}`,
    );
    for (const h of response.headers.filter((h) => NOTABLE_HEADER.test(h.name))) {
      lines.push(`  - ${code(h.name.toLowerCase())}: ${code(h.value)}`);
    }
  } else if (failure) {
    lines.push(`- **Response:** none (${failure.kind}): ${prose(failure.message)}`);
  } else {
    lines.push('- **Response:** none given: only the request was checked');
  }
  const primary = checklist.items.find((i) => i.id === checklist.primaryCause);
  lines.push(`- **Verdict:** ${VERDICT_LABEL[checklist.verdict]} (${code(checklist.verdict)})`);
  lines.push(
    `- **Primary cause:** ${primary ? `${prose(primary.title)} (${code(primary.id)})` : 'none'}`,
  );
  lines.push('', prose(checklist.headline), '', '### Keys', '');
  lines.push(`- Account key (${code(ACCOUNT_KEY_HEADER)}): ${describe(fingerprints.account)}`);
  lines.push(`- User key (${code(USER_KEY_HEADER)}): ${describe(fingerprints.user)}`);
  lines.push('', '### Checklist', '');
  checklist.items.forEach((item, index) => lines.push(itemLine(item, index + 1)));
  lines.push(
    '',
    'Keys appear only as fingerprints (first 8 hex digits of SHA-256, and length). To check which key was used, type it into Keycheck\u2019s fingerprint box: the key itself is never needed here.',
    '',
  );
  return scrubSecrets(lines.join('\n'), reportSecrets(input));
}

function itemLine(item: ChecklistItem, number: number): string {
  const rank = item.status === 'suspect' && item.rank !== undefined ? ` #${item.rank}` : '';
  return `${number}. **${STATUS_LABEL[item.status]}${rank}** ${prose(item.title)} (${code(item.id)}): ${prose(item.summary)}`;
}

function describe(fp: Fingerprint | null): string {
  return fp ? `${code(fp.hash)}, ${fp.length} characters` : 'not sent';
}

function oneLineTime(text: string): string {
  return prose(text).slice(0, 40);
}
