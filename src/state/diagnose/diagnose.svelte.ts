/**
 * The Diagnose view's state: the two paste boxes, what they were read as, the values typed for
 * shell variables (memory only: never stored, never in the URL), the diagnosis and the report.
 */
import type {
  PasteError,
  PasteNote,
  PastedRequest,
  RequestFormat,
  RequestPaste,
  ResponsePaste,
  VariableUse,
} from '../../lib/paste/result';
import { expandedVariables } from '../../lib/paste/variables';
import { scrubber, type Scrub } from '../../lib/secrets';
import { copyTo, type ClipboardSource } from '../../browser/clipboard';
import type { PlaygroundTarget } from '../../lib/inspect/open-paste';
import { defaultPipeline, EngineUnavailable, inlinePipeline } from '../../browser/paste-worker';
import type { PasteParser } from '../../lib/inspect/parse-paste';
import type {
  AttemptView,
  DiagnoseOutput,
  InspectionData,
  TicketView,
} from '../../lib/inspect/diagnose-paste';
import type { DiagnosePipeline, DiagnoseEngine } from '../../lib/inspect/pipeline';
import type { UnreadLines } from '../../lib/paste/ticket';
export type { DiagnoseEngine } from '../../lib/inspect/pipeline';

const currentTime = (): Date => new Date();
import { playground } from '../playground/playground.svelte';

/** What tests (and only they) replace; every part has the app's default. */
export interface DiagnoseOptions {
  /** Reads on this thread when set (tests); the pipeline then runs inline too. */
  parse?: PasteParser;
  /** Runs the whole pipeline (the Diagnose worker by default). */
  pipeline?: DiagnosePipeline;
  engine?: () => Promise<DiagnoseEngine>;
  clipboard?: ClipboardSource;
  playground?: PlaygroundTarget;
  navigate?: (hash: string) => void;
  /** The page's address without its fragment, for "Copy link". */
  pageUrl?: () => string;
  now?: () => Date;
}

export const FORMAT_NAME: Readonly<Record<RequestFormat, string>> = {
  curl: 'a curl command',
  http: 'a raw HTTP request',
  har: 'a HAR file',
  'curl-verbose': 'curl -v output',
  powershell: 'PowerShell (Invoke-RestMethod / Invoke-WebRequest)',
  python: 'Python code (requests / httpx)',
  javascript: 'JavaScript code (fetch / axios / https.request)',
  httpie: 'an HTTPie command',
  wget: 'a wget command',
  'go-client': 'an error from the Go client (Terraform, Pulumi)',
  'terraform-log': 'a Terraform debug log (TF_LOG)',
  'terraform-provider': 'a Terraform provider block',
  redisctl: 'a redisctl command or profile',
  redisinsight: 'a RedisInsight error',
  postman: 'a Postman collection',
  insomnia: 'an Insomnia export',
};

export class Diagnose {
  request = $state('');
  response = $state('');
  #busy = $state(false);
  #requestError = $state.raw<PasteError | null>(null);
  #responseError = $state.raw<PasteError | null>(null);
  #paste = $state.raw<RequestPaste | null>(null);
  #answer = $state.raw<ResponsePaste | null>(null);
  #entry = $state(0);
  #values = $state<Record<string, string>>({});
  #evaluation = $state.raw<InspectionData | null>(null);
  #ticket = $state.raw<TicketView | null>(null);
  #status = $state('');
  #engineError = $state('');
  /** The request text last diagnosed: typed values belong to that paste only. */
  #diagnosed: string | null = null;
  #run = 0;
  #pipeline: DiagnosePipeline | undefined;
  /** The scrubber for strings derived from the paste, from the secrets the pipeline found. */
  #scrub: Scrub | null = null;
  #options: DiagnoseOptions;

  constructor(options: DiagnoseOptions = {}) {
    this.#options = options;
    this.#pipeline =
      options.pipeline ??
      (options.parse || options.engine ? inlinePipeline(options.engine) : undefined);
  }

