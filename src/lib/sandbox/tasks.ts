/**
 * Asynchronous writes. The real API answers a write with a task id and then reports the task's
 * progress; the sandbox derives every state from the task's age on the injected clock, so a test
 * or a walkthrough moves a task along just by moving the clock.
 */
import { SANDBOX_BASE_URL } from '../core/checklist';
import { apiTimestamp } from './responses';

export type TaskStatus =
  | 'initialized'
  | 'received'
  | 'processing-in-progress'
  | 'processing-completed'
  | 'processing-error';

/**
 * When each state begins, in milliseconds after the write. Before `visible` the task id answers
 * 404, as a brand-new task id can on the real API (FACTS.md, "a few seconds").
 */
export const TASK_TIMELINE_MS = {
  visible: 2_000,
  received: 3_000,
  inProgress: 5_000,
  finished: 8_000,
} as const;

/** The real API lists the tasks of the last 10 days. */
export const TASK_LIST_WINDOW_MS = 10 * 24 * 60 * 60 * 1000;

export interface TaskError {
  /** e.g. `BAD_REQUEST` (one of the OpenAPI `ProcessorResponse.error` values). */
  type: string;
  /** Spring's status text, e.g. `400 BAD_REQUEST`. */
  status: string;
  description: string;
}

export interface SandboxTask {
  taskId: string;
  accountId: number;
  commandType: string;
  createdAt: number;
  outcome: TaskSuccess | { error: TaskError };
}

/** What a task that completes reports, and what it changes in the world when it does. */
export interface TaskSuccess {
  /** The id of what it created or changed (`response.resourceId`). */
  resourceId?: number | undefined;
  /** What it read, for the GETs the API answers with a task (`response.resource`). */
  resource?: Record<string, unknown>;
  /** Applied once, the first time the sandbox answers after the task has completed. */
  apply?: () => void;
}

const DESCRIPTIONS: Readonly<Record<TaskStatus, string>> = {
  initialized: 'Task initialized.',
  received: 'Task request received and is being queued for processing.',
  'processing-in-progress': 'Task request is being processed.',
  'processing-completed': 'Request processing completed successfully.',
  'processing-error':
    'Task request failed during processing. See error information for failure details.',
};

/** The task's state at `now`, or null while it is still too new to be found. */
export function taskStatusAt(task: SandboxTask, now: number): TaskStatus | null {
  const age = now - task.createdAt;
  if (age < TASK_TIMELINE_MS.visible) return null;
  if (age < TASK_TIMELINE_MS.received) return 'initialized';
  if (age < TASK_TIMELINE_MS.inProgress) return 'received';
  if (age < TASK_TIMELINE_MS.finished) return 'processing-in-progress';
  return 'error' in task.outcome ? 'processing-error' : 'processing-completed';
}

function stateStartedAt(task: SandboxTask, status: TaskStatus): number {
  const offsets: Record<TaskStatus, number> = {
    initialized: TASK_TIMELINE_MS.visible,
    received: TASK_TIMELINE_MS.received,
    'processing-in-progress': TASK_TIMELINE_MS.inProgress,
    'processing-completed': TASK_TIMELINE_MS.finished,
    'processing-error': TASK_TIMELINE_MS.finished,
  };
  return task.createdAt + offsets[status];
}

export function taskHref(taskId: string): string {
  return `${SANDBOX_BASE_URL}/v1/tasks/${taskId}`;
}

/** The 202 body of a write: the task as just received. */
export function acceptedTaskBody(task: SandboxTask): Record<string, unknown> {
  return {
    taskId: task.taskId,
    commandType: task.commandType,
    status: 'received',
    description: DESCRIPTIONS.received,
    timestamp: apiTimestamp(task.createdAt),
    _links: { task: { href: taskHref(task.taskId), type: 'GET' } },
  };
}

/** The `GET /v1/tasks/{taskId}` body at `now`; null while the task is not visible yet. */
export function taskBodyAt(task: SandboxTask, now: number): Record<string, unknown> | null {
  const status = taskStatusAt(task, now);
  if (status === null) return null;
  const body: Record<string, unknown> = {
    taskId: task.taskId,
    commandType: task.commandType,
    status,
    description: DESCRIPTIONS[status],
    timestamp: apiTimestamp(stateStartedAt(task, status)),
  };
  // A failed task is still an HTTP 200: the failure is only in `response.error`.
  if (status === 'processing-error' && 'error' in task.outcome) {
    body['response'] = { error: task.outcome.error };
  } else if (status === 'processing-completed' && !('error' in task.outcome)) {
    const { resourceId, resource } = task.outcome;
    body['response'] = {
      ...(resourceId === undefined ? {} : { resourceId }),
      ...(resource === undefined ? {} : { resource }),
    };
  }
  body['_links'] = { self: { href: taskHref(task.taskId), type: 'GET' } };
  return body;
}

/**
 * Checks a `POST /v1/subscriptions` body against the OpenAPI `SubscriptionCreateRequest`:
 * `cloudProviders` and `databases` are required (non-empty arrays); `name` is optional but must
 * be a string when given. Returns the error the task will end with, or null.
 */
export function subscriptionBodyError(body: string): TaskError | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return badRequest('The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return badRequest('The request body must be a JSON object.');
  }
  const record = parsed as Record<string, unknown>;
  const missing = ['cloudProviders', 'databases'].filter(
    (field) => !Array.isArray(record[field]) || (record[field] as unknown[]).length === 0,
  );
  if (missing.length > 0) {
    return badRequest(`Missing required field(s): ${missing.join(', ')}.`);
  }
  if ('name' in record && typeof record['name'] !== 'string') {
    return badRequest('Field "name" must be a string.');
  }
  return null;
}

function badRequest(description: string): TaskError {
  return { type: 'BAD_REQUEST', status: '400 BAD_REQUEST', description };
}

/** A random version-4 UUID; `getRandomValues` works outside secure contexts, `randomUUID` not. */
export function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
