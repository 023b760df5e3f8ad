/**
 * `keycheck.mjs diagnose [file|-]`: the Diagnose view's pipeline on a paste, here and now (`diagnosePaste`,
 * which the page's Diagnose worker runs), printing the report the web page makes. Nothing is
 * sent. The paste goes where the web page's Request box would put it; `--response` is the
 * Response box.
 */
import { readFile } from 'node:fs/promises';
import { diagnosePaste } from '../lib/inspect/diagnose-paste';
import type { PasteError } from '../lib/paste/result';
import { createRedactor, findSecrets, type Redactor } from '../lib/secrets';
import { UsageError, type CliOptions } from './args';
import type { Outcome } from './output';

export interface DiagnoseRun {
  outcomes: Outcome[];
  redactor: Redactor;
}

/** A file's text, or standard input's for `-`. The message names the argument, never its text. */
async function readPaste(
  name: string,
  which: string,
  stdin: () => Promise<string>,
): Promise<string> {
  if (name === '-') return stdin();
  try {
    return await readFile(name, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'an error';
    throw new UsageError(
      `Could not read ${which} (${code}): give a file that exists, or - for standard input.`,
    );
  }
}

const where = (box: string, e: PasteError) =>
  `${box}, line ${e.line}, column ${e.column}: ${e.message}`;

export async function runDiagnose(
  options: CliOptions,
  stdin: () => Promise<string>,
  now: () => Date,
): Promise<DiagnoseRun> {
  const request = await readPaste(options.file ?? '-', 'the paste file', stdin);
  const response =
    options.response === undefined
      ? ''
      : await readPaste(options.response, 'the --response file', stdin);
  // Whatever was pasted may hold keys: every message about it goes through this first.
  const redactor = await createRedactor(findSecrets({ paste: [request, response] }));
  // The web page's own pipeline (its worker runs the same function): a whole ticket is split
  // into attempts, and the latest is shown unless --entry picks another.
  const read = await diagnosePaste({
    request,
    response,
    at: now().toISOString(),
    ...(options.entry !== undefined ? { choice: options.entry - 1 } : {}),
  });
  if (!read.request.ok) throw new UsageError(redactor.text(where('The paste', read.request.error)));
  if (!read.response.ok) {
    throw new UsageError(redactor.text(where('The --response file', read.response.error)));
  }
  const count = read.ticket ? read.ticket.attempts.length : read.request.value.candidates.length;
  const result = read.inspection;
  if (!result || (options.entry ?? 1) > count) {
    throw new UsageError(`--entry ${options.entry ?? 1}: the paste holds ${count} request(s).`);
  }
  const candidate = read.request.value.candidates[read.ticket ? 0 : read.choice];
  const notes = [...(candidate?.notes ?? []), ...read.response.value.notes].map((n) =>
    n.line === undefined ? n.message : `line ${n.line}: ${n.message}`,
  );
  if (read.ticket) {
    const { attempts, unread } = read.ticket;
    if (attempts.length > 1) {
      notes.unshift(
        `The paste holds ${attempts.length} attempts; this is number ${read.choice + 1} (choose another with --entry):`,
        ...attempts.map((a, i) => `${i + 1}. ${a.label} (${a.where}): ${a.headline}`),
      );
    }
    notes.push(
      ...unread.map(
        (u) =>
          `${u.from === u.to ? `line ${u.from}` : `lines ${u.from}-${u.to}`} not read: ${u.why}`,
      ),
    );
  } else if (count > 1) {
    notes.unshift(
      `The paste holds ${count} requests; this is number ${read.choice + 1} (choose another with --entry).`,
    );
  }
  return {
    outcomes: [
      {
        title: `${result.shown.request.method} ${result.shown.request.url} (as pasted)`,
        checklist: result.checklist,
        report: result.report,
        notes,
      },
    ],
    // The paste's secrets, and what the reader knows is sensitive although no name says so.
    redactor: await createRedactor(
      findSecrets({
        paste: [request, response],
        ...(candidate ? { request: candidate.request } : {}),
        extra: (candidate?.sensitive ?? []).map((s) => s.value),
      }),
    ),
  };
}
