/*
 * What the Go client prints, alone or inside Terraform's boxed diagnostics (`│ Error: ...`),
 * (FACTS.md, "What customers paste as the answer"): `failed to <action>: <status> - <body>`, a
 * failed task `<status> - <TYPE>: <description>`, Go's network errors (`dial tcp: lookup ...:
 * no such host`, `x509: ...`, `context deadline exceeded`), the provider's "Missing Redis Cloud
 * API Key" / "Missing Redis Cloud API Secret Key" (nothing was sent), and a provider crash
 * (`panic: ...`, "The plugin encountered an error"): no API answer at all.
 */
import type { AnswerReader } from '../reader';
import {
  answer,
  detectLine,
  failureIn,
  firstLine,
  noAnswer,
  notAnAnswer,
  textLines,
  unreadable,
  type TextLine,
} from './common';

const FORMAT = 'terraform-output';
/** Terraform's frame around a diagnostic. */
const FRAME = /^[ \t]*(?:│ ?|╷|╵|\| ?)/;
const FAILED = /failed to ([^:\n]{1,120}): ([1-5]\d\d) - ?(.*)$/;
const TASK_FAILED = /\b([1-5]\d\d) [A-Z_]{2,40} - ([A-Z_]{2,60}): (.*)$/;
const MISSING = /Missing Redis Cloud API (Secret )?Key/;
const PANIC =
  /^panic: |The plugin encountered an error, and failed to respond|Plugin did not respond|plugin exited|rpc error: code = Unavailable desc = (?:error reading from server|transport is closing)/;
const GO_NETWORK =
  /(?:Get|Post|Put|Patch|Delete) "https?:\/\/[^"\n]{1,2000}": |dial tcp|x509: |context deadline exceeded|Client\.Timeout exceeded|net\/http: invalid header field value/;
const OPENS = [FAILED, TASK_FAILED, MISSING, PANIC, /^\s*(?:│ )?Error: /, GO_NETWORK];

export const terraformAnswer: AnswerReader = {
  kind: 'answer',
  format: FORMAT,
  label: 'The Go client and Terraform (errors and crashes)',
  detect(text) {
    const match = detectLine(OPENS)(text);
    if (!match) return null;
    // A bare `Error: ` line belongs here only beside Terraform's or the Go client's own words.
    const lines = unframed(text);
    const own = lines.some((l) => OPENS.some((p) => p !== OPENS[4] && p.test(l.text)));
    return own ? match : null;
  },
  read(text) {
    const lines = unframed(text);
    const missing = firstLine(lines, MISSING);
    if (missing) {
      const which = missing.match[1] ? 'secret' : 'account';
      const both = lines.filter((l) => MISSING.test(l.text));
      const names = new Set(
        both.map((l) => (/API Secret Key/.test(l.text) ? 'secret' : 'account')),
      );
      const said =
        names.size > 1
          ? 'Missing Redis Cloud API Key; Missing Redis Cloud API Secret Key (REDISCLOUD_ACCESS_KEY and REDISCLOUD_SECRET_KEY, or api_key and secret_key, were not set)'
          : which === 'secret'
            ? 'Missing Redis Cloud API Secret Key (REDISCLOUD_SECRET_KEY, or secret_key in the provider block, was not set)'
            : 'Missing Redis Cloud API Key (REDISCLOUD_ACCESS_KEY, or api_key in the provider block, was not set)';
      return noAnswer(FORMAT, 'missing-key', said, text);
    }
    const failed = firstLine(lines, FAILED);
    if (failed) {
      return answer(FORMAT, {
        status: Number(failed.match[2]),
        body: bodyFrom(lines, failed.index, failed.match[3] ?? ''),
      });
    }
    const task = firstLine(lines, TASK_FAILED);
    if (task) {
      // The task's own status is not the HTTP status: the API answered the task query with 200.
      const body = task.match[0];
      return answer(FORMAT, {
        status: 200,
        statusText: '',
        body,
        notes: [
          {
            message:
              'A task failed: the API accepted the request and answered the task query with HTTP 200, and the task itself ended in an error (its own status is in the body).',
            line: task.at.line,
          },
        ],
      });
    }
    const panic = firstLine(lines, PANIC);
    if (panic) {
      return notAnAnswer(
        FORMAT,
        'The provider crashed (a panic in the plugin): that is not an answer from the API, so it shows no status. Run the same step again with TF_LOG=DEBUG to see the request and the answer before the crash, and report the crash to the provider.',
      );
    }
    const network = firstLine(lines, GO_NETWORK);
    const kind = network ? failureIn(network.at.text) : null;
    if (network && kind) return noAnswer(FORMAT, kind, network.at.text.trim(), text);
    return unreadable(
      lines[0],
      'This looks like a Terraform or Go client error, but it shows no status and no reason that says no answer came.',
    );
  },
};

/** The lines without Terraform's frame. */
function unframed(text: string): TextLine[] {
  return textLines(text).map((l) => ({ ...l, text: l.text.replace(FRAME, '') }));
}

/** The body after ` - `: the rest of the line and the box's lines until a blank line or its end. */
function bodyFrom(lines: readonly TextLine[], index: number, rest: string): string {
  const parts = [rest];
  for (let i = index + 1; i < lines.length; i++) {
    const t = (lines[i] as TextLine).text;
    if (t.trim() === '' || /^\s*(?:with |on )\S/.test(t) || /^╵/.test(t)) break;
    parts.push(t);
  }
  return parts.join('\n').trim();
}
