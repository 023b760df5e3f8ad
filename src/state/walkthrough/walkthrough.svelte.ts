import {
  clearProgress,
  loadProgress,
  saveProgress,
  type WalkthroughProgress,
} from '../../lib/profiles/walkthrough-progress';
import type { Trial, WalkthroughStep } from '../../lib/walkthrough/model';
import type { TrialResult } from '../../lib/walkthrough/run';
import { STEPS } from '../../lib/walkthrough/steps';

/** Where progress is kept; IndexedDB by default, a fresh store per test. */
export interface ProgressStore {
  load(stepCount: number): Promise<WalkthroughProgress | null>;
  save(progress: WalkthroughProgress): Promise<void>;
  clear(): Promise<void>;
}

export type RunTrial = (trial: Trial) => Promise<TrialResult>;

const idbProgress: ProgressStore = {
  load: (n) => loadProgress(n),
  save: (p) => saveProgress(p),
  clear: () => clearProgress(),
};

// The sandbox and the checklist engine load with the first trial, not with the step texts.
const runLazily: RunTrial = async (trial) =>
  (await import('../../lib/walkthrough/run')).runTrial(trial);

/** The walkthrough: which step is shown, which steps were tried, and the last trial's result. */
export class Walkthrough {
  readonly steps: readonly WalkthroughStep[];
  #step = $state(1);
  #done = $state<number[]>([]);
  #result = $state<TrialResult | null>(null);
  #running = $state<string | null>(null);
  #error = $state<string | null>(null);
  // Counts moves the person made, so the view moves focus then and not on first paint.
  #moves = $state(0);
  #store: ProgressStore;
  #run: RunTrial;

  constructor(
    steps: readonly WalkthroughStep[] = STEPS,
    store: ProgressStore = idbProgress,
    run: RunTrial = runLazily,
  ) {
    this.steps = steps;
    this.#store = store;
    this.#run = run;
  }

  get step(): number {
    return this.#step;
  }
  get current(): WalkthroughStep {
    // `#step` is kept within 1..steps.length by `go` and `load`.
    return this.steps[this.#step - 1]!;
  }
  get done(): readonly number[] {
    return this.#done;
  }
  get result(): TrialResult | null {
    return this.#result;
  }
  get running(): string | null {
    return this.#running;
  }
  get error(): string | null {
    return this.#error;
  }
  get moves(): number {
    return this.#moves;
  }

  isDone(step: number): boolean {
    return this.#done.includes(step);
  }

  /** A step number from text such as a hash segment; null unless it names a step. */
  parseStep(text: string | undefined): number | null {
    const n = Number(text);
    return Number.isInteger(n) && n >= 1 && n <= this.steps.length ? n : null;
  }

  /** Restores saved progress; `requested` (a deep link) wins over the saved step. */
  async load(requested: number | null = null): Promise<void> {
    const saved = await this.#store.load(this.steps.length).catch(() => null);
    if (saved) this.#done = saved.done;
    const step = requested ?? saved?.step ?? 1;
    if (step !== this.#step) this.#show(step);
  }

  /** Shows step `n` (clamped to the steps there are) and remembers it. */
  go(n: number): void {
    const step = Math.min(Math.max(1, Math.trunc(n)), this.steps.length);
    if (step === this.#step) return;
    this.#show(step);
    this.#moves++;
    void this.#save();
  }

  /** Runs a trial of the current step; a step is done once a trial gives its expected verdict. */
  async tryIt(trialId: string): Promise<void> {
    const trial = this.current.trials.find((t) => t.id === trialId);
    if (!trial || this.#running) return;
    const step = this.#step;
    this.#running = trialId;
    this.#result = null;
    this.#error = null;
    try {
      const result = await this.#run(trial);
      // The person may have moved on while it ran: a result belongs to its own step only.
      if (step !== this.#step) return;
      this.#result = result;
      if (result.checklist.verdict === trial.expected && !this.isDone(step)) {
        this.#done = [...this.#done, step].sort((a, b) => a - b);
        await this.#save();
      }
    } catch (error) {
      this.#error = error instanceof Error ? error.message : String(error);
    } finally {
      this.#running = null;
    }
  }

  /** Forgets all progress and goes back to step 1. */
  async reset(): Promise<void> {
    this.#done = [];
    this.#show(1);
    this.#moves++;
    await this.#store.clear().catch(() => undefined);
  }

  #show(step: number): void {
    this.#step = step;
    // A created key is shown once: leaving its step drops it, as the console does.
    this.#result = null;
    this.#error = null;
  }

  async #save(): Promise<void> {
    // Progress is a convenience: where IndexedDB is unavailable the walkthrough still works.
    await this.#store.save({ step: this.#step, done: this.#done }).catch(() => undefined);
  }
}

export const walkthrough = new Walkthrough();
