/**
 * Reading the two paste boxes. `src/browser/paste-worker.ts` runs `parseBoth` in a Web Worker so
 * a 1 MB paste does not freeze the page; elsewhere (tests, a worker that fails to start) the
 * same parsers run inline, after yielding so the page can paint first.
 */
import { parseRequestPaste, parseResponsePaste } from '../paste/paste';
import type { ParseResult, RequestPaste, ResponsePaste } from '../paste/result';

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
