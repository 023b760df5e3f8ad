/**
 * The Diagnose pipeline off the main thread, in one module worker (`diagnose-worker.ts`), under
 * a time limit: a paste still being read after `READ_LIMIT_MS` ends the worker (the next run
 * starts a new one) with a clear message, and the page never freezes.
 */
import {
  EngineUnavailable,
  READ_FAILED,
  READ_LIMIT_MS,
  TOO_SLOW,
  type DiagnoseEngine,
  type DiagnosePipeline,
} from '../lib/inspect/pipeline';
import type { DiagnoseInput, DiagnoseOutput } from '../lib/inspect/diagnose-paste';

export { EngineUnavailable } from '../lib/inspect/pipeline';

const loadEngine = (): Promise<DiagnoseEngine> => import('../lib/inspect/diagnose-paste');

/**
 * The pipeline on this thread (tests, a browser without workers), after one turn of the event
 * loop so a busy state can paint. A failed load of the engine rejects with `EngineUnavailable`.
 */
export function inlinePipeline(engine: () => Promise<unknown> = loadEngine): DiagnosePipeline {
  return async (input) => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    let loaded: DiagnoseEngine;
    try {
      // A test's stand-in engine only says whether loading works; the pipeline is the real one.
      await engine();
      loaded = await loadEngine();
    } catch {
      throw new EngineUnavailable();
    }
    return loaded.diagnosePaste(input);
  };
}

interface Pending {
  resolve: (output: DiagnoseOutput) => void;
  reject: (error: Error) => void;
  input: DiagnoseInput;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * The pipeline in one module worker, started on first use. A run that takes longer than
 * `limitMs` ends the worker and rejects with a message saying so. If the worker cannot start,
 * every pending and later run goes inline instead: a paste is always read.
 */
export function workerPipeline(
  limitMs = READ_LIMIT_MS,
  start: () => Worker = () =>
    new Worker(new URL('./diagnose-worker.ts', import.meta.url), { type: 'module' }),
): DiagnosePipeline {
  let worker: Worker | null = null;
  let broken = false;
  let next = 0;
  const pending = new Map<number, Pending>();
  const inline = inlinePipeline();
  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  const fallBack = () => {
    broken = true;
    stop();
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      inline(p.input).then(p.resolve, p.reject);
    }
    pending.clear();
  };
  const started = (): Worker => {
    const w = start();
    w.onmessage = (
      event: MessageEvent<{ id: number; output?: DiagnoseOutput; failed?: boolean }>,
    ) => {
      const done = pending.get(event.data.id);
      if (!done) return;
      pending.delete(event.data.id);
      clearTimeout(done.timer);
      if (event.data.output) done.resolve(event.data.output);
      else done.reject(new Error(READ_FAILED));
    };
    w.onerror = fallBack;
    w.onmessageerror = fallBack;
    return w;
  };
  return (input) => {
    if (broken) return inline(input);
    try {
      worker ??= started();
    } catch {
      broken = true;
      return inline(input);
    }
    const id = next++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        // The worker is busy with a paste that will not end soon: end the worker itself.
        stop();
        for (const p of pending.values()) {
          clearTimeout(p.timer);
          p.reject(new Error(TOO_SLOW));
        }
        pending.clear();
      }, limitMs);
      pending.set(id, { resolve, reject, input, timer });
      worker?.postMessage({ id, input });
    });
  };
}

/** The worker where the browser has one, else inline. */
export function defaultPipeline(): DiagnosePipeline {
  return typeof Worker === 'undefined' ? inlinePipeline() : workerPipeline();
}
