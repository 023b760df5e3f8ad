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
 * Moves focus to an answer's verdict and, when any part of `whole` (the verdict with the
 * buttons that belong to it, such as Copy report) is off screen, scrolls `whole` to the top of
 * the screen, so its bottom is in view too, on a phone as on a desktop. A screen reader reads
 * the verdict. The element needs `tabindex="-1"`. Not while the person is typing in a field
 * since they asked: the verdict's `role="status"` announces it, and the field keeps the focus.
 * The page's `scroll-padding-bottom` (a sticky bar at the bottom) counts as off screen.
 */
export function bringIntoView(element: HTMLElement, whole: HTMLElement = element): void {
  if (typingSinceAsked()) return;
  element.focus({ preventScroll: true });
  const box = whole.getBoundingClientRect();
  const height = window.innerHeight || document.documentElement.clientHeight;
  const covered = Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingBottom);
  const bottom = height - (Number.isFinite(covered) ? covered : 0);
  if (box.top < 0 || box.bottom > bottom) whole.scrollIntoView({ block: 'start' });
}
