/**
 * How long the Profiles list takes to render 1,000 profiles, and the filter to answer a
 * keystroke (the aim: one frame, 16 ms), measured on the real list component in jsdom.
 * A benchmark, not a test: it prints figures and never fails.
 *
 *   node scripts/run-ts.js scripts/bench-profiles.ts
 *
 * The script runs twice: first as loaded by run-ts.js (a server-side module runner), where it
 * starts itself again in a runner that resolves Svelte for the browser, which `mount` needs.
 */
const INNER = '__keycheckBenchProfilesInner';

if ((globalThis as Record<string, unknown>)[INNER] !== true) {
  // Svelte's `mount` exists only in its browser build, and the module runner resolves packages
  // for Node: run again in a runner that compiles components for the browser and points the
  // Svelte entries that differ at their browser builds.
  const { svelte } = await import('@sveltejs/vite-plugin-svelte');
  const { runnerImport } = await import('vite');
  const browserBuild = (entry: string, file: string) => ({
    find: new RegExp(`^svelte${entry}$`),
    replacement: new URL(`../node_modules/svelte/src/${file}`, import.meta.url).pathname,
  });
  (globalThis as Record<string, unknown>)[INNER] = true;
  await runnerImport(new URL(import.meta.url).pathname, {
    logLevel: 'error',
    plugins: [
      svelte({
        emitCss: false,
        compilerOptions: { css: 'injected' },
        dynamicCompileOptions: () => ({ generate: 'client' }),
      }),
    ],
    resolve: {
      alias: [
        browserBuild('', 'index-client.js'),
        browserBuild('/reactivity', 'reactivity/index-client.js'),
        browserBuild('/store', 'store/index-client.js'),
        browserBuild('/legacy', 'legacy/legacy-client.js'),
      ],
    },
  });
} else {
  // jsdom ships no types (and @types/jsdom is not installed): only its constructor is used.
  const jsdom = 'jsdom';
  const { JSDOM } = (await import(/* @vite-ignore */ jsdom)) as {
    JSDOM: new (html: string, options: object) => { window: Window };
  };
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  const win = dom.window as unknown as Record<string, unknown>;
  // The DOM's globals as a page has them; Node's own (Event, URL, crypto...) stay.
  for (const name of Object.getOwnPropertyNames(win)) {
    // Reading localStorage on a page without an origin throws; nothing here uses it.
    if (!(name in g) && !name.endsWith('Storage'))
      Object.defineProperty(g, name, { value: win[name], configurable: true });
  }
  for (const name of ['window', 'document', 'navigator']) {
    Object.defineProperty(g, name, { value: win[name], configurable: true });
  }
  await bench();
}

async function bench(): Promise<void> {
  const { flushSync, mount, unmount } = await import('svelte');
  const { createMemoryRepository, filterProfiles } = await import('../src/lib/profiles');
  const { Profiles } = await import('../src/state/profiles/profiles.svelte');
  const { default: ProfilesView } = await import('../src/components/profiles/ProfilesView.svelte');
  const COUNT = 1000;
  const regions = ['EU', 'US', 'APAC'];
  const drafts = Array.from({ length: COUNT }, (_, i) => ({
    name: `Customer ${String(i).padStart(4, '0')} ${regions[i % 3]} ${i % 2 === 0 ? 'prod' : 'staging'}`,
    accountKey: `acct-${i.toString(36)}-A1b2C3d4E5f6G7h8`,
    userKey: `user-${i.toString(36)}-U9t8S7r6Q5p4O3n2`,
    keyName: `key-name-${String(i).padStart(4, '0')}`,
    notes: i % 10 === 0 ? `Ticket #${10_000 + i}: customer reports 401 after key rotation.` : '',
  }));
  const repository = createMemoryRepository({ sync: null });
  const saved = await repository.saveMany(drafts);
  if (!saved.ok) throw new Error(`Could not seed the profiles: ${saved.kind}`);

  const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;
  let start = performance.now();
  const { profiles: all } = await repository.list();
  console.log(`${COUNT} profiles`);
  console.log(`  repository.list() (validate every record)    ${ms(performance.now() - start)}`);

  const profiles = new Profiles(() => Promise.resolve(repository));
  const target = document.createElement('div');
  document.body.append(target);
  start = performance.now();
  const view = mount(ProfilesView, { target, props: { profiles } });
  await profiles.reload();
  flushSync();
  const cards = target.querySelectorAll('article').length;
  console.log(`  load and render the list (${cards} cards)      ${ms(performance.now() - start)}`);

  const input = target.querySelector('input[type="search"]') as HTMLInputElement;
  const typed = 'customer 04 eu';
  const timings: { query: string; filter: number; total: number; shown: number }[] = [];
  const keystroke = (query: string) => {
    const begin = performance.now();
    const shown = filterProfiles(all, query).length;
    const filter = performance.now() - begin;
    const t0 = performance.now();
    input.value = query;
    input.dispatchEvent(new window.Event('input', { bubbles: true }));
    flushSync();
    timings.push({ query, filter, total: performance.now() - t0, shown });
  };
  for (let i = 1; i <= typed.length; i += 1) keystroke(typed.slice(0, i));
  for (let i = typed.length - 1; i >= 0; i -= 1) keystroke(typed.slice(0, i));

  console.log('  per keystroke: filterProfiles alone, and input to updated DOM (filter included)');
  for (const t of timings) {
    const query = JSON.stringify(t.query).padEnd(18);
    console.log(
      `    ${query} ${ms(t.filter)} ${ms(t.total)}  ${String(t.shown).padStart(4)} shown`,
    );
  }
  const totals = timings.map((t) => t.total).sort((a, b) => a - b);
  const median = totals[Math.floor(totals.length / 2)] ?? 0;
  const worst = totals.at(-1) ?? 0;
  const within = totals.filter((t) => t <= 16).length;
  console.log(
    `  keystrokes: median ${median.toFixed(1)} ms, worst ${worst.toFixed(1)} ms, ${within} of ${totals.length} within one frame (16 ms)`,
  );
  unmount(view);
}
