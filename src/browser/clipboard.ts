/**
 * Copies text to the clipboard; false when the browser refused (no permission, insecure page).
 * The text is never logged, even on failure: it may be a key.
 */
export async function copyText(
  text: string,
  clipboard: Pick<Clipboard, 'writeText'> | undefined = globalThis.navigator?.clipboard,
): Promise<boolean> {
  if (clipboard === undefined) return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Where a copy goes; the browser's clipboard by default. */
export type ClipboardSource = () => Pick<Clipboard, 'writeText'> | undefined;

const browserClipboard: ClipboardSource = () => globalThis.navigator?.clipboard;

/**
 * Copies `text` and says how it went, in words for a status line: `done`, or why not. The text
 * itself never goes into the message.
 */
export async function copyTo(
  text: string,
  done: string,
  source: ClipboardSource = browserClipboard,
): Promise<string> {
  const clipboard = source();
  if (!clipboard) return 'This browser gives the page no clipboard: select the text and copy it.';
  return (await copyText(text, clipboard))
    ? done
    : 'The browser refused to copy: select the text and copy it.';
}
