/**
 * Moves focus to an answer's verdict and scrolls it to the top of the screen when any part of
 * it is off screen, so a phone user sees the answer instead of the button they pressed, and a
 * screen reader reads it. The element needs `tabindex="-1"`.
 */
export function bringIntoView(element: HTMLElement): void {
  element.focus({ preventScroll: true });
  const box = element.getBoundingClientRect();
  const height = window.innerHeight || document.documentElement.clientHeight;
  if (box.top < 0 || box.bottom > height) element.scrollIntoView({ block: 'start' });
}
