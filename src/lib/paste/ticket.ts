/**
 * A whole ticket in one box (DESIGN.md, "Reading a paste"): an email, a chat export or a CI log
 * with prose, commands, what they printed, signatures and prompts. `splitTicket` walks the lines
 * once (linear: each line is classified by patterns over a bounded piece of it), cuts the text
 * into request pieces and answer pieces, reads each with the request readers or the answer
 * readers, and pairs them into exchanges (a request and what followed it). Every line it did not
 * read is named with the reason. Never throws.
 */
import { ACCOUNT_KEY_HEADER, USER_KEY_HEADER } from '../core/checklist';
import { powershellTable } from './answers/powershell';
import { parseRequestPaste, parseResponsePaste } from './paste';
import type { PastedRequest, RequestFormat, ResponsePaste } from './result';
import {
  EMAIL_HEADER,
  FENCE,
  LOOK,
  PROMPT,
  REQUEST_START,
  RUNNER,
  SHELL_START,
  SIGNATURE,
  clean,
  continues,
  isAnswerStart,
  isProse,
  proseAboutTool,
  unquote,
  type UnreadReason,
} from './ticket-lines';

export type { UnreadReason } from './ticket-lines';

/** A run of lines (1-based, inclusive) that was not read, and why. */
export interface UnreadLines {
  from: number;
  to: number;
  reason: UnreadReason;
  /** For a person; never quotes the paste. */
  why: string;
}

/** One attempt: a request and the answer that followed it (or none). */
export interface TicketExchange {
  /** How the request was read; `answer-only` when the paste held no request for this answer. */
  format: RequestFormat | 'answer-only';
  candidate: PastedRequest;
  answer: ResponsePaste | null;
  /** Lines (1-based, inclusive) of the request and of the answer, when in the paste. */
  requestLines: [number, number] | null;
  answerLines: [number, number] | null;
}

export interface Ticket {
  /** In the paste's order: the last is the latest attempt. */
  exchanges: TicketExchange[];
  unread: UnreadLines[];
}

/** What a tool prints after the answer it already printed (HTTPie's --check-status): the same answer. */
const STATUS_TRAILER = /^http: warning: HTTP [1-5]\d\d\b/;
/** A traceback's frame: the next line quotes its source. */
const TRACEBACK_FRAME = /^\s+File "[^"\n]{1,1000}", line \d+/;
/**
 * Words that join two parts of one failure across blank lines: Python's between chained
 * tracebacks, Terraform's around a provider's crash (its stack trace, its last word).
 */
const CHAINED =
  /^(?:During handling of the above exception, another exception occurred:|The above exception was the direct cause of the following exception:|Stack trace from the \S{1,200} plugin:|Error: The \S{1,200} plugin crashed!|goroutine \d+ \[[^\]\n]{1,40}\]:)$/;
const trimmed0 = (t: string) => t.slice(0, LOOK).trim();
const EMPTY_BODY = /^(?:< ?)?content-length:\s*0\s*$/i;

const WHY: Record<UnreadReason, string> = {
  prose: 'prose (the customer’s words)',
  signature: 'a signature',
  'email-header': 'an email header',
  prompt: 'a prompt with no command',
  chat: 'a chat message’s name and time',
  log: 'a CI log line',
  markup: 'a code fence, a frame or a rule',
  command: 'a command that sends no request itself (its output is read as the answer)',
  unreadable: 'a request Keycheck could not read',
  other: 'neither a request nor an answer Keycheck knows',
};

/**
 * Splits a whole ticket into exchanges and the lines it did not read. Linear in the paste's size.
 */
