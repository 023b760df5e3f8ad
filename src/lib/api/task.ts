/**
 * Reading the API's asynchronous tasks (FACTS.md): a write answers with a `taskId`, and
 * `GET /v1/tasks/{taskId}` reports `initialized`, `received`, `processing-in-progress`, then
 * `processing-completed` or `processing-error` (still HTTP 200, the error in `response.error`).
 */
import { jsonObject } from '../auth/response-body';

export const TASK_STATES = [
  'initialized',
  'received',
  'processing-in-progress',
  'processing-completed',
  'processing-error',
] as const;
export type TaskState = (typeof TASK_STATES)[number];

export interface TaskError {
  type: string;
  status?: string;
  description?: string;
}

export interface TaskReport {
  /** A state the document lists, or the text the API sent when it is another one. */
  status: TaskState | string;
  description?: string;
  error?: TaskError;
  /** `response.resourceId` of a completed task, when present. */
  resourceId?: number;
}

/** The task id an answer carries (`taskId`, as every asynchronous operation returns), or null. */
export function taskIdOf(body: string): string | null {
  if (body.length > 100_000) return null;
  const id = jsonObject(body)?.['taskId'];
  return typeof id === 'string' && /^[\w-]{1,100}$/.test(id) ? id : null;
}

/** The report a `GET /v1/tasks/{taskId}` body holds, or null when it holds no status. */
export function readTask(body: string): TaskReport | null {
  const task = jsonObject(body);
  const status = task?.['status'];
  if (!task || typeof status !== 'string') return null;
  const report: TaskReport = { status };
  if (typeof task['description'] === 'string') report.description = task['description'];
  const response = task['response'];
  if (response && typeof response === 'object' && !Array.isArray(response)) {
    const r = response as Record<string, unknown>;
    const error = r['error'];
    if (error && typeof error === 'object' && !Array.isArray(error)) {
      const e = error as Record<string, unknown>;
      const found: TaskError = { type: typeof e['type'] === 'string' ? e['type'] : 'UNKNOWN' };
      if (typeof e['status'] === 'string') found.status = e['status'];
      if (typeof e['description'] === 'string') found.description = e['description'];
      report.error = found;
    }
    if (typeof r['resourceId'] === 'number') report.resourceId = r['resourceId'];
  }
  return report;
}

/** Whether the task will not change any more. */
export function isFinished(status: string): boolean {
  return status === 'processing-completed' || status === 'processing-error';
}

/**
 * How long to wait before poll number `attempt` (0 is the first poll after the answer):
 * 1 s, 2 s, 4 s, then every `capMs`. Polling faster would spend the account's 400 requests a
 * minute for nothing: tasks take seconds to minutes.
 */
export function taskPollDelay(attempt: number, baseMs = 1000, capMs = 4000): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt), capMs);
}

/** A brand-new task id can answer 404 for a few seconds; real clients wait this long. */
export const TASK_NOT_FOUND_GRACE_MS = 15_000;

/**
 * Where what a finished task created can be read: the path the creating POST went to plus the
 * new id (`POST /v1/subscriptions` -> `/v1/subscriptions/123`), as the API's paths run. Null for
 * any other method or a URL that cannot be read.
 */
export function createdResourcePath(
  method: string,
  url: string,
  resourceId: number,
): string | null {
  if (method.toUpperCase() !== 'POST') return null;
  let path: string;
  try {
    path = new URL(url, 'https://api.invalid').pathname;
  } catch {
    return null;
  }
  return `${path.replace(/\/+$/, '')}/${resourceId}`;
}
