/**
 * The one contract every reader of a paste keeps (DESIGN.md, "Reading a paste"). A reader says
 * whether a text is its format (`detect`) and reads it (`read`); it never throws and never
 * imports another reader. The registry (`readers.ts`) lists readers in detection order.
 */
import type { TransportFailure } from '../core/exchange';
import type { ParseResult, PastedRequest, RequestFormat, ResponsePaste } from './result';
import type { ShellDialect } from './shell-words';

/** Where a reader found its format in a text. */
export interface Match {
  /** Offset in the text where the format's own text starts (a prompt or prose may come first). */
  start: number;
  /**
   * A weak match (a `curl` or `wget` word somewhere in the text) only counts when no reader
   * further down the registry makes a strong one: code that shells out to curl is code.
   */
  weak?: boolean;
}

export interface ReadOptions {
  /** The shell a one-line command ran in, when the person said so. */
  dialect?: ShellDialect;
  /**
   * Reads what a tool printed after the request in the same box (`curl -i` output, a raw
   * answer): the registry's own answer reading, handed down so no reader imports another.
   */
  readAnswer?: (text: string) => ParseResult<ResponsePaste>;
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

/** A reader's result of one request as a list, the contract's shape. */
export function listOf(result: ParseResult<PastedRequest>): ParseResult<PastedRequest[]> {
  return result.ok ? { ok: true, value: [result.value] } : result;
}

/** A match at the start of the text, or none. */
export function matchIf(found: boolean, weak = false): Match | null {
  return found ? (weak ? { start: 0, weak } : { start: 0 }) : null;
}
