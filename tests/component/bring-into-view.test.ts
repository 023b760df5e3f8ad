// The verdict takes focus when an answer arrives, unless the person is typing in a field since
// they asked for it: then the field keeps the focus (the verdict is a status, announced anyway).
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { bringIntoView } from '../../src/browser/bring-into-view';

let verdict: HTMLElement;

beforeEach(() => {
  document.body.innerHTML = `
    <textarea aria-label="Request"></textarea>
    <input aria-label="Response" />
    <label><input type="checkbox" /> Include keys</label>
    <button type="button">Diagnose</button>
    <div role="status" tabindex="-1">Fail: the user key is wrong</div>`;
  verdict = document.querySelector('[role="status"]')!;
});

afterEach(() => document.body.replaceChildren());

const get = (selector: string) => document.querySelector<HTMLElement>(selector)!;

test('after a click that asks for an answer, the verdict takes focus', async () => {
  const user = userEvent.setup();
  await user.type(get('textarea'), 'curl');
  await user.click(get('button'));
  bringIntoView(verdict);
  expect(document.activeElement).toBe(verdict);
});

test('after Enter in the field that sent it, the verdict takes focus', async () => {
  const user = userEvent.setup();
  await user.type(get('input[aria-label="Response"]'), '401{Enter}');
  bringIntoView(verdict);
  expect(document.activeElement).toBe(verdict);
});

test('typing in another box after asking keeps the focus there: the answer does not take it', async () => {
  const user = userEvent.setup();
  await user.click(get('button'));
  const response = get('input[aria-label="Response"]');
  await user.type(response, 'HTTP/1.1 40');
  bringIntoView(verdict);
  expect(document.activeElement).toBe(response);
  await user.type(response, '1');
  expect(response).toHaveValue('HTTP/1.1 401');
});

test('a typed field left for a checkbox does not hold the focus back', async () => {
  const user = userEvent.setup();
  await user.click(get('button'));
  await user.type(get('textarea'), 'x');
  get('input[type="checkbox"]').focus();
  bringIntoView(verdict);
  expect(document.activeElement).toBe(verdict);
});

test('the whole box scrolls into view when its bottom (the Copy buttons) is below the screen', async () => {
  const user = userEvent.setup();
  const box = document.createElement('div');
  verdict.replaceWith(box);
  box.append(verdict);
  // jsdom lays nothing out: place the box as a browser would, its top on screen, its bottom not.
  box.getBoundingClientRect = () =>
    DOMRect.fromRect({ x: 0, y: window.innerHeight - 100, width: 300, height: 180 });
  const scrolled: Element[] = [];
  box.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  };
  verdict.scrollIntoView = box.scrollIntoView;
  await user.click(get('button'));
  bringIntoView(verdict, box);
  expect(document.activeElement).toBe(verdict);
  expect(scrolled).toEqual([box]);
});

test('a box wholly on screen does not move', async () => {
  const user = userEvent.setup();
  const scrolled: Element[] = [];
  verdict.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 10, width: 300, height: 80 });
  verdict.scrollIntoView = () => scrolled.push(verdict);
  await user.click(get('button'));
  bringIntoView(verdict);
  expect(scrolled).toEqual([]);
});
