import type { SentRequest } from '../../lib/core/exchange';
import type { ExportOptions } from '../../lib/paste/export';
import { copyText } from '../../browser/clipboard';

export type CopyFormat = 'curl' | 'fetch' | 'httpie' | 'powershell' | 'python';

/** The export functions; they arrive with the request engine. */
export type Exporters = Record<
  CopyFormat,
  (request: SentRequest, options: ExportOptions) => string
>;

const NAMES: Readonly<Record<CopyFormat, string>> = {
  curl: 'cURL command',
  fetch: 'fetch call',
  httpie: 'HTTPie command',
  powershell: 'PowerShell command',
  python: 'Python code',
};

export interface Clipboard {
  writeText(text: string): Promise<void>;
}

/** "Copy as": keys as shell variables unless the user ticks "Include keys". */
export class CopyAs {
  includeKeys = $state(false);
  #message = $state('');
  #clipboard: () => Clipboard | undefined;

  constructor(clipboard: () => Clipboard | undefined = () => globalThis.navigator?.clipboard) {
    this.#clipboard = clipboard;
  }

  /** What the last copy did, in words (never the copied text: it may hold the keys). */
  get message(): string {
    return this.#message;
  }

  async copy(format: CopyFormat, request: SentRequest, exporters: Exporters): Promise<void> {
    const text = exporters[format](request, { includeSecrets: this.includeKeys });
    const clipboard = this.#clipboard();
    const copied = clipboard !== undefined && (await copyText(text, clipboard));
    if (!copied) {
      this.#message = `The browser did not allow copying the ${NAMES[format]} to the clipboard.`;
    } else {
      this.#message = this.includeKeys
        ? `Copied the ${NAMES[format]} with your keys in it: treat the copy as a secret.`
        : `Copied the ${NAMES[format]}; it reads the keys from $REDIS_CLOUD_ACCOUNT_KEY and $REDIS_CLOUD_USER_KEY.`;
    }
  }
}
