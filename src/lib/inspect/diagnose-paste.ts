/**
 * The whole Diagnose pipeline as one pure function, from the two boxes' text to the report:
 * read the Request box (one request, or a whole ticket split into attempts), read the Response
 * box, judge every attempt, and build the chosen one's safe view, checklist, report, share link
 * and Playground hand-over. Its output is plain data (it crosses a worker's boundary), so the
 * Diagnose worker runs it, and so can a command line. Never throws for any paste.
 */
import {
  ACCOUNT_KEY_HEADER,
  USER_KEY_HEADER,
  type DiagnoseContext,
  type Verdict,
} from '../core/checklist';
import { headerValue } from '../core/exchange';
import { isCiMask } from '../core/text';
import { parseAccount } from '../auth/response-body';
import { keyFingerprints } from '../report/report';
import { parseRequestPaste, parseResponsePaste } from '../paste/paste';
import type { ParseResult, PastedRequest, RequestPaste, ResponsePaste } from '../paste/result';
import { splitTicket, type Ticket, type TicketExchange, type UnreadLines } from '../paste/ticket';
import { expandedVariables } from '../paste/variables';
import type { Opened } from './open-paste';
import { inspectPaste, pasteSecrets as secretsOf, type PasteInspection } from './paste';

export interface DiagnoseInput {
  request: string;
  response: string;
  /** Which attempt (ticket) or entry (HAR) to show in full; default the latest attempt, or entry 0. */
  choice?: number;
  /** Values typed for shell variables, by name. */
  values?: Readonly<Record<string, string>>;
  /** When the report is made (ISO 8601). */
  at: string;
}

/** One attempt of a whole ticket, as the list of attempts shows it (safe to show). */
export interface AttemptView {
  /** `GET /v1/ → 401`, from the safe view. */
  label: string;
  verdict: Verdict;
  headline: string;
  /** `lines 10–24`: where the attempt sits in the paste. */
  where: string;
}

export interface TicketView {
  /** True when the attempt shown in full has no request in the paste (only what a tool printed). */
  answerOnly: boolean;
  attempts: AttemptView[];
  unread: UnreadLines[];
}

/** The chosen request's diagnosis, as plain data. */
export type InspectionData = Omit<PasteInspection, 'shareFragment' | 'open'> & {
  /** The fragment of a link that opens this diagnosis, or why no clean link could be made. */
  share: { ok: true; fragment: string } | { ok: false; message: string };
  /** The request as a this-tab-only Playground profile, or why not. */
  opened: Opened;
};

export interface DiagnoseOutput {
  /** The Request box as read; for a whole ticket, the chosen attempt's request. */
  request: ParseResult<RequestPaste>;
  /** The Response box as read; for a whole ticket, the chosen attempt's answer. */
  response: ParseResult<ResponsePaste>;
  /** Set when the Request box held a whole ticket (prose, several attempts, answers). */
  ticket: TicketView | null;
  /** The attempt or entry shown in full. */
  choice: number;
  inspection: InspectionData | null;
  /**
   * Every secret the two boxes hold (lib/secrets, deny by default included), and every secret of
   * the requests read from them (a key glued from pieces is whole only there), found here off
   * the page's thread: the view scrubs the strings it derives from the paste (labels, notes,
   * skipped options, variables as written) with them. Memory only, like the boxes themselves.
   */
  pasteSecrets: string[];
}

export interface DiagnoseDeps {
  inspect?: typeof inspectPaste;
}

/** At most this many attempts are judged; a longer ticket says so. */
const MOST_ATTEMPTS = 20;
/** Whole files a request reader reads as one: never split as a ticket. */
const WHOLE_FORMATS = new Set(['har', 'postman', 'insomnia', 'terraform-log']);

/**
 * Reads both boxes and diagnoses the chosen request. A Request box that holds more than one
 * request, prose, or an answer the request reader did not take is read as a whole ticket.
 */
