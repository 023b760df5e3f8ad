import {
  TASK_NOT_FOUND_GRACE_MS,
  isFinished,
  readTask,
  taskPollDelay,
  type TaskError,
} from '../../lib/api/task';
import type { Exchange } from '../../lib/core/exchange';

/** One state the task was seen in, in the order seen. */
export interface TaskStep {
  /** A task state, or `not-found-yet` for the 404 a brand-new task id gives. */
  status: string;
  description?: string;
  error?: TaskError;
  /** `response.resourceId` of a completed task: what it created or changed. */
  resourceId?: number;
  /** Milliseconds after following began. */
  afterMs: number;
}

/** Sends `GET /v1/tasks/{taskId}` with the profile that got the task. */
export type TaskPoll = (taskId: string, signal: AbortSignal) => Promise<Exchange>;

export interface TaskFollowerOptions {
  /** Waits `ms`; rejects or resolves early when `signal` aborts. Default: `setTimeout`. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  now?: () => number;
  /** How long a 404 is taken for "not visible yet". */
  graceMs?: number;
  /** Polls at most this many times (about ten minutes at the 4 s cap). */
  maxPolls?: number;
}

export type TaskPhase = 'idle' | 'following' | 'finished' | 'stopped' | 'failed';

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/**
 * Follows an asynchronous task until it finishes: polls with backoff (1 s, 2 s, 4 s, then every
 * 4 s), takes a 404 in the first seconds for a task not visible yet, as real clients do, and
 * keeps each state it sees.
 */
export class TaskFollower {
  #taskId = $state<string | null>(null);
  #steps = $state.raw<TaskStep[]>([]);
  #phase = $state<TaskPhase>('idle');
  #message = $state('');
  #resourceId = $state<number | null>(null);
  #controller: AbortController | null = null;
  #options: Required<TaskFollowerOptions>;

  constructor(options: TaskFollowerOptions = {}) {
    this.#options = {
      sleep: options.sleep ?? defaultSleep,
      now: options.now ?? Date.now,
      graceMs: options.graceMs ?? TASK_NOT_FOUND_GRACE_MS,
      maxPolls: options.maxPolls ?? 150,
    };
  }

  /** The task id the last answer carried, which can be followed. */
  get taskId(): string | null {
    return this.#taskId;
  }
  get steps(): readonly TaskStep[] {
    return this.#steps;
  }
  get phase(): TaskPhase {
    return this.#phase;
  }
  /** Why following stopped, when it did not end in a final state. */
  /** The id of what a completed task created (`response.resourceId`), or null. */
  get resourceId(): number | null {
    return this.#resourceId;
  }

  get message(): string {
    return this.#message;
  }

  /** A new answer: offers its task (or none) and forgets the previous one. */
  offer(taskId: string | null): void {
    this.stop();
    this.#taskId = taskId;
    this.#steps = [];
    this.#phase = 'idle';
    this.#message = '';
    this.#resourceId = null;
  }

  stop(): void {
    if (this.#controller) {
      this.#controller.abort();
      this.#controller = null;
      if (this.#phase === 'following') this.#phase = 'stopped';
    }
  }

  async follow(poll: TaskPoll): Promise<void> {
    const taskId = this.#taskId;
    if (!taskId || this.#phase === 'following') return;
    const controller = new AbortController();
    this.#controller = controller;
    this.#steps = [];
    this.#message = '';
    this.#resourceId = null;
    this.#phase = 'following';
    const { sleep, now, graceMs, maxPolls } = this.#options;
    const started = now();
    const see = (step: Omit<TaskStep, 'afterMs'>) => {
      if (this.#steps.at(-1)?.status === step.status) return;
      this.#steps = [...this.#steps, { ...step, afterMs: now() - started }];
    };
    const end = (phase: TaskPhase, message = '') => {
      if (controller.signal.aborted) return;
      this.#phase = phase;
      this.#message = message;
      this.#controller = null;
    };
    for (let attempt = 0; attempt < maxPolls; attempt += 1) {
      await sleep(taskPollDelay(attempt), controller.signal);
      if (controller.signal.aborted) return;
      const exchange = await poll(taskId, controller.signal);
      if (controller.signal.aborted) return;
      const response = exchange.response;
      if (!response) return end('failed', exchange.failure?.message ?? 'No answer came back.');
      if (response.status === 404 && now() - started < graceMs) {
        see({ status: 'not-found-yet' });
        continue;
      }
      const report = response.status === 200 ? readTask(response.body) : null;
      if (!report) {
        return end(
          'failed',
          `GET /v1/tasks/${taskId} answered ${response.status ?? 'without a status'} ${response.statusText}`.trim() +
            ': no task state in it.',
        );
      }
      const step: Omit<TaskStep, 'afterMs'> = { status: report.status };
      if (report.description !== undefined) step.description = report.description;
      if (report.error) step.error = report.error;
      if (report.resourceId !== undefined) step.resourceId = report.resourceId;
      see(step);
      if (isFinished(report.status)) {
        this.#resourceId = report.resourceId ?? null;
        return end('finished');
      }
    }
    end('failed', `Stopped after ${maxPolls} polls; the task had not finished.`);
  }
}
