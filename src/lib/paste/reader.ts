/**
 * The one contract every reader of a paste keeps (DESIGN.md, "Reading a paste"). A reader says
 * whether a text is its format (`detect`) and reads it (`read`); it never throws and never
 * imports another reader. The registry lists readers in detection order.
 */
import type { TransportFailure } from '../core/exchange';
import type { ParseResult, PastedRequest, RequestFormat, ResponsePaste } from './result';
import type { ShellDialect } from './shell-words';

/** Where a reader found its format in a text. */
export interface Match {
  /** Offset in the text where the format's own text starts (a prompt or prose may come first). */
  start: number;
}

export interface ReadOptions {
  /** The shell a one-line command ran in, when the person said so. */
  dialect?: ShellDialect;
}

/** Reads a request (and the answer that came with it, if the format holds one). */
export interface RequestReader {
  kind: 'request';
  format: RequestFormat;
  /** For a person: `curl`, `PowerShell`, `Python (requests, httpx, http.client, urllib)`. */
  label: string;
  detect(text: string): Match | null;
  read(text: string, options?: ReadOptions): ParseResult<PastedRequest[]>;
}

/**
 * Reads what a tool printed as the answer: a status, headers and a body, or that no answer came
 * (`failure`, with the tool's own words in its message, free of secrets).
 */
export interface AnswerReader {
  kind: 'answer';
  /** `powershell-error`, `python-error`, `curl-exit`, ...: the answer reader's own name. */
  format: string;
  label: string;
  detect(text: string): Match | null;
  read(text: string): ParseResult<ResponsePaste>;
}

export type Reader = RequestReader | AnswerReader;

/** A tool's output that says no HTTP answer came: what it said, for the checklist. */
export type NoAnswer = TransportFailure;
