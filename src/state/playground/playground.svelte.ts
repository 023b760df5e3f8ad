import { headerValue, type Exchange } from '../../lib/core/exchange';
import { isSandboxUrl, type Checklist } from '../../lib/core/checklist';
import type { HistoryEntry } from '../../lib/profiles/history-entry';
import type { Learned } from '../../lib/profiles/schema';
import type { InsideView, Sandbox } from '../../lib/sandbox';
import type { PageFacts, SentInspection } from '../../lib/inspect/sent';
import { pageFacts } from '../../browser/page';
import { loadEngine, type Engine } from '../../lib/inspect/load-engine';
import { ResponseBody } from './body.svelte';
import { EndpointCatalog } from './catalog.svelte';
import { CopyAs, type Clipboard, type CopyFormat } from './copy.svelte';
import { RequestDraft } from './draft.svelte';
import { RequestHistory, type HistorySource } from './history.svelte';
import { TaskFollower, type TaskFollowerOptions } from './task.svelte';
import { IdChoices } from './ids.svelte';
import { profileChoices } from './profile-choices.svelte';
import { SANDBOX_CHOICES, type ProfileChoice } from '../../lib/profiles/choices';

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** One answered request as the views show it: never holds a key in plain text. */
export interface PlaygroundResult {
  /** The exchange with secret header values replaced by fingerprints. */
  exchange: Exchange;
  checklist: Checklist;
  /** The sandbox's ground truth; only for sandbox profiles. */
  insideView: InsideView | null;
}

/** Told of every answer with what the profile learned from it (never the keys). */
export type AfterAnswer = (profile: ProfileChoice, learned: Learned | null) => void | Promise<void>;

/** What tests (and only they) replace; every part has the app's default. */
export interface PlaygroundOptions {
  /** The sandbox the demo profiles talk to; default the engine's, which lives as long as the tab. */
  sandbox?: Sandbox;
  /** The request history's store; default IndexedDB. */
  history?: HistorySource;
  task?: TaskFollowerOptions;
  clipboard?: () => Clipboard | undefined;
  /** The page's origin and protocol, for the connect policy and mixed content. */
  page?: () => PageFacts;
}

/** The request being built in the Playground, and the last answer with its checklist. */
export class Playground {
  readonly catalog = new EndpointCatalog(() => loadEngine().then((e) => e.catalog));
  readonly draft = new RequestDraft(this.catalog);
  readonly task: TaskFollower;
  readonly history: RequestHistory;
  readonly copyAs: CopyAs;
  readonly body = new ResponseBody();
  /** In sandbox mode, the ids the sandbox has for each path parameter. */
  readonly idChoices = new IdChoices();
  /** The method and path of the shown answer's request, for the task's created resource. */
  #answeredRequest: { method: string; path: string } | null = null;
  #profileId = $state(SANDBOX_CHOICES[0]?.id ?? '');
  #choices: () => readonly ProfileChoice[];
  // A pasted request's profile: this tab's memory only, never stored, never in the history.
  #temporary = $state.raw<ProfileChoice | null>(null);
  #result = $state.raw<PlaygroundResult | null>(null);
  /** The profile the shown answer was sent with. */
  #answeredBy: ProfileChoice | null = null;
  #sending = $state(false);
  #formError = $state('');
  /** The profile whose Send was held back because its keys are locked in this tab. */
  #lockedSend = $state<string | null>(null);
  #controller: AbortController | null = null;
  #afterAnswer: AfterAnswer | undefined;
  #options: PlaygroundOptions;

  /**
   * @param choices the profiles to offer; the sandbox's demo profiles by default.
   * @param afterAnswer told of every answer with what the profile learned from it.
   * @param options replacements for tests: sandbox, history store, task timing, clipboard.
   */
  constructor(
    choices: () => readonly ProfileChoice[] = () => SANDBOX_CHOICES,
    afterAnswer?: AfterAnswer,
    options: PlaygroundOptions = {},
  ) {
    this.#choices = choices;
    this.#afterAnswer = afterAnswer;
    this.#options = options;
    this.task = new TaskFollower(options.task);
    this.history = new RequestHistory(options.history);
    this.copyAs = new CopyAs(options.clipboard);
  }