export function splitTicket(text: string): Ticket {
  // A reply quotes the first message: its quoted command and output are attempts too.
  const depth: number[] = [];
  const rawLines = unquote(text.split('\n'), depth);
  const lines = rawLines.map((raw) => clean(raw));
  interface Block {
    kind: 'request' | 'answer';
    from: number;
    to: number;
  }
  const blocks: Block[] = [];
  const unread: UnreadLines[] = [];
  const markUnread = (i: number, reason: UnreadReason) => {
    const last = unread[unread.length - 1];
    if (last && last.reason === reason && last.to === i) last.to = i + 1;
    else unread.push({ from: i + 1, to: i + 1, reason, why: WHY[reason] });
  };
  let current: Block | null = null;
  let shellOpen: string | null | 'more' = null;
  let shell = false;
  /** The current request block holds a command that sends (curl, wget, ...). */
  let hasCommand = false;
  let inSignature = false;
  let blankBefore = true;
  let inEnv = false;
  /** The answer began with a status line and its body has not started yet. */
  let headersOpen = false;
  /** A traceback said another exception follows it. */
  let chained = false;
  /** Its headers said `Content-Length: 0`. */
  let emptyBody = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as ReturnType<typeof clean>;
    const { text: t0, reason } = line;
    if (reason) {
      markUnread(i, reason);
      inEnv = line.env === true;
      // A chat message's name, a CI runner's line: what follows is not the answer's body.
      // (A script's output that has not begun yet, after its step's title, still follows.)
      const begun = current?.kind === 'answer' && current.to >= current.from;
      if (reason === 'chat' || (reason === 'log' && begun)) {
        current = null;
        blankBefore = true;
      }
      continue;
    }
    // A CI step's environment, listed under `env:`: not part of any request.
    if (inEnv && /^\s+[A-Za-z_][\w]*: /.test(t0)) {
      markUnread(i, 'log');
      continue;
    }
    inEnv = false;
    // Each chat message stands alone, as if a blank line came before it.
    const boundary = blankBefore || line.chat === true;
    const prompt = PROMPT.exec(t0.slice(0, LOOK));
    const t = prompt ? t0.slice(prompt[0].length) : t0;
    const trimmed = t.slice(0, LOOK).trim();
    if (trimmed === '') {
      if (prompt && current?.kind !== 'request') markUnread(i, 'prompt');
      // A command's open quote or continuation carries over a blank line; nothing else does.
      if (current?.kind === 'request' && shell && shellOpen !== null) current.to = i;
      blankBefore = true;
      continue;
    }
    if (FENCE.test(t0)) {
      markUnread(i, 'markup');
      if (!(current?.kind === 'request' && shell && shellOpen !== null)) current = null;
      blankBefore = true;
      continue;
    }
    // A traceback quotes the source line of each frame: part of the traceback, even when it
    // is the very call that sent the request. Chained exceptions make one traceback.
    if (
      current?.kind === 'answer' &&
      (TRACEBACK_FRAME.test(lines[i - 1]?.text.slice(0, LOOK) ?? '') || CHAINED.test(trimmed0(t0)))
    ) {
      current.to = i;
      chained = CHAINED.test(trimmed0(t0));
      blankBefore = false;
      continue;
    }
    // Inside a shell command that has not ended: the line is part of it.
    if (current?.kind === 'request' && shell && shellOpen !== null) {
      current.to = i;
      shellOpen = continues(t, shellOpen === 'more' ? null : shellOpen);
      blankBefore = false;
      continue;
    }
    const request = REQUEST_START.test(trimmed.slice(0, LOOK)) && !proseAboutTool(trimmed);
    const answer =
      !request &&
      (isAnswerStart(trimmed) || powershellTable(trimmed, lines[i + 1]?.text.slice(0, LOOK) ?? ''));
    if (request) {
      inSignature = false;
      const command = SHELL_START.test(trimmed);
      // Code goes on across blank lines; a script's exports lead to its command; a second
      // command is another attempt.
      const sameScript =
        current?.kind === 'request' &&
        ((!shell && !command) || (!blankBefore && !(command && hasCommand)));
      if (!sameScript) {
        current = { kind: 'request', from: i, to: i };
        blocks.push(current);
        hasCommand = false;
      } else if (current) current.to = i;
      hasCommand ||= command;
      shell = command || /^(?:export|set)\s/.test(trimmed);
      shellOpen = shell ? continues(t, null) : null;
      blankBefore = false;
      continue;
    }
    // `Content-Length: 0`: the answer ended with its headers, whatever follows the blank line.
    if (current?.kind === 'answer' && headersOpen && emptyBody && blankBefore) {
      current = null;
      headersOpen = false;
    }
    if (current?.kind === 'answer' && headersOpen && EMPTY_BODY.test(trimmed)) emptyBody = true;
    // The body after a status line's headers and their blank line.
    const body =
      current?.kind === 'answer' && headersOpen && blankBefore && !request && !isProse(trimmed);
    if (answer || body) {
      inSignature = false;
      if (body && current) {
        current.to = i;
        headersOpen = false;
      } else if (
        current?.kind !== 'answer' ||
        (blankBefore && !chained && !STATUS_TRAILER.test(trimmed))
      ) {
        current = { kind: 'answer', from: i, to: i };
        blocks.push(current);
        headersOpen = /^(?:HTTP\/\d|< ?HTTP\/\d)/.test(trimmed);
        emptyBody = false;
      } else current.to = i;
      shell = false;
      chained = false;
      blankBefore = false;
      continue;
    }
    // (In an answer, `Date: ...` is its header; after a blank line, an email's.)
    if (EMAIL_HEADER.test(trimmed) && (current?.kind !== 'answer' || blankBefore)) {
      inSignature = false;
      current = null;
      markUnread(i, 'email-header');
      blankBefore = false;
      continue;
    }
    if (SIGNATURE.test(trimmed) && (blankBefore || current === null)) {
      inSignature = true;
      current = null;
      markUnread(i, 'signature');
      blankBefore = false;
      continue;
    }
    if (RUNNER.test(trimmed) && !proseAboutTool(trimmed)) {
      markUnread(i, 'command');
      // What the script printed follows: read it as an answer.
      current = { kind: 'answer', from: i + 1, to: i };
      blocks.push(current);
      blankBefore = false;
      continue;
    }
    const prose = isProse(trimmed);
    const ends = prose && (boundary || (shell && current?.kind === 'request'));
    if (current && !ends) {
      // A line of code, or of what a tool printed.
      current.to = i;
      blankBefore = false;
      continue;
    }
    current = null;
    markUnread(
      i,
      inSignature
        ? 'signature'
        : prose
          ? 'prose'
          : /^[\s\p{P}\p{S}]*$/u.test(trimmed)
            ? 'markup'
            : 'other',
    );
    blankBefore = false;
  }
  return pair(
    blocks.filter((b) => b.to >= b.from),
    rawLines,
    unread,
    depth,
  );
}

