// The handover from the page the build draws to the app: the script inlined before the first
// paint (before-start.ts) and the app's start (start-app.ts), in jsdom.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { compile } from 'svelte/compiler';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  HELD_SUBMIT,
  NOT_FIRST_SCREEN,
  PRERENDERED,
  STARTED,
} from '../../src/browser/first-screen-marks';
import { startApp } from '../../src/browser/start-app';
import HeldForm from './fixtures/HeldForm.svelte';

const root = document.documentElement;

/** The fixture as the build would draw it: Svelte's server output, hydration markers included. */
async function serverMarkup(): Promise<string> {
  const source = readFileSync(
    join(process.cwd(), 'tests/component/fixtures/HeldForm.svelte'),
    'utf8',
  );
  const { js } = compile(source.replace('<script lang="ts">', '<script>'), {
    generate: 'server',
    runes: true,
  });
  // Inside the project, so the compiled module finds svelte's server runtime.
  const dir = join(process.cwd(), 'node_modules/.cache/keycheck-tests');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'HeldForm.server.js');
  writeFileSync(file, js.code);
  const server = (await import(/* @vite-ignore */ file)) as { default: Component };
  return render(server.default, { props: {} }).body;
}

const hashChange = async (hash: string) => {
  location.hash = hash;
  await vi.waitFor(() => expect(location.hash).toBe(hash || ''));
  window.dispatchEvent(new HashChangeEvent('hashchange'));
};

beforeAll(async () => {
  await import('../../src/browser/before-start');
});

afterEach(() => {
  root.removeAttribute(STARTED);
  root.removeAttribute(NOT_FIRST_SCREEN);
  document.body.replaceChildren();
  delete document.body.dataset['sent'];
  history.replaceState(null, '', '#/playground');
});

describe('before the app starts', () => {
  test('a form sent is held, not sent: the page does not navigate and the form is marked', () => {
    document.body.innerHTML = '<form><button type="submit">Send</button></form>';
    const form = document.querySelector('form')!;
    let prevented: boolean | undefined;
    form.addEventListener('submit', (event) => (prevented = event.defaultPrevented));
    form.requestSubmit();
    expect(prevented).toBe(true);
    expect(form.hasAttribute(HELD_SUBMIT)).toBe(true);
  });

  test('an address naming another view hides the drawn Playground; the Playground shows it again', async () => {
    await hashChange('#/diagnose?share=1z.abc');
    expect(root.hasAttribute(NOT_FIRST_SCREEN)).toBe(true);
    await hashChange('#/nowhere');
    expect(root.hasAttribute(NOT_FIRST_SCREEN)).toBe(false);
  });

  test('once the app has started, forms and views are its own', async () => {
    root.setAttribute(STARTED, '');
    document.body.innerHTML = '<form><button type="submit">Send</button></form>';
    const form = document.querySelector('form')!;
    let prevented: boolean | undefined;
    form.addEventListener('submit', (event) => {
      prevented = event.defaultPrevented;
      event.preventDefault();
    });
    form.requestSubmit();
    expect(prevented).toBe(false);
    expect(form.hasAttribute(HELD_SUBMIT)).toBe(false);
    await hashChange('#/diagnose');
    expect(root.hasAttribute(NOT_FIRST_SCREEN)).toBe(false);
  });
});

describe('startApp', () => {
  test('takes over the drawn first screen: what was chosen and typed stays, and a held Send is sent with it', async () => {
    const target = document.createElement('div');
    target.setAttribute(PRERENDERED, '');
    target.innerHTML = await serverMarkup();
    document.body.append(target);
    const drawnInput = target.querySelector('input')!;
    // The person chooses, types and presses Send before the app's script has run.
    target.querySelector('select')!.value = 'POST';
    drawnInput.value = '/v1/subscriptions';
    target.querySelector('form')!.requestSubmit();
    expect(target.querySelector(`form[${HELD_SUBMIT}]`)).not.toBeNull();

    expect(document.body.dataset['sent']).toBeUndefined();

    startApp(HeldForm as never, target, root, '#/playground');
    // Hydrated, not redrawn: the same input, with what was chosen and typed, sent by the app.
    expect(target.querySelector('input')).toBe(drawnInput);
    expect(target.querySelector('select')!.value).toBe('POST');
    expect(document.body.dataset['sent']).toBe('POST /v1/subscriptions');
    expect(root.hasAttribute(STARTED)).toBe(true);
    expect(target.hasAttribute(PRERENDERED)).toBe(false);
    expect(target.querySelector(`form[${HELD_SUBMIT}]`)).toBeNull();
  });

  test('on another view it draws afresh over the prerendered Playground, and shows the page', () => {
    root.setAttribute(NOT_FIRST_SCREEN, '');
    const target = document.createElement('div');
    target.setAttribute(PRERENDERED, '');
    target.innerHTML = '<p id="stale">the prerendered Playground</p>';
    document.body.append(target);
    startApp(HeldForm as never, target, root, '#/diagnose');
    expect(target.querySelector('#stale')).toBeNull();
    expect(target.querySelector('button')?.textContent).toBe('Send');
    expect(root.hasAttribute(STARTED)).toBe(true);
    expect(root.hasAttribute(NOT_FIRST_SCREEN)).toBe(false);
  });
});