  get choices(): readonly ProfileChoice[] {
    const temporary = this.#temporary;
    return temporary ? [...this.#choices(), temporary] : this.#choices();
  }

  /**
   * Offers `choice` in the Profile select for this tab only (it replaces any earlier one),
   * picks it, and sets the method and path. Its answers teach no profile and join no history.
   */
  openTemporary(choice: ProfileChoice, method: string, path: string): void {
    this.#temporary = choice;
    this.#profileId = choice.id;
    this.draft.method = method;
    this.draft.path = path;
    this.#result = null;
  }

  get profileId(): string {
    return this.#profileId;
  }

  set profileId(id: string) {
    if (id === this.#profileId) return;
    this.#profileId = id;
  }

  get profile(): ProfileChoice | undefined {
    return this.choices.find((c) => c.id === this.profileId);
  }

  get method(): string {
    return this.draft.method;
  }
  set method(method: string) {
    this.draft.method = method;
  }
  get path(): string {
    return this.draft.path;
  }
  set path(path: string) {
    this.draft.path = path;
  }

  get result(): PlaygroundResult | null {
    return this.#result;
  }

  get sending(): boolean {
    return this.#sending;
  }

  /**
   * Send was pressed with a profile whose keys are locked: nothing was sent, and the view
   * offers the unlock in place. False again once the profile is unlocked or another is chosen.
   */
  get unlockNeeded(): boolean {
    const profile = this.profile;
    return profile?.keysLocked === true && profile.id === this.#lockedSend;
  }

  /** Why the form refused to send (an invalid JSON body), or ''. */
  get formError(): string {
    return this.#formError;
  }

  #inspect(
    engine: Engine,
    profile: ProfileChoice,
    signal: AbortSignal,
    task?: string,
  ): Promise<SentInspection> {
    const request = this.draft.request(profile);
    if (task !== undefined) {
      // Following a task: the same profile and keys, nothing else of the form.
      Object.assign(request, { method: 'GET', path: task, headers: request.headers.slice(0, 2) });
      delete request.body;
      delete request.query;
    }
    return engine.inspectSent(request, {
      sandbox: this.#options.sandbox ?? engine.sandbox,
      page: (this.#options.page ?? pageFacts)(),
      ...(profile.context ? { context: profile.context } : {}),
      signal,
      timeoutMs: this.draft.timeoutMs,
      historyPath: task ?? this.draft.path,
    });
  }

  /** Sends the request with the chosen profile's keys and diagnoses the answer. */
  async send(): Promise<void> {
    const profile = this.profile;
    if (!profile || this.#sending) return;
    // Locked keys read as empty: sending would only blame the person for empty values.
    if (profile.keysLocked === true) {
      this.#lockedSend = profile.id;
      this.#result = null;
      return;
    }
    this.#lockedSend = null;
    const bodyError = this.draft.bodyError;
    this.#formError = bodyError?.message ?? '';
    if (bodyError) return;
    // The path as sent: the box may be edited while the answer is awaited.
    const sentPath = this.draft.path;
    const controller = new AbortController();
    this.#controller = controller;
    this.#sending = true;
    // An old answer under a new request would mislead: clear it.
    this.#result = null;
    this.task.offer(null);
    try {
      const engine = await this.#engine();
      if (!engine) return;
      // The fields come from the catalog: a path typed by hand is checked once it has loaded.
      await this.catalog.load();
      const missing = this.draft.missingPathParams;
      if (missing.length > 0) {
        this.#formError = `Fill in the path parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')} first: the path would be sent with ${missing.map((m) => `{${m}}`).join(', ')} in it.`;
        return;
      }
      const inspected = await this.#inspect(engine, profile, controller.signal);
      const { exchange, checklist, insideView } = inspected;
      this.body.set(
        exchange.response?.body ?? '',
        headerValue(exchange.response?.headers ?? [], 'content-type'),
      );
      this.#result = { exchange, checklist, insideView };
      this.#answeredBy = profile;
      this.#answeredRequest = { method: this.draft.method.toUpperCase(), path: sentPath };
      this.task.offer(inspected.taskId);
      if (profile === this.#temporary) return;
      void this.history.record(profile.id, inspected.history);
      await this.#afterAnswer?.(profile, inspected.learned);
    } finally {
      this.#sending = false;
      this.#controller = null;
    }
  }

  /** The request engine, or null (and a message) when it cannot be loaded, e.g. offline. */
  async #engine(): Promise<Engine | null> {
    try {
      return await loadEngine();
    } catch {
      this.#formError =
        'The request engine could not be loaded, so nothing was sent. Check the connection, then try again (or reload the page).';
      return null;
    }
  }

  /** Stops a request in flight; its checklist then says it was cancelled. */
  cancel(): void {
    this.#controller?.abort();
  }

  /** Follows the answer's task with the profile that got it (not the one chosen since). */
  async followTask(): Promise<void> {
    const profile = this.#answeredBy;
    if (!profile) return;
    const engine = await this.#engine();
    if (!engine) return;
    await this.task.follow(
      async (taskId, signal) =>
        (await this.#inspect(engine, profile, signal, `/v1/tasks/${encodeURIComponent(taskId)}`))
          .exchange,
    );
  }

  /**
   * Where what the followed task created or changed can be read: for a POST to a collection,
   * the collection's path plus the new id; for a PUT or PATCH, the path itself; when the API
   * has a GET there. Null until the task completed with a `resourceId`.
   */
  get taskResourcePath(): string | null {
    const done = this.task.steps.at(-1);
    const request = this.#answeredRequest;
    if (done?.status !== 'processing-completed' || done.resourceId === undefined || !request) {
      return null;
    }
    const path = request.path.replace(/[?#].*$/, '').replace(/\/+$/, '');
    const candidate =
      request.method === 'POST'
        ? `${path}/${done.resourceId}`
        : request.method === 'PUT' || request.method === 'PATCH'
          ? path
          : null;
    return candidate && this.catalog.match('GET', candidate) ? candidate : null;
  }

  /** Puts `GET path` in the form and sends it: the link from a finished task to its resource. */
  async open(path: string): Promise<void> {
    this.draft.method = 'GET';
    this.draft.path = path;
    this.draft.body = '';
    await this.send();
  }

  /**
   * Refreshes the id pick lists for the chosen operation, in sandbox mode only; each list sits
   * under the id chosen before it (the databases of the chosen subscription).
   */
  async refreshIds(): Promise<void> {
    const profile = this.profile;
    const operation = this.draft.operation;
    // A template in the path asks for its fields, which come with the catalog.
    if (profile && isSandboxUrl(profile.baseUrl) && !operation && this.draft.path.includes('{')) {
      void this.catalog.load();
    }
    if (
      !profile ||
      !operation ||
      operation.pathParams.length === 0 ||
      !isSandboxUrl(profile.baseUrl)
    ) {
      return this.idChoices.refresh(null);
    }
    const chosen = Object.fromEntries(this.draft.pathParams.map((p) => [p.name, p.value]));
    const sandbox = this.#options.sandbox;
    return this.idChoices.refresh(async () =>
      (sandbox ?? (await loadEngine()).sandbox).ids(profile.accountKey, operation.path, chosen),
    );
  }

  /** Puts a history entry back in the form and sends it; a write's body is not kept, so not sent. */
  async rerun(entry: HistoryEntry): Promise<void> {
    this.draft.method = entry.method;
    this.draft.path = entry.path;
    if (entry.method === 'GET' || entry.method === 'DELETE') await this.send();
    else this.#formError = 'Bodies are not kept in the history: check the body, then send.';
  }

  async copy(format: CopyFormat): Promise<void> {
    const profile = this.profile;
    if (!profile) return;
    const engine = await this.#engine();
    if (!engine) return;
    await this.copyAs.copy(format, this.draft.sentRequest(profile), engine.exporters);
  }
}

// The demo profiles, then the user's; the user's learn from answers; the last one used is kept.
export const playground = profileChoices.remember(
  new Playground(() => [...SANDBOX_CHOICES, ...profileChoices.list], profileChoices.afterAnswer),
);
