/**
 * Parsing the paste boxes off the main thread, in one module worker (`diagnose-worker.ts`).
 */
import {
  inlineParser,
  type PasteInput,
  type PasteOutput,
  type PasteParser,
} from '../lib/inspect/parse-paste';

interface Pending {
  resolve: (output: PasteOutput) => void;
  input: PasteInput;
}

/**
 * Parses in one module worker, started on first use. If the worker cannot start or fails,
 * every pending and later parse runs inline instead: a paste is always read.
 */
export function workerParser(
  start: () => Worker = () =>
    new Worker(new URL('./diagnose-worker.ts', import.meta.url), { type: 'module' }),
): PasteParser {
  let worker: Worker | null = null;
  let broken = false;
  let next = 0;
  const pending = new Map<number, Pending>();
  const fallBack = () => {
    broken = true;
    worker?.terminate();
    worker = null;
    for (const { resolve, input } of pending.values()) void inlineParser(input).then(resolve);
    pending.clear();
  };
  return (input) => {
    if (broken) return inlineParser(input);
    try {
      worker ??= start();
    } catch {
      broken = true;
      return inlineParser(input);
    }
    const id = next++;
    worker.onmessage = (event: MessageEvent<{ id: number; output: PasteOutput }>) => {
      const done = pending.get(event.data.id);
      pending.delete(event.data.id);
      done?.resolve(event.data.output);
    };
    worker.onerror = fallBack;
    worker.onmessageerror = fallBack;
    return new Promise((resolve) => {
      pending.set(id, { resolve, input });
      worker?.postMessage({ id, input });
    });
  };
}

/** The worker where the browser has one, else inline. */
export function defaultParser(): PasteParser {
  return typeof Worker === 'undefined' ? inlineParser : workerParser();
}
