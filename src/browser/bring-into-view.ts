// What the person did last, in order: asked for an answer (a click, a form sent, Enter) or
// typed in a field. An answer that arrives while they are typing somewhere must not take the
// field from under their fingers.
let step = 0;
let askedAt = 0;
let typedAt = 0;
if (typeof document !== 'undefined') {
  const asked = () => (askedAt = ++step);
  document.addEventListener('click', asked, true);
  document.addEventListener('submit', asked, true);
  document.addEventListener('keydown', (event) => event.key === 'Enter' && asked(), true);
  document.addEventListener('input', () => (typedAt = ++step), true);
}

/** True when focus is in a text field the person has typed in since they last asked for an answer. */
export function typingSinceAsked(active: Element | null = document.activeElement): boolean {
  const field =
    active instanceof HTMLTextAreaElement ||
    (active instanceof HTMLInputElement &&
      !['checkbox', 'radio', 'button'].includes(active.type)) ||
    (active instanceof HTMLElement && active.isContentEditable);
  return field && typedAt > askedAt;
}

/**
 * Moves focus to an answer's verdict and scrolls it to the top of the screen when any part of
 * it is off screen, so a phone user sees the answer instead of the button they pressed, and a
 * screen reader reads it. The element needs `tabindex="-1"`. Not while the person is typing in
 * a field since they asked: the verdict's `role="status"` announces it, and the field keeps
 * the focus.
 */
export function bringIntoView(element: HTMLElement): void {
  if (typingSinceAsked()) return;
  element.focus({ preventScroll: true });
  const box = element.getBoundingClientRect();
  const height = window.innerHeight || document.documentElement.clientHeight;
  if (box.top < 0 || box.bottom > height) element.scrollIntoView({ block: 'start' });
}
