/**
 * What keycheck.mjs prints: the checklist and the report for a person (colour on a terminal
 * only), the report alone for a ticket (`--markdown`), or one JSON document (`--json`). Every
 * text passes through a redactor from `lib/secrets` on its way out, whatever it holds.
 */
import type { Checklist, ItemStatus } from '../lib/core/checklist';
import { GROUP, STATUS, VERDICT } from '../lib/core/words';
import type { InsideView } from '../lib/sandbox';
import type { Redactor } from '../lib/secrets';
import { exitCodeOf } from './exit-codes';

/** One request judged: what `check` and `diagnose` print. */
export interface Outcome {
  /** e.g. `GET https://api.redislabs.com/v1/`, already safe. */
  title: string;
  checklist: Checklist;
  /** The Markdown report, as the web page makes it. */
  report: string;
  /** The sandbox's ground truth, for a request the sandbox answered. */
  insideView?: InsideView;
  /** Notes on how the paste was read. */
  notes?: string[];
}

export interface Streams {
  out: { write(text: string): unknown; isTTY?: boolean };
  err: { write(text: string): unknown; isTTY?: boolean };
}

export type Format = 'text' | 'markdown' | 'json';

const ANSI: Readonly<Record<ItemStatus | 'bold' | 'off', string>> = {
  pass: '\u001b[32m',
  fail: '\u001b[31m',
  suspect: '\u001b[33m',
  warn: '\u001b[33m',
  unknown: '\u001b[2m',
  skipped: '\u001b[2m',
  bold: '\u001b[1m',
  off: '\u001b[0m',
};

/** Colour only on a terminal, never with NO_COLOR set or --no-color (https://no-color.org). */
export function useColor(
  stream: Streams['out'],
  env: Readonly<Record<string, string | undefined>>,
  choice?: boolean,
): boolean {
  if (choice === false) return false;
  return stream.isTTY === true && (env.NO_COLOR ?? '') === '' && env.TERM !== 'dumb';
}

/** The checklist for a terminal: the verdict, then one line per item, grouped. */
export function checklistText(checklist: Checklist, color: boolean): string {
  const paint = (style: keyof typeof ANSI, text: string) =>
    color ? `${ANSI[style]}${text}${ANSI.off}` : text;
  const verdictStyle: ItemStatus = checklist.verdict === 'ok' ? 'pass' : 'fail';
  const verdictWord =
    (VERDICT as Readonly<Record<string, string>>)[checklist.verdict] ?? checklist.verdict;
  const lines = [
    paint(verdictStyle, paint('bold', `${verdictWord}.`)) + ` ${checklist.headline}`,
    '',
    'Authentication checklist',
  ];
  let group = '';
  for (const item of checklist.items) {
    if (GROUP[item.group] !== group) {
      group = GROUP[item.group];
      lines.push(`  ${paint('bold', group)}`);
    }
    const status = STATUS[item.status];
    const rank = item.status === 'suspect' && item.rank !== undefined ? ` #${item.rank}` : '';
    const word = `${status.icon} ${status.word}${rank}`.padEnd(12);
    lines.push(`    ${paint(item.status, word)} ${item.title}: ${item.summary}`);
    if (item.fix && ['fail', 'suspect', 'warn'].includes(item.status)) {
      lines.push(`${' '.repeat(17)}Fix: ${item.fix}`);
    }
  }
  return lines.join('\n');
}

/** Everything to print for the outcomes, in one format, through `redactor`. */
export function render(
  outcomes: readonly Outcome[],
  format: Format,
  color: boolean,
  redactor: Redactor,
): string {
  if (format === 'json') {
    const last = outcomes[outcomes.length - 1];
    const doc = {
      verdict: last?.checklist.verdict ?? 'unknown',
      exitCode: exitCodeOf(last?.checklist.verdict ?? 'unknown'),
      results: outcomes.map((o) => ({
        request: o.title,
        verdict: o.checklist.verdict,
        primaryCause: o.checklist.primaryCause,
        headline: o.checklist.headline,
        exitCode: exitCodeOf(o.checklist.verdict),
        checklist: o.checklist.items,
        report: o.report,
        ...(o.notes && o.notes.length > 0 ? { notes: o.notes } : {}),
        ...(o.insideView === undefined ? {} : { sandboxInsideView: o.insideView }),
      })),
    };
    return `${JSON.stringify(redactor.deep(doc), null, 2)}\n`;
  }
  if (format === 'markdown') {
    return redactor.text(`${outcomes.map((o) => o.report.trimEnd()).join('\n\n---\n\n')}\n`);
  }
  const blocks = outcomes.map((o) => {
    const parts = [`${color ? ANSI.bold : ''}Keycheck: ${o.title}${color ? ANSI.off : ''}`];
    for (const note of o.notes ?? []) parts.push(`Note: ${note}`);
    parts.push('', checklistText(o.checklist, color), '', o.report.trimEnd());
    if (o.insideView !== undefined) {
      parts.push(
        '',
        "The sandbox's inside view (the simulated API's ground truth, which the real API never tells):",
        ...o.insideView.summary.map((line) => `  ${line}`),
      );
    }
    return parts.join('\n');
  });
  return redactor.text(`${blocks.join('\n\n')}\n`);
}