function pair(
  blocks: { kind: 'request' | 'answer'; from: number; to: number }[],
  rawLines: string[],
  unread: UnreadLines[],
  depth: readonly number[],
): Ticket {
  const textOf = (b: { from: number; to: number }) =>
    rawLines
      .slice(b.from, b.to + 1)
      .map((l) => clean(l).text)
      .join('\n');
  const exchanges: TicketExchange[] = [];
  const waiting: TicketExchange[] = [];
  const orphans: { answer: ResponsePaste; lines: [number, number]; text: string }[] = [];
  for (const block of blocks) {
    const body = textOf(block);
    const lines: [number, number] = [block.from + 1, block.to + 1];
    if (block.kind === 'request') {
      const read = parseRequestPaste(body);
      if (!read.ok) {
        unread.push({
          from: lines[0],
          to: lines[1],
          reason: 'unreadable',
          why: `${WHY.unreadable}: ${read.error.message}`,
        });
        continue;
      }
      const candidate = read.value.candidates[read.value.candidates.length - 1] as PastedRequest;
      shiftNotes(candidate.notes, block.from);
      const own = candidate.response || candidate.failure;
      const exchange: TicketExchange = {
        format: read.value.format,
        candidate,
        answer: null,
        requestLines: lines,
        answerLines: own ? lines : null,
      };
      exchanges.push(exchange);
      if (!own) {
        // An answer pasted before its request ("I get this: ... My code: ...") belongs to it.
        const early = orphans.shift();
        if (early) {
          exchange.answer = early.answer;
          exchange.answerLines = early.lines;
        } else waiting.push(exchange);
      }
      continue;
    }
    const read = parseResponsePaste(body);
    if (read.ok) shiftNotes(read.value.notes, block.from);
    if (!read.ok) {
      unread.push({
        from: lines[0],
        to: lines[1],
        reason: 'unreadable',
        why: `what a tool printed, not read: ${read.error.message}`,
      });
      continue;
    }
    const free = waiting.pop();
    if (free) {
      waiting.length = 0;
      free.answer = read.value;
      free.answerLines = lines;
      continue;
    }
    // A tool's error that names its own request (the Go client, Terraform): an attempt of its own.
    const own = toolExchange(read.value, lines, body);
    if (own) {
      exchanges.push(own);
      continue;
    }
    const last = exchanges[exchanges.length - 1];
    if (last) {
      // The same request run again ("it worked yesterday, now 401"): another attempt.
      exchanges.push({ ...last, answer: read.value, answerLines: lines });
      continue;
    }
    orphans.push({ answer: read.value, lines, text: body });
  }
  for (const orphan of orphans) exchanges.push(answerOnly(orphan));
  // What a reply quotes was sent before the reply, wherever it sits (a reply on top of the
  // quote, or below it): the deeper the quote, the older the attempt.
  const quoted = (e: TicketExchange) => depth[start(e) - 1] ?? 0;
  exchanges.sort((a, b) => quoted(b) - quoted(a) || start(a) - start(b));
  unread.sort((a, b) => a.from - b.from);
  return { exchanges, unread };
}

