/*
 * What every answer reader shares: reading a text line by line with each line cut to a bounded
 * length (so no pattern runs over unbounded input), and building the reading: an answer, or the
 * tool's word that no answer came, its words scrubbed of secrets.
 */
import type { FailureKind, Header } from '../../core/exchange';
import { reasonPhrase } from '../../core/http-status';
import { findSecrets, scrub } from '../../secrets';
import { utf8Size, type ParseResult, type PasteNote, type ResponsePaste } from '../result';

/** The longest piece of one line a pattern looks at. */
const LINE_LIMIT = 4096;
/** The longest message kept from a tool's words. */
const MESSAGE_LIMIT = 600;

export interface TextLine {
  /** The line, cut to a bounded length, CR and ANSI colour codes removed. */
  text: string;
  /** 1-based. */
  line: number;
  /** Offset of the line's start in the text. */
  offset: number;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** The lines of `text`, each cut to a bounded length. Linear. */
export function textLines(text: string): TextLine[] {
  const out: TextLine[] = [];
  let start = 0;
  for (let n = 1; start <= text.length; n++) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    let t = text.slice(start, Math.min(stop, start + LINE_LIMIT));
    if (t.endsWith('\r')) t = t.slice(0, -1);
    if (t.includes('\u001b')) t = t.replace(ANSI, '');
    out.push({ text: t, line: n, offset: start });
    if (end < 0) break;
    start = end + 1;
  }
  return out;
}

/** The first line a pattern matches, with its match. */
export function firstLine(
  lines: readonly TextLine[],
  pattern: RegExp,
): { at: TextLine; index: number; match: RegExpExecArray } | null {
  for (let i = 0; i < lines.length; i++) {
    const at = lines[i] as TextLine;
    const match = pattern.exec(at.text);
    if (match) return { at, index: i, match };
  }
  return null;
}

/** The last line a pattern matches, with its match. */
export function lastLine(
  lines: readonly TextLine[],
  pattern: RegExp,
): { at: TextLine; index: number; match: RegExpExecArray } | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const at = lines[i] as TextLine;
    const match = pattern.exec(at.text);
    if (match) return { at, index: i, match };
  }
  return null;
}

/** The detect() of a reader whose format shows in one line matching one of `patterns`. */
export function detectLine(patterns: readonly RegExp[]) {
  return (text: string): { start: number } | null => {
    const lines = textLines(text);
    for (const at of lines) {
      if (patterns.some((p) => p.test(at.text))) return { start: at.offset };
    }
    return null;
  };
}

export interface AnswerParts {
  status: number | null;
  statusText?: string;
  headers?: Header[];
  body?: string;
  notes?: PasteNote[];
}

/** An answer as the tool showed it. */
export function answer(format: string, parts: AnswerParts): ParseResult<ResponsePaste> {
  const body = parts.body ?? '';
  return {
    ok: true,
    value: {
      format,
      response: {
        status: parts.status,
        statusText: parts.statusText ?? (parts.status === null ? '' : reasonPhrase(parts.status)),
        headers: parts.headers ?? [],
        body,
        size: utf8Size(body),
      },
      notes: parts.notes ?? [],
    },
  };
}

/**
 * The tool's word that no HTTP answer came: its own message (cut, and scrubbed of every secret
 * the pasted text holds) under the failure's kind.
 */
export function noAnswer(
  format: string,
  kind: FailureKind,
  message: string,
  text: string,
  notes: PasteNote[] = [],
): ParseResult<ResponsePaste> {
  const words = message.trim().slice(0, MESSAGE_LIMIT);
  return {
    ok: true,
    value: {
      format,
      response: null,
      failure: { kind, message: scrub(words, findSecrets({ paste: text })) },
      notes,
    },
  };
}

/** A reading that is no answer and no transport failure (a crashed tool): a note says why. */
export function notAnAnswer(format: string, why: string): ParseResult<ResponsePaste> {
  return { ok: true, value: { format, response: null, notes: [{ message: why }] } };
}

/** A reader's own error: where in the paste its format stopped making sense. */
export function unreadable(at: TextLine | undefined, message: string): ParseResult<ResponsePaste> {
  return { ok: false, error: { message, line: at?.line ?? 1, column: 1 } };
}

/** Connection-level words most tools share, strongest first: which failure they name. */
export const FAILURE_WORDS: ReadonlyArray<[RegExp, FailureKind]> = [
  [
    /invalid header (?:value|field value)|Invalid character in header|ERR_INVALID_CHAR|ERR_HTTP_INVALID_HEADER_VALUE|is an invalid header value|non ISO-8859-1 code point|Illegal header value|Invalid (?:leading whitespace|return character)|invalid CRLF characters|invalid Control characters|Invalid header value/i,
    'invalid-header-value',
  ],
  [
    /CERTIFICATE_VERIFY_FAILED|SSL ?certificate problem|certificate verify failed|unable to get local issuer certificate|self[- ]signed certificate|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT|CERT_HAS_EXPIRED|x509: |SSL\/TLS secure channel|SSL connection could not be established|SSLError|SSL routines|handshake failure|TLS handshake|ERR_CERT_|ERR_SSL_|cannot verify [^ ]+ certificate|Unable to establish SSL connection|tlsv1 alert/i,
    'tls',
  ],
  [
    /timed? ?out|Timeout|ETIMEDOUT|ECONNABORTED|deadline exceeded|timeout of \d+ms exceeded|UND_ERR_CONNECT_TIMEOUT|HttpClient\.Timeout/i,
    'timeout',
  ],
  [
    /ENOTFOUND|EAI_AGAIN|getaddrinfo|Name or service not known|nodename nor servname|No such host is known|no such host|could not be resolved|Could not resolve host|Failed to resolve|NameResolutionError|Temporary failure in name resolution|ERR_NAME_NOT_RESOLVED|unable to resolve host|bad address|ECONNREFUSED|Connection refused|ERR_CONNECTION_REFUSED|Unable to connect to the remote server|Failed to connect|No connection could be made|ECONNRESET|Connection reset|ERR_CONNECTION_RESET|Failed to establish a new connection|NewConnectionError|Max retries exceeded|ConnectionError|ConnectError|EHOSTUNREACH|ENETUNREACH|Network is unreachable|can't connect to remote host|ERR_INTERNET_DISCONNECTED/i,
    'unreachable',
  ],
];

/** Which failure the words in `text` name, strongest first; null when none. */
export function failureIn(text: string): FailureKind | null {
  for (const [pattern, kind] of FAILURE_WORDS) if (pattern.test(text)) return kind;
  return null;
}

/** The status a body states itself: nginx's `<title>401 Authorization Required</title>`, Spring's `"status":404`. */
export function statusInBody(body: string): { status: number; statusText: string } | null {
  const head = body.slice(0, 8192);
  const title =
    /<title>\s*([1-5]\d\d) ([^<\n]{1,80})<\/title>|^\s*([1-5]\d\d) ([A-Z][A-Za-z -]{2,60})\s*$/m.exec(
      head,
    );
  if (title) {
    return {
      status: Number(title[1] ?? title[3]),
      statusText: (title[2] ?? title[4] ?? '').trim(),
    };
  }
  const spring = /"status"\s*:\s*([1-5]\d\d)\s*,\s*"error"\s*:\s*"([^"\n]{0,80})"/.exec(head);
  if (spring) return { status: Number(spring[1]), statusText: spring[2] ?? '' };
  return null;
}
