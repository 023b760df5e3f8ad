import type { ReceivedResponse, SentRequest, TransportFailure } from '../core/exchange';
import { positionAt } from '../core/position';

// Readers import their position helpers from here, beside the result types.
export { locator, positionAt } from '../core/position';

/**
 * What went wrong in a paste and where. Line and column are 1-based and point into the text as
 * pasted (columns count UTF-16 code units, as a text box does). The message never quotes the
 * pasted text: it may hold a key.
 */
export interface PasteError {
  message: string;
  line: number;
  column: number;
}

/** Every parser returns this and never throws. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: PasteError };

/** Something the reader should know about the paste that does not stop it being read. */
export interface PasteNote {
  message: string;
  line?: number;
  column?: number;
}

/** How the request box was read. */
export type RequestFormat =
  | 'curl'
  | 'http'
  | 'har'
  | 'curl-verbose'
  | 'powershell'
  | 'python'
  | 'javascript'
  | 'httpie'
  | 'wget'
  | 'go-client'
  | 'terraform-log'
  | 'terraform-provider'
  | 'redisctl'
  | 'redisinsight'
  | 'postman'
  | 'insomnia';

/**
 * Where a reader found a value it knows is sensitive but that no header rule would find:
 * - `unknown-option`: the value of a curl option Keycheck does not know;
 * - `smart-quotes`: a piece of an argument the shell broke at smart quotes;
 * - `assignment`: a value assigned in the paste (`export X=...`, `$env:X = "..."`, `X = "..."`);
 * - `environment`: a value of an environment or collection variable the paste defines;
 * - `userinfo`: the user information of a URL (`https://user:pass@host`);
 * - `config`: `-u`/`-a`/basic-auth credentials and other credential options.
 */
export type SensitiveSource =
  'unknown-option' | 'smart-quotes' | 'assignment' | 'environment' | 'userinfo' | 'config';

export interface SensitiveValue {
  value: string;
  source: SensitiveSource;
}

/**
 * - `sent-literally`: inside single quotes (or where the shell does not expand it), so the
 *   server received the text `$ACCOUNT_KEY` itself: a placeholder was sent.
 * - `expanded-by-shell`: the customer's shell replaced it, so the paste does not show the value
 *   that was sent. Never guess it: ask for it, or compare fingerprints.
 */
export type VariableHandling = 'sent-literally' | 'expanded-by-shell';

/** A shell variable (or command substitution) found in a part of a pasted curl command. */
export interface VariableUse {
  /** `ACCOUNT_KEY`, `env:KEY` (PowerShell), `KEY` from `%KEY%` (cmd), or the command of `$(...)`. */
  name: string;
  /** As written: `$ACCOUNT_KEY`, `${ACCOUNT_KEY}`, `%KEY%`, `$(cat key.txt)`. */
  written: string;
  handling: VariableHandling;
  /** Where it is: a header (by index into `request.headers`), the URL or the body. */
  in: 'header' | 'url' | 'body';
  headerIndex?: number;
  headerName?: string;
  /** Offset of `written` in the header value, the URL or the body as stored in the request. */
  start: number;
}

/** One request read from the Request box, with what came with it. */
export interface PastedRequest {
  /** Short text to tell candidates apart, e.g. `GET /v1/ -> 401`. */
  label: string;
  request: SentRequest;
  /** The answer that came with the paste (a HAR entry's response, the `<` lines of curl -v). */
  response?: ReceivedResponse;
  /** Set instead of `response` when the paste shows that no answer came (a HAR status 0). */
  failure?: TransportFailure;
  startedAt?: string;
  durationMs?: number;
  /** Shell variables, per header, in the URL and in the body (curl commands only). */
  variables: VariableUse[];
  /**
   * Values the paste itself gives the variables the request uses (`export KEY=...`, `set KEY=...`,
   * `$env:KEY = "..."` before the command), by `VariableUse.name`: the shell filled those in.
   */
  assigned?: Record<string, string>;
  /** Options of a curl command that were skipped, as written (e.g. `--retry`). */
  unknownOptions: string[];
  notes: PasteNote[];
  /**
   * Values the reader knows are secret though they may sit where no header rule finds them;
   * `lib/secrets` hides them everywhere. Never shown, never put into a note or a label.
   */
  sensitive: SensitiveValue[];
  /**
   * Set when the tool that wrote the paste never shows the key headers (the Go client's debug
   * log adds them after logging): the key items cannot be judged from it. The reason is
   * written for a person and holds no pasted text.
   */
  keysNotShown?: string;
}

export interface RequestPaste {
  format: RequestFormat;
  /** Always at least one. A HAR with several entries to the API host gives several. */
  candidates: PastedRequest[];
}

/**
 * How the Response box was read: the built-in shapes, or the format of the answer reader that
 * read it (`powershell-error`, `curl-exit`, ...).
 */
export type ResponseFormat = 'empty' | 'status-only' | 'body-only' | 'http' | (string & {});

export interface ResponsePaste {
  format: ResponseFormat;
  /** Null when the box was empty, or when the tool said no answer came (`failure`). */
  response: ReceivedResponse | null;
  /** Set instead of `response` when the tool's output says no HTTP answer came back. */
  failure?: TransportFailure;
  notes: PasteNote[];
}

/** A failed result pointing at `offset` in `text`. */
export function failAt<T>(text: string, offset: number, message: string): ParseResult<T> {
  return { ok: false, error: { message, ...positionAt(text, offset) } };
}

/** A failed result pointing at a 1-based line and column. */
export function failAtLine<T>(line: number, column: number, message: string): ParseResult<T> {
  return { ok: false, error: { message, line, column } };
}

/** Size of a string in UTF-8 bytes. */
export function utf8Size(text: string): number {
  return new TextEncoder().encode(text).length;
}
