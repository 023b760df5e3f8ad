/**
 * A failed task, from whichever tool printed it (FACTS.md, "What customers paste as the answer"):
 * the API's JSON task body, the Go client's `<status> - <TYPE>: <description>` line (inside
 * Terraform's error box too), an old provider's line-by-line debug log of the task body, and
 * redisctl's `Task <id>: processing-error`. One reading for all, so one judge decides.
 */
import { readTask } from '../api/task';
import type { TaskError } from '../api/task';

/** `500 INTERNAL_SERVER_ERROR - GENERAL_ERROR: description` (the Go client's task error). */
const GO_LINE = /\b([1-5]\d\d) ([A-Z][A-Z_]{1,60}) - ([A-Z][A-Z0-9_]{1,120}):[ \t]*([^\n]*)/;
/** `"status" : "processing-error"` and its siblings, one per line, in an old provider's log. */
const LOG_FIELD = /"(status|type|description)"\s*:\s*"([^"\n]{0,400})"/g;
/** redisctl: `Task 5f3c...: processing-error`. */
const REDISCTL = /\bTask\s+[\w-]{1,100}:\s*processing-error\b/i;
/** Only this much of a body is read for a task line: a task error sits near its end or start. */
const MAX = 200_000;

/** The text inside Terraform's box (`│ Error: ...`) without the box, for the line pattern. */
function unboxed(line: string): string {
  return line.replace(/^[\s│|]+/, '').replace(/^Error:\s*/, '');
}

function fromGoLines(text: string): TaskError | null {
  for (const raw of text.split('\n')) {
    const line = unboxed(raw);
    if (!line.includes(' - ')) continue;
    const m = GO_LINE.exec(line);
    if (!m) continue;
    const [, code, words, type, description] = m;
    const error: TaskError = { type: type ?? 'UNKNOWN', status: `${code} ${words}` };
    const rest = description?.trim();
    if (rest) error.description = rest;
    return error;
  }
  return null;
}

function fromLogFields(text: string): TaskError | null {
  if (!/"processing-error"/.test(text)) return null;
  let type: string | undefined;
  let status: string | undefined;
  let description: string | undefined;
  for (const m of text.matchAll(LOG_FIELD)) {
    const [, field, value] = m;
    if (value === undefined) continue;
    if (field === 'type' && type === undefined) type = value;
    if (field === 'status' && /^\d{3}\b/.test(value) && status === undefined) status = value;
    if (field === 'description' && type !== undefined && description === undefined) {
      description = value;
    }
  }
  if (type === undefined && status === undefined) return null;
  const error: TaskError = { type: type ?? 'UNKNOWN' };
  if (status !== undefined) error.status = status;
  if (description !== undefined) error.description = description;
  return error;
}

/**
 * The error of a failed task the body reports, from any of the shapes above, or null when it
 * reports none. A task that is still running or completed is not a failure.
 */
export function failedTaskIn(body: string): TaskError | null {
  const text = body.length > MAX ? body.slice(0, MAX) : body;
  const task = readTask(text);
  if (task) return task.status === 'processing-error' ? (task.error ?? { type: 'UNKNOWN' }) : null;
  const line = fromGoLines(text);
  if (line) return line;
  const logged = fromLogFields(text);
  if (logged) return logged;
  if (REDISCTL.test(text)) {
    // redisctl may print the error's status in parentheses on a later line: "(400)".
    const code = /\((\d{3})\)/.exec(text)?.[1];
    return code ? { type: 'UNKNOWN', status: code } : { type: 'UNKNOWN' };
  }
  return null;
}

/** The HTTP status of a task's error, `403` from `403 FORBIDDEN`, or null. */
export function taskErrorStatus(error: TaskError): number | null {
  const code = /^\s*(\d{3})\b/.exec(error.status ?? '')?.[1];
  return code ? Number(code) : null;
}

/**
 * Task error types about the API key's permissions: only these (FACTS.md, "What customers paste
 * as the answer"). `ACL_ROLE_*` is a database's access control, `*_NOT_ALLOWED_*` the resource.
 */
export function isPermissionType(type: string): boolean {
  return /^(?:UNAUTHORIZED|USER_INSUFFICIENT_ROLE|USER_WITHOUT_OWNER_PERMISSION(?:_\w*)?)$/i.test(
    type.trim(),
  );
}

/** `403 FORBIDDEN SUBSCRIPTION_NOT_ACTIVE: Subscription is not active`, trimmed for one line. */
export function errorWords(error: TaskError): string {
  const description = error.description?.replace(/\s+/g, ' ').trim().slice(0, 200);
  const parts =
    `${error.status ? `${error.status.trim().slice(0, 40)} ` : ''}${taskType(error)}`.trim();
  return `${parts || 'processing-error'}${description ? `: ${description}` : ''}`;
}

/** The task error's type as a person reads it, '' when the tool printed none. */
export function taskType(error: TaskError | null): string {
  return !error || error.type === 'UNKNOWN' ? '' : error.type.slice(0, 80);
}
