import type { ApiRequest } from '../lib/api/client';
import type { Exchange } from '../lib/api/exchange';
import {
  ACCOUNT_KEY_HEADER,
  USER_KEY_HEADER,
  type Checklist,
  type DiagnoseContext,
} from '../lib/auth/checklist';
import type { InsideView } from '../lib/sandbox';
import { loadEngine } from './load-engine';
import { SANDBOX_CHOICES, type ProfileChoice } from './sandbox';

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** One answered request as the views show it: never holds a key in plain text. */
export interface PlaygroundResult {
  /** The exchange with secret header values replaced by fingerprints. */
  exchange: Exchange;
  checklist: Checklist;
  /** The sandbox's ground truth; only for sandbox profiles. */
  insideView: InsideView | null;
}

export type AfterAnswer = (
  profile: ProfileChoice,
  exchange: Exchange,
  checklist: Checklist,
) => void | Promise<void>;

/** The request being built in the Playground, and the last answer with its checklist. */
export class Playground {
  method = $state<string>('GET');
  path = $state('/v1/');
  profileId = $state(SANDBOX_CHOICES[0]?.id ?? '');
  #choices: () => readonly ProfileChoice[];
  #result = $state<PlaygroundResult | null>(null);
  #sending = $state(false);
  #controller: AbortController | null = null;

  #afterAnswer: AfterAnswer | undefined;

  /**
   * @param choices the profiles to offer; the sandbox's demo profiles by default.
   * @param afterAnswer told of every answer, with the unredacted exchange (a profile learns
   *   from a successful `GET /v1/`); it must not keep or show the keys.
   */
  constructor(
    choices: () => readonly ProfileChoice[] = () => SANDBOX_CHOICES,
    afterAnswer?: AfterAnswer,
  ) {
    this.#choices = choices;
    this.#afterAnswer = afterAnswer;
  }

  get choices(): readonly ProfileChoice[] {
    return this.#choices();
  }

  get profile(): ProfileChoice | undefined {
    return this.choices.find((c) => c.id === this.profileId);
  }

  get result(): PlaygroundResult | null {
    return this.#result;
  }

  get sending(): boolean {
    return this.#sending;
  }

  /** Sends the request with the chosen profile's keys and diagnoses the answer. */
  async send(): Promise<void> {
    const profile = this.profile;
    if (!profile || this.#sending) return;
    this.#controller = new AbortController();
    this.#sending = true;
    // An old answer under a new request would mislead: clear it.
    this.#result = null;
    try {
      const isSandbox = profile.group === 'sandbox';
      const request: ApiRequest = {
        baseUrl: profile.baseUrl,
        method: this.method,
        path: this.path,
        headers: [
          { name: ACCOUNT_KEY_HEADER, value: profile.accountKey },
          { name: USER_KEY_HEADER, value: profile.userKey },
        ],
      };
      const { send, diagnose, redactExchange, isKnownOperation, sandbox } = await loadEngine();
      const exchange = await send(request, {
        signal: this.#controller.signal,
        ...(isSandbox ? { fetch: sandbox.fetch, source: 'sandbox' as const } : {}),
        pageProtocol: location.protocol,
      });
      const context: DiagnoseContext = {
        ...profile.context,
        pageProtocol: location.protocol,
        isKnownOperation,
      };
      const checklist = diagnose(exchange, context);
      this.#result = {
        exchange: await redactExchange(exchange),
        checklist,
        insideView: isSandbox ? sandbox.insideView(exchange.request) : null,
      };
      await this.#afterAnswer?.(profile, exchange, checklist);
    } finally {
      this.#sending = false;
      this.#controller = null;
    }
  }

  /** Stops a request in flight; its checklist then says it was cancelled. */
  cancel(): void {
    this.#controller?.abort();
  }
}

export const playground = new Playground();