/** Notes point into their piece: make them point into the whole paste. */
function shiftNotes(notes: { line?: number }[], by: number): void {
  for (const note of notes) if (note.line !== undefined) note.line += by;
}

function start(e: TicketExchange): number {
  return Math.max(e.requestLines?.[0] ?? 0, e.answerLines?.[0] ?? 0);
}

/** An answer with no request in the paste: the tool's own log may hold the request, else a stand-in. */
function toolExchange(
  answer: ResponsePaste,
  lines: [number, number],
  text: string,
): TicketExchange | null {
  const tool = parseRequestPaste(text);
  if (answer.format === 'python-error') return tracebackExchange(answer, lines, text);
  if (!tool.ok || !['go-client', 'terraform-log', 'redisinsight'].includes(tool.value.format))
    return null;
  return {
    format: tool.value.format,
    candidate: tool.value.candidates[0] as PastedRequest,
    answer,
    requestLines: null,
    answerLines: lines,
  };
}

/** A frame's quoted source line that sends a request: `r = requests.post(f"{BASE}/x", headers=H)`. */
const SENDING_FRAME =
  /\b(?:requests|httpx|session|client|urllib\.request)\.(?:get|post|put|patch|delete|head|request|urlopen)\(/i;

/**
 * A Python traceback with no request before it: the frame that sent the request quotes its line
 * of code, which is read as the request. One line of a call may leave its headers out, so the
 * key headers are judged only when that line shows both.
 */
function tracebackExchange(
  answer: ResponsePaste,
  lines: [number, number],
  text: string,
): TicketExchange | null {
  const source = text
    .split('\n')
    .filter((l) => SENDING_FRAME.test(l.slice(0, LOOK)))
    .pop();
  if (source === undefined) return null;
  const read = parseRequestPaste(source.trim());
  if (!read.ok || read.value.format !== 'python') return null;
  const candidate = read.value.candidates[read.value.candidates.length - 1] as PastedRequest;
  const names = candidate.request.headers.map((h) => h.name.toLowerCase());
  const both = names.includes(ACCOUNT_KEY_HEADER) && names.includes(USER_KEY_HEADER);
  return {
    format: 'python',
    candidate: {
      ...candidate,
      ...(both || candidate.keysNotShown
        ? {}
        : {
            keysNotShown:
              'The traceback quotes one line of the code that sent the request: the key headers it sent are not shown. Ask for the code that sets them.',
          }),
    },
    answer,
    requestLines: null,
    answerLines: lines,
  };
}

function answerOnly(orphan: {
  answer: ResponsePaste;
  lines: [number, number];
  text: string;
}): TicketExchange {
  const url = /https?:\/\/[^\s'"<>)\]]{1,2000}/.exec(orphan.text.slice(0, 65536))?.[0];
  // With no URL named, no request is assumed: the request items then say it was not pasted.
  const request = { method: 'GET', url: url ?? '', headers: [] };
  return {
    format: 'answer-only',
    candidate: {
      label: 'What the tool printed (no request in the paste)',
      request,
      variables: [],
      unknownOptions: [],
      notes: [
        {
          message: url
            ? 'The paste holds what the tool printed but not the request: the URL is the one the tool named.'
            : 'The paste holds what the tool printed but not the request, nor its URL: the request cannot be judged.',
          line: orphan.lines[0],
        },
      ],
      sensitive: [],
      keysNotShown:
        'The paste shows what the tool printed, not the request it sent: the key headers cannot be judged from it. Ask for the command or code that printed it.',
    },
    answer: orphan.answer,
    requestLines: null,
    answerLines: orphan.lines,
  };
}
