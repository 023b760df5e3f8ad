/**
 * The walkthrough's shape: steps as data, each with what a person does in the Redis Cloud console
 * and one or more trials that replay it in a sandbox. Pure types, so the texts can be checked
 * and tested without a page.
 */
import type { Verdict } from '../core/checklist';
import type { Role } from '../sandbox';

/** Something the console does to an account, replayed on the trial's own sandbox first. */
export type SandboxAction =
  | { kind: 'enable-api'; accountId: number }
  | { kind: 'create-key'; accountId: number; name: string; role: Role }
  /** Spends `count` requests of the request's account key before the request itself. */
  | { kind: 'burst'; count: number }
  /** Moves the trial's simulated clock forward: a minute passes in no time. */
  | { kind: 'wait'; ms: number };

export interface TrialRequest {
  method: string;
  path: string;
  body?: string;
  accountKey: string;
  /** A demo user key, or `created` for the key a `create-key` action made. */
  userKey: string | { created: true };
  /**
   * Sent to the real API's address through the sandbox, which never answers there, with a probe
   * that says something answered: what a browser that withholds the answer (CORS) shows.
   * Nothing leaves the page.
   */
  simulateBrowserBlock?: true;
}

export interface Trial {
  /** Stable kebab-case id; tests and the state refer to trials by it. */
  id: string;
  /** The button's text. */
  label: string;
  /** One sentence: what the button does, shown beside it. */
  does: string;
  /** The address the trial's sandbox sees requests come from; the sandbox's own by default. */
  clientIp?: string;
  before?: readonly SandboxAction[];
  request: TrialRequest;
  /**
   * After the answer, follows its task on the trial's clock (`GET /v1/tasks/{taskId}` each
   * simulated second) until it ends, then reads what it created; each step becomes a note.
   */
  followTask?: true;
  /** The verdict the checklist must reach. */
  expected: Verdict;
}

export interface WalkthroughStep {
  /** Short title, after "Step n:". */
  title: string;
  /** What a person does in the Redis Cloud console (or a terminal), one paragraph each. */
  console: readonly string[];
  trials: readonly Trial[];
  /** What the trial shows and why, one paragraph each; read with the result. */
  lesson: readonly string[];
}
