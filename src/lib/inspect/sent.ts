/**
 * Inspecting a request Keycheck sends (the Playground, "Check keys", the walkthrough): one
 * sequence for all of them. Send (the sandbox answers the sandbox's address, anything else goes
 * to the network under the page's connect policy), diagnose with what the profile knows, make
 * the safe view, the history entry, and what the profile learns. Callers show and store only
 * what this returns.
 */
import { forbiddenMeaning, isKnownOperation } from '../api/catalog';
import { send, type ApiRequest, type SendOptions } from '../api/client';
import { connectPolicyFailure } from '../api/connect-policy';
import { wentThroughRelay } from '../api/relay';
import { taskIdOf } from '../api/task';
import { diagnose } from '../auth/diagnose';
import { isSandboxUrl, type Checklist, type DiagnoseContext } from '../core/checklist';
import type { Exchange } from '../core/exchange';
import { historyEntryOf, type HistoryEntry } from '../profiles/history-entry';
import { learnFromExchange } from '../profiles/learned';
import type { Learned } from '../profiles/schema';
import type { InsideView, Sandbox } from '../sandbox';
import { safeChecklist, safeView, type Redactor } from '../secrets';

/** Where the page runs, read once by the caller (`src/browser/page.ts`). */
export interface PageFacts {
  /** e.g. `https://keycheck.example`, or null where there is no page (tests, Node). */
  origin: string | null;
  /** `https:` or `http:`, or '' where there is no page. */
  protocol: string;
}

export interface InspectSentOptions {
  /** The sandbox that answers requests to the sandbox's address. */
  sandbox: Sandbox;
  page: PageFacts;
  /** What the profile learned and was told (never the keys). */
  context?: Pick<DiagnoseContext, 'learned' | 'declaredAllowList' | 'keyRole'>;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** The path as the person wrote it, for the history (default the request's path). */
  historyPath?: string;
  /** Replaces parts of the transport: the walkthrough's simulated browser block, tests. */
  transport?: Pick<SendOptions, 'fetch' | 'source' | 'now' | 'probe' | 'online'>;
}

export interface SentInspection {
  /** Safe to show and store: the keys as fingerprints, any echo of them gone. */
  exchange: Exchange;
  checklist: Checklist;
  /** The sandbox's ground truth, for a request the sandbox answered. */
  insideView: InsideView | null;
  history: HistoryEntry;
  /** What a `GET /v1/` 200 teaches the profile; null otherwise. */
  learned: Learned | null;
  /** The task the answer started, if any. */
  taskId: string | null;
  /** The same redaction for anything else said about this request. Memory only. */
  redactor: Redactor;
}

/** Sends `request` and inspects the answer; never throws for a refused or failed request. */
export async function inspectSent(
  request: ApiRequest,
  options: InspectSentOptions,
): Promise<SentInspection> {
  const toSandbox = isSandboxUrl(request.baseUrl);
  const raw = await send(request, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    pageProtocol: options.page.protocol,
    ...(toSandbox
      ? { fetch: options.sandbox.fetch, source: 'sandbox' as const }
      : { refuse: (url: URL) => connectPolicyFailure(url, options.page.origin) }),
    ...options.transport,
  });
  const context: DiagnoseContext = {
    ...options.context,
    pageProtocol: options.page.protocol,
    isKnownOperation,
    forbiddenMeaning,
    ...(wentThroughRelay(raw) ? { viaRelay: true } : {}),
  };
  const { exchange, redactor } = await safeView(raw);
  const checklist = safeChecklist(diagnose(raw, context), redactor);
  return {
    exchange,
    checklist,
    // The inside view repeats the request's path, where a key can have been typed.
    insideView:
      raw.source === 'sandbox' ? redactor.deep(options.sandbox.insideView(raw.request)) : null,
    history: historyEntryOf(
      exchange,
      checklist.verdict,
      redactor.text(options.historyPath ?? request.path),
    ),
    learned: learnFromExchange(raw),
    taskId: exchange.response ? taskIdOf(exchange.response.body) : null,
    redactor,
  };
}
