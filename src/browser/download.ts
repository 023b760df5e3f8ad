/** Saves text as a file the person downloads. */
export type Download = (filename: string, text: string) => void;

/**
 * Through a temporary `blob:` link: a download is a navigation, not a fetch, so the page's
 * `connect-src` does not apply, and nothing leaves the browser.
 */
export const downloadText: Download = (filename, text) => {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

/** `keycheck-profiles-2025-01-17.json` */
export function datedName(prefix: string, now: Date = new Date()): string {
  return `${prefix}-${now.toISOString().slice(0, 10)}.json`;
}
