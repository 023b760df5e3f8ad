/**
 * A shared report opened from a link (`#/diagnose?share=...`): decoded, checked, and shown
 * read-only. The link holds the safe view only (fingerprints, scrubbed text).
 */
import { buildReport } from '../../lib/report/report';
import { decodeShareFragment, SHARE_PARAM, type SharedReport } from '../../lib/report/share';
import { copyTo, type ClipboardSource } from '../../browser/clipboard';

function reportOf(s: SharedReport): string {
  const at = new Date(s.at);
  // The link carries the safe view only: the report is rebuilt from it as it stands.
  return buildReport({
    exchange: s.exchange,
    checklist: s.checklist,
    fingerprints: s.fingerprints,
    // A link is anyone's input: an unreadable time must not break the view.
    at: Number.isNaN(at.getTime()) ? new Date(0) : at,
  });
}

export class SharedDiagnosis {
  #query = '';
  #shared = $state.raw<SharedReport | null>(null);
  #error = $state('');
  #loading = $state(false);
  #status = $state('');
  #clipboard: ClipboardSource | undefined;
  #report = $derived.by(() => (this.#shared ? reportOf(this.#shared) : ''));

  constructor(clipboard?: ClipboardSource) {
    this.#clipboard = clipboard;
  }

  /** Whether the hash query asks for a shared report (`share=...`). */
  static wanted(query: string): boolean {
    return query.split('&').some((part) => part.startsWith(`${SHARE_PARAM}=`));
  }

  get shared(): SharedReport | null {
    return this.#shared;
  }
  /** Why the link could not be opened, or ''. */
  get error(): string {
    return this.#error;
  }
  get loading(): boolean {
    return this.#loading;
  }
  get status(): string {
    return this.#status;
  }

  /** The report as Markdown, rebuilt from what the link carries. */
  get report(): string {
    return this.#report;
  }

  /** Opens the report in `query` (the hash's query); the same query twice is read once. */
  async open(query: string): Promise<void> {
    if (query === this.#query) return;
    this.#query = query;
    this.#shared = null;
    this.#error = '';
    this.#status = '';
    if (!SharedDiagnosis.wanted(query)) return;
    this.#loading = true;
    const decoded = await decodeShareFragment(query);
    if (query !== this.#query) return;
    this.#loading = false;
    if (decoded.ok) this.#shared = decoded.value;
    else this.#error = decoded.error.message;
  }

  async copyReport(): Promise<void> {
    if (!this.#shared) return;
    this.#status = await copyTo(this.report, 'Copied the report.', this.#clipboard);
  }
}

export const sharedDiagnosis = new SharedDiagnosis();
