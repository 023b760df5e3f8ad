import { VIEW_LIMIT, bodyView, type BodyView } from '../../lib/api/body-view';

/**
 * The response body as the view shows it: pretty or raw, cut to `VIEW_LIMIT` characters, with
 * the whole body behind a download link (an object URL, revoked when the body changes).
 */
export class ResponseBody {
  raw = $state(false);
  #body = $state.raw('');
  #downloadUrl = $state<string | null>(null);

  /** A body shown once, with no download link (no object URL to revoke later). */
  static of(body: string): ResponseBody {
    const shown = new ResponseBody();
    shown.#body = body;
    return shown;
  }

  get view(): BodyView {
    return bodyView(this.#body, this.raw);
  }

  /** An object URL of the whole body; only when the view is cut. */
  get downloadUrl(): string | null {
    return this.#downloadUrl;
  }

  set(body: string, contentType = 'text/plain'): void {
    this.#body = body;
    this.raw = false;
    if (this.#downloadUrl) URL.revokeObjectURL(this.#downloadUrl);
    this.#downloadUrl = null;
    // jsdom has no object URLs; a browser always does.
    if (body.length > VIEW_LIMIT && typeof URL.createObjectURL === 'function') {
      this.#downloadUrl = URL.createObjectURL(new Blob([body], { type: contentType }));
    }
  }
}
