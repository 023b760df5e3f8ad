/** Where "Copy report" and "Copy link" write; the browser's clipboard by default. */
export type ClipboardSource = () => Pick<Clipboard, 'writeText'> | undefined;

const browserClipboard: ClipboardSource = () => globalThis.navigator?.clipboard;

/**
 * Copies `text` and says how it went. The text is never logged or put in the message, even on
 * failure: a report is safe, but the same path must never leak anything else.
 */
export async function copyTo(
  text: string,
  done: string,
  source: ClipboardSource = browserClipboard,
): Promise<string> {
  const clipboard = source();
  if (!clipboard) return 'This browser gives the page no clipboard: select the text and copy it.';
  try {
    await clipboard.writeText(text);
    return done;
  } catch {
    return 'The browser refused to copy: select the text and copy it.';
  }
}
