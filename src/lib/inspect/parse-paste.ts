/**
 * Reading the two paste boxes alone, without diagnosing. The Diagnose view runs the whole
 * pipeline (`diagnose-paste.ts`) in its worker; a `Diagnose` given this parser (tests) runs that
 * pipeline on the page's thread instead.
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