export async function diagnosePaste(
  input: DiagnoseInput,
  deps: DiagnoseDeps = {},
): Promise<DiagnoseOutput> {
  const inspect = deps.inspect ?? inspectPaste;
  const whole = parseRequestPaste(input.request);
  const box = parseResponsePaste(input.response);
  const ticket = asTicket(input.request, whole);
  const at = new Date(input.at);
  const values = input.values ?? {};
  const pasted = [input.request, input.response];
  // Found once for the whole paste, the requests as read included, and passed to every attempt.
  const candidates = ticket
    ? ticket.exchanges.map((e) => e.candidate)
    : whole.ok
      ? whole.value.candidates
      : [];
  const pasteSecrets = secretsOf(pasted, candidates);
  if (!ticket) {
    const choice = input.choice ?? 0;
    const candidate = whole.ok ? whole.value.candidates[choice] : undefined;
    const inspection =
      candidate && box.ok
        ? await data(
            inspect,
            candidate,
            box.value.format === 'empty' ? null : box.value,
            values,
            pasted,
            pasteSecrets,
            at,
          )
        : null;
    return { request: whole, response: box, ticket: null, choice, inspection, pasteSecrets };
  }
  const exchanges = ticket.exchanges.slice(-MOST_ATTEMPTS);
  const latest = exchanges.length - 1;
  // The Response box's answer belongs to the latest attempt.
  const boxAnswer = box.ok && (box.value.response || box.value.failure) ? box.value : null;
  const answerOf = (e: TicketExchange, i: number) =>
    i === latest && boxAnswer ? boxAnswer : e.answer;
  const choice = Math.min(Math.max(input.choice ?? latest, 0), latest);
  const attempts: AttemptView[] = [];
  let inspection: InspectionData | null = null;
  // "It worked yesterday, now 401": what an earlier attempt with the same keys showed.
  const worked = new Map<string, DiagnoseContext['learned']>();
  for (let i = 0; i < exchanges.length; i++) {
    const e = exchanges[i] as TicketExchange;
    const same = await keysOf(e.candidate);
    const learned = same === null ? undefined : worked.get(same);
    const judged = await inspect({
      candidate: e.candidate,
      response: answerOf(e, i),
      ...(i === choice ? { values } : {}),
      ...(learned ? { learned } : {}),
      pasted,
      pasteSecrets,
      at,
    });
    if (same !== null && judged.checklist.verdict === 'ok' && !worked.has(same)) {
      const account = parseAccount(judged.exchange.response?.body ?? '');
      worked.set(same, {
        inPaste: `attempt ${i + 1} of this paste (${whereOf(e)})`,
        ...(account?.accountId !== undefined ? { accountId: account.accountId } : {}),
        ...(account?.accountName !== undefined ? { accountName: account.accountName } : {}),
        // What that answer showed of the allow list and the address: a later 403 is read with it.
        ...(account?.allowedSourceIps ? { allowedSourceIps: account.allowedSourceIps } : {}),
        ...(account?.httpSourceIp ? { httpSourceIp: account.httpSourceIp } : {}),
      });
    }
    attempts.push({
      label: labelOf(judged),
      verdict: judged.checklist.verdict,
      headline: judged.checklist.headline,
      where: whereOf(e),
    });
    if (i === choice) inspection = await finish(judged, e.candidate, values, at);
  }
  const unread = [...ticket.unread];
  if (ticket.exchanges.length > MOST_ATTEMPTS) {
    unread.unshift({
      from: 1,
      to: 1,
      reason: 'unreadable',
      why: `The paste holds ${ticket.exchanges.length} attempts; only the last ${MOST_ATTEMPTS} were judged.`,
    });
  }
  const chosen = exchanges[choice] as TicketExchange;
  const answer = answerOf(chosen, choice);
  return {
    request: {
      ok: true,
      value: {
        format: chosen.format === 'answer-only' ? 'http' : chosen.format,
        candidates: [chosen.candidate],
      },
    },
    response: { ok: true, value: answer ?? { format: 'empty', response: null, notes: [] } },
    ticket: { answerOnly: chosen.format === 'answer-only', attempts, unread },
    choice,
    inspection,
    pasteSecrets,
  };
}

