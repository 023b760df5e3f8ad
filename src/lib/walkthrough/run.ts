/**
 * Runs one walkthrough trial in a sandbox of its own, so the trial shows the same thing whatever
 * was tried before, and the Playground's sandbox never sees a walkthrough request.
 */
import type { ApiRequest } from '../api/client';
import type { Exchange } from '../core/exchange';
import { readTask } from '../api/task';
import { inspectSent } from '../inspect/sent';
import {
  ACCOUNT_KEY_HEADER,
  API_BASE_URL,
  SANDBOX_BASE_URL,
  USER_KEY_HEADER,
  type Checklist,
} from '../core/checklist';
import { createSandbox, type InsideView, type Sandbox, type SandboxOptions } from '../sandbox';
import type { SandboxAction, Trial } from './model';

export interface TrialResult {
  trialId: string;
  /** Secret header values replaced by fingerprints. */
  exchange: Exchange;
  checklist: Checklist;
  insideView: InsideView;
  /** A user key the trial created: its one showing. */
  createdKey?: { name: string; value: string };
  /** What happened before the request, in words (e.g. how the burst went). */
  notes: string[];
}

export interface RunDeps {
  createSandbox: (options: SandboxOptions) => Sandbox;
  /** The start of the trial's simulated clock. */
  now: () => number;
}

const DEFAULTS: RunDeps = { createSandbox, now: Date.now };

/**
 * Replays the trial's console actions, sends its request and diagnoses the answer. Never throws
 * for a refused request (that is the lesson); throws only if an action itself is impossible,
 * which would be a mistake in the steps' data.
 */
export async function runTrial(trial: Trial, deps: RunDeps = DEFAULTS): Promise<TrialResult> {
  // A clock that moves only when a step says so: a burst lands within one minute, and "wait a
  // minute" takes no time.
  let clock = deps.now();
  const sandbox = deps.createSandbox({
    now: () => clock,
    ...(trial.clientIp ? { clientIp: trial.clientIp } : {}),
  });
  const notes: string[] = [];
  let created: { name: string; value: string } | undefined;
  const request = trial.request;

  const apply = async (action: SandboxAction): Promise<void> => {
    if (action.kind === 'enable-api') {
      sandbox.setApiEnabled(action.accountId, true);
      notes.push(`API access turned on for account ${action.accountId}.`);
    } else if (action.kind === 'create-key') {
      created = sandbox.createUserKey(action.accountId, { name: action.name, role: action.role });
      notes.push(`User key "${action.name}" created in account ${action.accountId}.`);
    } else if (action.kind === 'wait') {
      clock += action.ms;
      notes.push(`${Math.round(action.ms / 1000)} seconds passed (simulated).`);
    } else {
      notes.push(await burst(sandbox, request.accountKey, userKeyOf(), action.count, request));
    }
  };
  const userKeyOf = (): string => {
    if (typeof request.userKey === 'string') return request.userKey;
    if (!created) throw new Error(`Trial ${trial.id} uses a created key but creates none.`);
    return created.value;
  };

  for (const action of trial.before ?? []) await apply(action);

  const blocked = request.simulateBrowserBlock === true;
  const apiRequest: ApiRequest = {
    baseUrl: blocked ? API_BASE_URL : SANDBOX_BASE_URL,
    method: request.method,
    path: request.path,
    headers: [
      { name: ACCOUNT_KEY_HEADER, value: request.accountKey },
      { name: USER_KEY_HEADER, value: userKeyOf() },
    ],
    ...(request.body !== undefined ? { body: request.body } : {}),
  };
  const inspected = await inspectSent(apiRequest, {
    sandbox,
    // The sandbox lives in the page: no page policy applies to it.
    page: { origin: null, protocol: '' },
    transport: {
      // The sandbox answers only at its own origin, so a request to the API's address fails as
      // fetch does; the probe then says "something answered", which is what CORS looks like.
      fetch: sandbox.fetch,
      source: blocked ? 'network' : 'sandbox',
      now: () => clock,
      ...(blocked ? { probe: () => Promise.resolve(true), online: () => true } : {}),
    },
  });
  const taskId = trial.followTask ? inspected.taskId : null;
  if (taskId) {
    const advance = (ms: number) => {
      clock += ms;
    };
    notes.push(
      ...(await followTask(sandbox, apiRequest, taskId, advance)).map(inspected.redactor.text),
    );
  }
  return {
    trialId: trial.id,
    exchange: inspected.exchange,
    checklist: inspected.checklist,
    insideView:
      inspected.insideView ??
      inspected.redactor.deep(
        sandbox.insideView({ ...apiRequest, url: `${apiRequest.baseUrl}${apiRequest.path}` }),
      ),
    ...(created ? { createdKey: created } : {}),
    notes,
  };
}

async function burst(
  sandbox: Sandbox,
  accountKey: string,
  userKey: string,
  count: number,
  request: Trial['request'],
): Promise<string> {
  const statuses = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const response = await sandbox.fetch(`${SANDBOX_BASE_URL}${request.path}`, {
      method: request.method,
      headers: { [ACCOUNT_KEY_HEADER]: accountKey, [USER_KEY_HEADER]: userKey },
    });
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  }
  const counts = [...statuses].map(([status, n]) => `${n} answered ${status}`).join(', ');
  return `Sent ${count} requests first: ${counts}.`;
}

/**
 * Polls the task once a simulated second, as a client would (faster than real clients, since
 * the clock is simulated), notes each state when first seen, then reads what it created.
 */
async function followTask(
  sandbox: Sandbox,
  request: ApiRequest,
  taskId: string,
  advance: (ms: number) => void,
): Promise<string[]> {
  const headers = Object.fromEntries(request.headers.map((h) => [h.name, h.value]));
  const seen: string[] = [];
  let resourceId: number | undefined;
  for (let second = 1; second <= 30; second += 1) {
    advance(1000);
    const response = await sandbox.fetch(`${SANDBOX_BASE_URL}/v1/tasks/${taskId}`, { headers });
    const report = response.status === 200 ? readTask(await response.text()) : null;
    const state = report?.status ?? `${response.status} (not visible yet)`;
    if (seen.at(-1)?.startsWith(state) !== true) seen.push(`${state} after ${second} s`);
    if (
      report &&
      (report.status === 'processing-completed' || report.status === 'processing-error')
    ) {
      resourceId = report.resourceId;
      break;
    }
  }
  const notes = [`Followed task ${taskId}: ${seen.join(', then ')}.`];
  if (resourceId !== undefined && request.method === 'POST') {
    const path = `${request.path.replace(/\/+$/, '')}/${resourceId}`;
    const created = await sandbox.fetch(`${SANDBOX_BASE_URL}${path}`, { headers });
    notes.push(`GET ${path} now answers ${created.status}: the task's resourceId is the new id.`);
  }
  return notes;
}
