/**
 * What the response view shows of a body. A text area holding megabytes makes the page
 * unresponsive for seconds, so the view holds at most `VIEW_LIMIT` characters and pretty-prints
 * only bodies under `PRETTY_LIMIT`; the whole body stays available as a download.
 */

/** Characters shown at most. */
export const VIEW_LIMIT = 100_000;
/** Bodies longer than this are shown raw: parsing and re-indenting them costs too much. */
export const PRETTY_LIMIT = 1_000_000;

export interface BodyView {
  /** The text to show: never more than `VIEW_LIMIT` characters. */
  text: string;
  /** True when `text` is the beginning only. */
  cut: boolean;
  /** True when `text` is re-indented JSON. */
  pretty: boolean;
  /** True when the body parses as JSON (also when too large to re-indent). */
  json: boolean;
}

function looksLikeJson(body: string): boolean {
  return /^\s*[[{]/.test(body);
}

function cutTo(text: string, limit: number): { text: string; cut: boolean } {
  return text.length > limit ? { text: text.slice(0, limit), cut: true } : { text, cut: false };
}

/**
 * The view of `body`: `raw` shows it as received, otherwise JSON under `PRETTY_LIMIT` is
 * re-indented by two spaces. Either way the text is cut to `limit` characters.
 */
export function bodyView(body: string, raw = false, limit = VIEW_LIMIT): BodyView {
  const mayBeJson = looksLikeJson(body);
  if (!raw && mayBeJson && body.length <= PRETTY_LIMIT) {
    try {
      const pretty = JSON.stringify(JSON.parse(body), null, 2);
      return { ...cutTo(pretty, limit), pretty: true, json: true };
    } catch {
      // Not JSON after all: shown as received.
    }
  }
  return { ...cutTo(body, limit), pretty: false, json: mayBeJson && body.length > PRETTY_LIMIT };
}
