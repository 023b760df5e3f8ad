/**
 * Asks before a reload or a close would drop what only this tab holds ("this tab only" keys):
 * the browser's own "Leave site?" prompt, through `beforeunload`. The listener is registered
 * only while something needs it: a page with a `beforeunload` listener loses the back/forward
 * cache, so it must not sit there for nothing.
 */
type Target = Pick<Window, 'addEventListener' | 'removeEventListener'>;

function ask(event: BeforeUnloadEvent): void {
  event.preventDefault();
  // Older Chromium shows the prompt only when returnValue is set; the text is the browser's own.
  event.returnValue = '';
}

export class LeaveGuard {
  #target: Target | undefined;
  #armed = $state(false);

  constructor(target: Target | undefined = globalThis.window) {
    this.#target = target;
  }

  /** Whether leaving the page asks first. */
  get armed(): boolean {
    return this.#armed;
  }

  /** Asks before leaving while `needed` is true; stops asking when it turns false. */
  set(needed: boolean): void {
    if (needed === this.#armed || this.#target === undefined) return;
    if (needed) this.#target.addEventListener('beforeunload', ask);
    else this.#target.removeEventListener('beforeunload', ask);
    this.#armed = needed;
  }
}

export const leaveGuard = new LeaveGuard();
