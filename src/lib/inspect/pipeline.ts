/**
 * The shape of the Diagnose pipeline as the page calls it: the two boxes in, the diagnosis out,
 * in the Diagnose worker or (tests, a worker that cannot start) on the page's thread.
 */
import type { DiagnoseInput, DiagnoseOutput } from './diagnose-paste';

/** What a diagnosis needs on the page's thread, loaded with the Diagnose view's first run. */
export type DiagnoseEngine = Pick<typeof import('./diagnose-paste'), 'diagnosePaste'>;

/** Runs the whole pipeline; rejects with a message a person can read, never with pasted text. */
export type DiagnosePipeline = (input: DiagnoseInput) => Promise<DiagnoseOutput>;

/** The engine's code could not be loaded (offline, a new version replaced the files). */
export class EngineUnavailable extends Error {
  constructor() {
    super('The diagnosis engine could not be loaded.');
  }
}

/** How long a paste may take to read before it is stopped. */
export const READ_LIMIT_MS = 8000;

/** The message for a paste that took longer than `READ_LIMIT_MS`. */
export const TOO_SLOW = `This paste is too large or too unusual to read: it was still being read after ${READ_LIMIT_MS / 1000} seconds, so reading stopped. Paste only the request and what came back (cut long bodies and logs), then Diagnose again.`;

/** The message for a reader that stopped with an error of its own (never its words: they may quote a key). */
export const READ_FAILED =
  'This paste is too large or too unusual to read: the reader stopped with an error. Paste only the request and what came back, then Diagnose again.';
