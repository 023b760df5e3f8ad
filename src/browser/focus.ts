/**
 * An attachment (`{@attach focusOnShow}`) that focuses its element when it appears: for the
 * first field of a form opened by a button, where the `autofocus` attribute is refused by the
 * browser ("a document already has a focused element") and focus would fall to the page.
 */
export function focusOnShow(element: HTMLElement): void {
  element.focus();
}

/**
 * Remembers what had focus when something opened, and gives focus back when it closes, if that
 * element is still in the page: a closed form or dialog must not drop focus to the page body.
 */
export class FocusReturn {
  #opener: HTMLElement | null = null;

  remember(): void {
    const active = document.activeElement;
    this.#opener = active instanceof HTMLElement && active !== document.body ? active : null;
  }

  /** Call after the closed part has left the page (after `tick()`). */
  restore(): void {
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
  }
}
