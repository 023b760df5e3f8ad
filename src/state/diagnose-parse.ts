/**
 * Reading the two paste boxes off the main thread: a 1 MB paste must not freeze the page. A
 * module Web Worker does the parsing where the browser has one; elsewhere (tests, a worker that
 * fails to start) the same parsers run here, after yielding so the page can paint first.
 */
import { parseRequestPaste, parseResponsePaste } from '../lib/paste/paste';
import type { ParseResult, RequestPaste, ResponsePaste } from '../lib/paste/result';

export interface PasteInput {
  request: string;
  response: string;
}

export interface PasteOutput {
  request: ParseResult<RequestPaste>;
  response: ParseResult<ResponsePaste>;
}

export type PasteParser = (input: PasteInput) => Promise<PasteOutput>;

/** Both parsers, here and now; they never throw. */
export function parseBoth(input: PasteInput): PasteOutput {
  return {
    request: parseRequestPaste(input.request),
    response: parseResponsePaste(input.response),
  };
}

/** Parses on this thread, after one turn of the event loop so a busy state can paint. */
export const inlineParser: PasteParser = (input) =>
  new Promise((resolve) => setTimeout(() => resolve(parseBoth(input)), 0));

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
    new Worker(new URL('./diagnose-parse.worker.ts', import.meta.url), { type: 'module' }),
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