  get busy(): boolean {
    return this.#busy;
  }
  get requestError(): PasteError | null {
    return this.#shownError(this.#requestError);
  }
  get responseError(): PasteError | null {
    return this.#shownError(this.#responseError);
  }

  /**
   * A string derived from the paste (a label, a skipped option, a variable as written, a note)
   * as a view may show it: every piece of a secret the boxes hold removed by lib/secrets.
   */
  shown = (text: string): string => {
    // Nothing read yet: nothing derived from a paste may show.
    return this.#scrub ? this.#scrub(text) : '';
  };

  #shownError(error: PasteError | null): PasteError | null {
    return error && { ...error, message: this.shown(error.message) };
  }
  get format(): RequestFormat | null {
    return this.#ticket?.answerOnly ? null : (this.#paste?.format ?? null);
  }
  /** Labels of the requests the paste holds; more than one only for a HAR. */
  get entries(): string[] {
    return this.#ticket ? [] : (this.#paste?.candidates.map((c) => this.shown(c.label)) ?? []);
  }
  get entry(): number {
    return this.#entry;
  }
  set entry(index: number) {
    this.#entry = index;
    void this.#evaluate();
  }
  /** The attempts of a whole ticket, in the paste's order (the last is the latest); [] otherwise. */
  get attempts(): AttemptView[] {
    return this.#ticket?.attempts ?? [];
  }
  /** The lines of a whole ticket that were not read, and why. */
  get unread(): UnreadLines[] {
    return this.#ticket?.unread ?? [];
  }
  /** Which attempt is shown in full. */
  get attempt(): number {
    return this.#entry;
  }
  /** Shows another attempt in full. */
  chooseAttempt(index: number): void {
    this.#entry = index;
    void this.#evaluate();
  }
  get candidate(): PastedRequest | null {
    return this.#ticket
      ? (this.#paste?.candidates[0] ?? null)
      : (this.#paste?.candidates[this.#entry] ?? null);
  }
  /** The variables the customer's shell filled in, one per name: the value boxes to offer. */
  get variables(): VariableUse[] {
    const candidate = this.candidate;
    return candidate ? expandedVariables(candidate) : [];
  }
  /** Notes on both boxes: what was read how, what was skipped. */
  get notes(): PasteNote[] {
    return [...(this.candidate?.notes ?? []), ...(this.#answer?.notes ?? [])].map((note) => ({
      ...note,
      message: this.shown(note.message),
    }));
  }
  /** Why what the tool printed is no answer at all (a crash), or '' (an answer, or nothing pasted). */
  get noAnswer(): string {
    const a = this.#answer;
    if (!a || a.response || a.failure || a.format === 'empty') return '';
    return a.notes[0]?.message ?? 'what the tool printed is not an answer from the API.';
  }
  /** True when the Request box held a whole ticket (prose, several attempts, answers). */
  get isTicket(): boolean {
    return this.#ticket !== null;
  }
  get unknownOptions(): string[] {
    return (this.candidate?.unknownOptions ?? []).map(this.shown);
  }
  /** The diagnosis without the exchange that may hold typed keys. */
  get result(): Pick<
    InspectionData,
    'shown' | 'checklist' | 'fingerprints' | 'report' | 'hidden'
  > | null {
    const e = this.#evaluation;
    if (!e) return null;
    const { shown, checklist, fingerprints, report, hidden } = e;
    return { shown, checklist, fingerprints, report, hidden };
  }
  /** Why no diagnosis could be made although the paste was read ('' when none). */
  get engineError(): string {
    return this.#engineError;
  }
  /** What the last copy or open did, in words ('' before any). */
  get status(): string {
    return this.#status;
  }

  value(name: string): string {
    return this.#values[name] ?? '';
  }
  setValue(name: string, value: string): void {
    this.#values[name] = value;
  }

  /** Reads both boxes and diagnoses (in the Diagnose worker where possible): the latest attempt. */
  async run(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    this.#status = '';
    this.#engineError = '';
    try {
      // A different request (another customer's, maybe): the values typed for the last one
      // must not fill this one's variables.
      if (this.request !== this.#diagnosed) this.#values = {};
      this.#diagnosed = this.request;
      this.#evaluation = null;
      await this.#go(undefined, true);
    } finally {
      this.#busy = false;
    }
  }

  /** Diagnoses again with the values typed for the variables. */
  async useValues(): Promise<void> {
    await this.#evaluate();
  }

  async #evaluate(): Promise<void> {
    if (!this.candidate || this.#responseError) return;
    await this.#go(this.#entry, false);
  }

  /** Runs the pipeline; `fresh`: a new reading of the boxes (else another attempt or values). */
  async #go(choice: number | undefined, fresh: boolean): Promise<void> {
    const run = ++this.#run;
    this.#pipeline ??= defaultPipeline();
    const outcome = await this.#pipeline({
      request: this.request,
      response: this.response,
      ...(choice === undefined ? {} : { choice }),
      values: { ...this.#values },
      at: (this.#options.now ?? currentTime)().toISOString(),
    }).then(
      (output) => ({ output, error: '' }),
      (error: unknown) => ({
        output: null,
        error:
          error instanceof EngineUnavailable
            ? 'The diagnosis engine could not be loaded, so nothing was diagnosed. Check the connection, then try again (or reload the page).'
            : error instanceof Error
              ? error.message
              : 'The paste could not be read.',
      }),
    );
    // A slower, older run must not overwrite a newer one (attempts switched quickly).
    if (run !== this.#run) return;
    if (!outcome.output) {
      this.#engineError = outcome.error;
      this.#evaluation = null;
      if (fresh) {
        this.#paste = null;
        this.#ticket = null;
      }
      return;
    }
    this.#engineError = '';
    this.#apply(outcome.output);
  }

  #apply(output: DiagnoseOutput): void {
    this.#scrub = scrubber(output.pasteSecrets);
    this.#requestError = output.request.ok ? null : output.request.error;
    this.#responseError = output.response.ok ? null : output.response.error;
    this.#paste = output.request.ok ? output.request.value : null;
    this.#answer = output.response.ok ? output.response.value : null;
    this.#ticket = output.ticket;
    this.#entry = output.choice;
    this.#evaluation = output.inspection;
  }

  async copyReport(): Promise<void> {
    const report = this.#evaluation?.report;
    if (report === undefined) return;
    this.#status = await copyTo(report, 'Copied the report.', this.#options.clipboard);
  }

  /** Copies a link that opens Diagnose on the same checklist; no key or piece of one in it. */
  async copyLink(): Promise<void> {
    const e = this.#evaluation;
    if (!e) return;
    if (!e.share.ok) {
      this.#status = e.share.message;
      return;
    }
    const page = this.#options.pageUrl?.() ?? `${location.origin}${location.pathname}`;
    this.#status = await copyTo(
      `${page}#${e.share.fragment}`,
      'Copied the link.',
      this.#options.clipboard,
    );
  }

  /** Moves the request, with the typed values, to the Playground as a this-tab-only profile. */
  openInPlayground(): void {
    const e = this.#evaluation;
    if (!e) return;
    // Made with the pipeline: a URL variable nobody typed refuses it (never send keys to `$HOST`).
    const opened = e.opened;
    if (!opened.ok) {
      this.#status = opened.error;
      return;
    }
    const target = this.#options.playground ?? playground;
    target.openTemporary(opened.choice, opened.method, opened.path);
    target.draft.body = opened.body ?? '';
    const navigate = this.#options.navigate ?? ((hash: string) => (location.hash = hash));
    navigate('#/playground');
  }
}

/** The app's Diagnose view state. */
export const diagnose = new Diagnose();
