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
import { copyTo, type ClipboardSource } from '../../browser/clipboard';
import type { PasteInspection } from '../../lib/inspect/paste';
import type { PlaygroundTarget } from '../../lib/inspect/open-paste';
import { defaultParser } from '../../browser/paste-worker';
import type { PasteParser } from '../../lib/inspect/parse-paste';
/** What a diagnosis needs, loaded with the Diagnose view's first run. */
export type DiagnoseEngine = Pick<typeof import('../../lib/inspect/paste'), 'inspectPaste'>;
const loadDiagnoseEngine = (): Promise<DiagnoseEngine> => import('../../lib/inspect/paste');

const currentTime = (): Date => new Date();
import { playground } from '../playground/playground.svelte';

/** What tests (and only they) replace; every part has the app's default. */
export interface DiagnoseOptions {
  parse?: PasteParser;
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
  #evaluation = $state.raw<PasteInspection | null>(null);
  #status = $state('');
  #engineError = $state('');
  /** The request text last diagnosed: typed values belong to that paste only. */
  #diagnosed: string | null = null;
  #run = 0;
  #parse: PasteParser | undefined;
  #options: DiagnoseOptions;

  constructor(options: DiagnoseOptions = {}) {
    this.#options = options;
    this.#parse = options.parse;
  }

  get busy(): boolean {
    return this.#busy;
  }
  get requestError(): PasteError | null {
    return this.#requestError;
  }
  get responseError(): PasteError | null {
    return this.#responseError;
  }
  get format(): RequestFormat | null {
    return this.#paste?.format ?? null;
  }
  /** Labels of the requests the paste holds; more than one only for a HAR. */
  get entries(): string[] {
    return this.#paste?.candidates.map((c) => c.label) ?? [];
  }
  get entry(): number {
    return this.#entry;
  }
  set entry(index: number) {
    this.#entry = index;
    void this.#evaluate();
  }
  get candidate(): PastedRequest | null {
    return this.#paste?.candidates[this.#entry] ?? null;
  }
  /** The variables the customer's shell filled in, one per name: the value boxes to offer. */
  get variables(): VariableUse[] {
    const candidate = this.candidate;
    return candidate ? expandedVariables(candidate) : [];
  }
  /** Notes on both boxes: what was read how, what was skipped. */
  get notes(): PasteNote[] {
    return [...(this.candidate?.notes ?? []), ...(this.#answer?.notes ?? [])];
  }
  get unknownOptions(): string[] {
    return this.candidate?.unknownOptions ?? [];
  }
  /** The diagnosis without the exchange that may hold typed keys. */
  get result(): Omit<PasteInspection, 'exchange' | 'shareFragment' | 'open'> | null {
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

  /** Reads both boxes (off the main thread where possible) and diagnoses the first request. */
  async run(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    this.#status = '';
    this.#engineError = '';
    try {
      this.#parse ??= defaultParser();
      const read = await this.#parse({ request: this.request, response: this.response });
      this.#requestError = read.request.ok ? null : read.request.error;
      this.#responseError = read.response.ok ? null : read.response.error;
      this.#paste = read.request.ok ? read.request.value : null;
      this.#answer = read.response.ok ? read.response.value : null;
      this.#entry = 0;
      this.#evaluation = null;
      // A different request (another customer's, maybe): the values typed for the last one
      // must not fill this one's variables.
      if (this.request !== this.#diagnosed) this.#values = {};
      this.#diagnosed = this.request;
      if (this.#paste && read.response.ok) await this.#evaluate();
    } finally {
      this.#busy = false;
    }
  }

  /** Diagnoses again with the values typed for the variables. */
  async useValues(): Promise<void> {
    await this.#evaluate();
  }

  async #evaluate(): Promise<void> {
    const candidate = this.candidate;
    if (!candidate || this.#responseError) return;
    const run = ++this.#run;
    let engine: DiagnoseEngine;
    try {
      engine = await (this.#options.engine ?? loadDiagnoseEngine)();
    } catch {
      if (run === this.#run) {
        this.#evaluation = null;
        this.#engineError =
          'The diagnosis engine could not be loaded, so nothing was diagnosed. Check the connection, then try again (or reload the page).';
      }
      return;
    }
    if (run === this.#run) this.#engineError = '';
    const at = (this.#options.now ?? currentTime)();
    const result = await engine.inspectPaste({
      candidate,
      response: this.#answer,
      values: { ...this.#values },
      pasted: [this.request, this.response],
      at,
    });
    // A slower, older run must not overwrite a newer one (entries switched quickly).
    if (run === this.#run) this.#evaluation = result;
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
    const fragment = await e.shareFragment((this.#options.now ?? currentTime)());
    const page = this.#options.pageUrl?.() ?? `${location.origin}${location.pathname}`;
    this.#status = await copyTo(`${page}#${fragment}`, 'Copied the link.', this.#options.clipboard);
  }

  /** Moves the request, with the typed values, to the Playground as a this-tab-only profile. */
  openInPlayground(): void {
    const e = this.#evaluation;
    if (!e) return;
    // `https://$HOST/x` parses as a URL to the host `$host`: never send keys there.
    const unfilled = this.variables.some((v) => v.in === 'url' && this.value(v.name) === '');
    const opened = e.open(unfilled);
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