/** The ticket reading when the Request box is more than one request, else null. */
function asTicket(text: string, whole: ParseResult<RequestPaste>): Ticket | null {
  if (whole.ok && WHOLE_FORMATS.has(whole.value.format)) return null;
  // A JSON file (a HAR, a collection) is one document: its own reader's error says where.
  if (/^\s*(?:\{|\[\s*[{["\]])/.test(text.slice(0, 1024)) || text.trim() === '') return null;
  const ticket = splitTicket(text);
  if (ticket.exchanges.length === 0) return null;
  const read = ticket.exchanges.some((e) => e.requestLines) || ticket.unread.length > 0;
  if (!whole.ok) return read ? ticket : null;
  if (ticket.exchanges.length > 1) return ticket;
  const only = ticket.exchanges[0] as TicketExchange;
  const wholeAnswered = whole.value.candidates.some((c) => c.response || c.failure);
  // One request its own reader read whole: lines the split could not place (a variable set
  // above the call, a headers object) are the reader's, not a ticket's; only words a person or
  // a tool wrote around it make it a ticket.
  const prose = ticket.unread.some(
    (u) => u.reason !== 'prompt' && u.reason !== 'markup' && u.reason !== 'other',
  );
  // What followed the request is its answer only if it shows one (a status, a failure), or if
  // the request as read has no body those lines could be (a here-document, a raw request's body).
  const answer = only.answer;
  const shown =
    answer !== null &&
    (answer.failure !== undefined ||
      (answer.response?.status ?? null) !== null ||
      whole.value.candidates.every((c) => c.request.body === undefined));
  return prose || (shown && !wholeAnswered) ? ticket : null;
}

async function data(
  inspect: typeof inspectPaste,
  candidate: PastedRequest,
  response: ResponsePaste | null,
  values: Readonly<Record<string, string>>,
  pasted: string[],
  secrets: readonly string[],
  at: Date,
): Promise<InspectionData> {
  const judged = await inspect({
    candidate,
    response,
    values,
    pasted,
    pasteSecrets: secrets,
    at,
  });
  return finish(judged, candidate, values, at);
}

async function finish(
  judged: PasteInspection,
  candidate: PastedRequest,
  values: Readonly<Record<string, string>>,
  at: Date,
): Promise<InspectionData> {
  const { shareFragment, open, ...rest } = judged;
  // A URL variable nobody typed leaves `https://$HOST/x`: never hand keys to that host.
  const unfilled = expandedVariables(candidate).some(
    (v) => v.in === 'url' && (values[v.name] ?? '') === '',
  );
  // A link that cannot be made without a piece of a key is refused alone: the diagnosis stands.
  const share = await shareFragment(at).then(
    (fragment) => ({ ok: true as const, fragment }),
    (error: unknown) => ({
      ok: false as const,
      message: error instanceof Error ? error.message : 'The link could not be made.',
    }),
  );
  return { ...rest, share, opened: open(unfilled) };
}

/** `GET /v1/ → 401` from the safe view: never the paste's own text. */
function labelOf(judged: PasteInspection): string {
  const { request, response, failure } = judged.shown;
  let path = request.url;
  try {
    const url = new URL(request.url);
    path = url.pathname;
  } catch {
    // Kept as the safe view shows it.
  }
  const outcome = response
    ? response.status === null
      ? 'status not shown'
      : String(response.status)
    : failure
      ? `no answer (${failure.kind})`
      : 'no answer pasted';
  return `${request.method} ${path} → ${outcome}`;
}

function whereOf(e: TicketExchange): string {
  const from = e.requestLines?.[0] ?? e.answerLines?.[0] ?? 1;
  const to = Math.max(e.requestLines?.[1] ?? 0, e.answerLines?.[1] ?? 0, from);
  return from === to ? `line ${from}` : `lines ${from}–${to}`;
}

/**
 * The two keys an attempt sent, by fingerprint; null when the paste does not show both (a key
 * from a shell variable may hold another value in each attempt: that may be the very cause).
 */
async function keysOf(candidate: PastedRequest): Promise<string | null> {
  if (candidate.variables.some((v) => v.in === 'header')) return null;
  // A CI log's mask (`***`) hides whichever key it stands for: two masks are not the same keys.
  const { headers } = candidate.request;
  if ([ACCOUNT_KEY_HEADER, USER_KEY_HEADER].some((name) => isCiMask(headerValue(headers, name))))
    return null;
  const prints = await keyFingerprints(candidate.request.headers);
  const { account, user } = prints;
  if (!account || !user || !('hash' in account) || !('hash' in user)) return null;
  return `${account.hash}/${account.length} ${user.hash}/${user.length}`;
}
