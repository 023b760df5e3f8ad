#!/usr/bin/env node
// How soon the Playground is usable, side by side with two yardsticks in one browser:
//   - a bare HTML page holding one button (the floor: what any page costs),
//   - Swagger UI (npm swagger-ui-dist) fed the Redis Cloud API's OpenAPI document.
// "Usable" is the moment the browser painted an enabled Send button (Swagger UI: the first
// operation's method) on screen, from the Element Timing API inside the page (milliseconds from
// navigation start), so polling from outside adds no delay and a button parsed but not yet drawn
// does not count. The Playground is drawn with the page (prerendered at build time) and a Send
// made before its script has started is kept and made once it has; the moment the app started
// is printed beside it. Runs alternate between the pages in
// fresh contexts (no cache, no service worker) and the medians are printed with two ratios:
// Playground / bare page (target at most 2x) and Swagger UI / Playground (target at least 10x).
// After timing, Send clicked the moment it is on screen must give a verdict: usable means working.
//
// Usage (npm run speed builds first):  node scripts/speed-first-load.js [openapi.json] [--runs N]
// Chromium is /usr/bin/chromium or $KEYCHECK_CHROMIUM. Prints figures; it is not a test.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { cspOfBuild } from './csp.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const SWAGGER = join(ROOT, 'node_modules/swagger-ui-dist');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 15;
const documentArg = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');
const DOCUMENT = resolve(documentArg ?? join(ROOT, 'scripts/redis-cloud-api/openapi.json'));
const PORT = Number(process.env.KEYCHECK_SPEED_PORT ?? 4186);

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('No build in dist/: run `npm run speed` (it builds first) or `npm run build`.');
  process.exit(1);
}
const APP_CSP = cspOfBuild(DIST);
const hasDocument = existsSync(DOCUMENT);
if (!hasDocument) {
  console.warn(`No OpenAPI document at ${DOCUMENT}: Swagger UI is left out.`);
  console.warn('Pass its path: node scripts/speed-first-load.js path/to/openapi.json');
}

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

const BARE = '<!doctype html><html lang="en"><title>Bare</title><button>Send</button></html>';
const SWAGGER_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Swagger UI</title>
<link rel="stylesheet" href="/swagger/swagger-ui.css"></head><body><div id="swagger-ui"></div>
<script src="/swagger/swagger-ui-bundle.js"></script><script src="/swagger-init.js"></script></body></html>`;
const SWAGGER_INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui' });`;

/**
 * Serves a file under `base`, refusing paths that climb out of it.
 * @param {import('node:http').ServerResponse} res @param {string} base @param {string} path
 * @param {Record<string, string>} [headers]
 */
function sendFile(res, base, path, headers = {}) {
  const file = normalize(join(base, path));
  if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    ...headers,
  });
  res.end(readFileSync(file));
}

// One local server for all three, so none gets a network advantage.
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (path === '/bare.html')
    return res.writeHead(200, { 'content-type': TYPES['.html'] }).end(BARE);
  if (path === '/swagger.html') {
    return res.writeHead(200, { 'content-type': TYPES['.html'] }).end(SWAGGER_PAGE);
  }
  if (path === '/swagger-init.js') {
    return res.writeHead(200, { 'content-type': TYPES['.js'] }).end(SWAGGER_INIT);
  }
  if (path === '/openapi.json' && hasDocument)
    return sendFile(res, resolve(DOCUMENT, '..'), 'openapi.json');
  if (path.startsWith('/swagger/')) return sendFile(res, SWAGGER, path.slice('/swagger/'.length));
  if (path.startsWith('/app/')) {
    const rest = path.slice('/app/'.length) || 'index.html';
    return sendFile(res, DIST, rest, { 'content-security-policy': APP_CSP });
  }
  res.writeHead(404).end();
});
await new Promise((ok) => server.listen(PORT, '127.0.0.1', () => ok(undefined)));
const base = `http://127.0.0.1:${PORT}`;

/**
 * Runs in the page before its own scripts. Records when the page became usable: the moment
 * the browser painted the element that makes it so (the Send button; in Swagger UI the first
 * operation's method), from the Element Timing API, so a button parsed but not yet drawn does
 * not count. A Send painted disabled counts from the first frame it is enabled. For the
 * Playground it also records when the app started (`data-started` on the root): the moment its
 * own script took over the drawn page.
 * @param {string} kind
 */
function watchUsable(kind) {
  const page = /** @type {{ __usableAt?: number, __startedAt?: number }} */ (
    /** @type {unknown} */ (window)
  );
  /** @param {Element} el */
  const isTarget = (el) =>
    kind === 'swagger'
      ? el.matches('.opblock-summary-method')
      : el.tagName === 'BUTTON' && el.textContent?.trim() === 'Send';
  // Element Timing reports elements that carry `elementtiming` when first painted: mark the
  // target as it enters the document, before it can be drawn.
  /** @param {Node} node */
  const mark = (node) => {
    if (!(node instanceof Element)) return;
    for (const el of [node, ...node.querySelectorAll('*')]) {
      if (isTarget(el)) el.setAttribute('elementtiming', 'usable');
    }
  };
  new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach(mark);
    if (page.__startedAt === undefined && document.documentElement?.hasAttribute('data-started')) {
      page.__startedAt = performance.now();
    }
    // The root element does not exist yet when this runs: watch the whole document.
  }).observe(document, {
    childList: true,
    subtree: true,
    // Only the app's own mark: watching every attribute would slow the pages being measured.
    attributeFilter: ['data-started'],
  });
  /** @param {Element | null} el */
  const whenEnabled = (el) => {
    if (el instanceof HTMLButtonElement && el.disabled) {
      requestAnimationFrame(() => whenEnabled(el));
    } else page.__usableAt ??= performance.now();
  };
  new PerformanceObserver((list) => {
    for (const entry of /** @type {any[]} */ (list.getEntries())) {
      if (entry.identifier !== 'usable' || page.__usableAt !== undefined) continue;
      if (entry.element instanceof HTMLButtonElement && entry.element.disabled) {
        whenEnabled(entry.element);
      } else page.__usableAt = entry.renderTime || entry.loadTime;
    }
  }).observe({ type: 'element', buffered: true });
}

const PAGES = [
  { name: 'Bare page, one button', kind: 'bare', url: `${base}/bare.html` },
  { name: 'Keycheck Playground', kind: 'app', url: `${base}/app/#/playground` },
  ...(hasDocument
    ? [{ name: 'Swagger UI, same API document', kind: 'swagger', url: `${base}/swagger.html` }]
    : []),
];

const browser = await chromium.launch({
  executablePath: process.env.KEYCHECK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

/**
 * Milliseconds from navigation start until usable (and, for the Playground, until the app
 * started), in a fresh context.
 * @param {{ kind: string, url: string }} page
 * @returns {Promise<{ usable: number, started?: number }>}
 */
async function measure(page) {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    viewport: { width: 1280, height: 800 },
  });
  try {
    const tab = await context.newPage();
    await tab.addInitScript(watchUsable, page.kind);
    await tab.goto(page.url, { waitUntil: 'commit' });
    const at = () =>
      /** @type {{ __usableAt?: number }} */ (/** @type {unknown} */ (window)).__usableAt;
    await tab.waitForFunction(at, null, { timeout: 120_000 });
    const usable = Number(await tab.evaluate(at));
    if (page.kind !== 'app') return { usable };
    const started = () =>
      /** @type {{ __startedAt?: number }} */ (/** @type {unknown} */ (window)).__startedAt;
    await tab.waitForFunction(started, null, { timeout: 120_000 });
    return { usable, started: Number(await tab.evaluate(started)) };
  } finally {
    await context.close();
    // Let the closed tab's processes wind down, so they do not weigh on the next measurement.
    await new Promise((ok) => setTimeout(ok, 300));
  }
}

/** @param {number[]} values */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const at = (/** @type {number} */ i) => sorted[i] ?? 0;
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
};

try {
  // One unmeasured round warms the browser itself (its first launch of each process).
  for (const page of PAGES) await measure(page);
  /** @type {Map<string, number[]>} */
  const times = new Map(PAGES.map((p) => [p.kind, /** @type {number[]} */ ([])]));
  const timesOf = (/** @type {string} */ kind) => times.get(kind) ?? [];
  /** @type {number[]} */
  const started = [];
  for (let run = 0; run < RUNS; run++) {
    for (const page of PAGES) {
      const measured = await measure(page);
      timesOf(page.kind).push(measured.usable);
      if (measured.started !== undefined) started.push(measured.started);
    }
  }

  // Usable means working: Send clicked the moment it is on screen, before waiting for anything
  // else, answers with a verdict (a Send made before the app started is kept and made for it).
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const tab = await context.newPage();
  // Whether the app had started when the form was sent: read as the submit happens.
  await tab.addInitScript(() =>
    document.addEventListener(
      'submit',
      () => {
        const page = /** @type {{ __sentBeforeStart?: boolean }} */ (
          /** @type {unknown} */ (window)
        );
        page.__sentBeforeStart ??= !document.documentElement.hasAttribute('data-started');
      },
      true,
    ),
  );
  await tab.goto(`${base}/app/#/playground`, { waitUntil: 'commit' });
  await tab.getByRole('button', { name: 'Send', exact: true }).click({ noWaitAfter: true });
  const verdict = await tab
    .locator('[data-verdict]')
    .getAttribute('data-verdict', { timeout: 30_000 });
  const sentBeforeStart = await tab.evaluate(
    () =>
      /** @type {{ __sentBeforeStart?: boolean }} */ (/** @type {unknown} */ (window))
        .__sentBeforeStart,
  );
  await context.close();

  const ms = (/** @type {number} */ n) => `${n.toFixed(0).padStart(6)} ms`;
  console.log(`Time until usable, median of ${RUNS} runs each (min..max), Chromium, 1280x800:`);
  for (const page of PAGES) {
    const list = timesOf(page.kind);
    console.log(
      `  ${page.name.padEnd(32)} ${ms(median(list))}  (${Math.min(...list).toFixed(0)}..${Math.max(...list).toFixed(0)})`,
    );
  }
  console.log(
    `  ${'Keycheck app started'.padEnd(32)} ${ms(median(started))}  (${Math.min(...started).toFixed(0)}..${Math.max(...started).toFixed(0)}; its script took over the drawn page)`,
  );
  const bare = median(timesOf('bare'));
  const app = median(timesOf('app'));
  const ratio = app / bare;
  console.log(
    `  Playground / bare page:   ${ratio.toFixed(2)}x  (target at most 2x: ${ratio <= 2 ? 'met' : 'NOT met'})`,
  );
  if (hasDocument) {
    const swagger = median(timesOf('swagger'));
    const sooner = swagger / app;
    console.log(
      `  Swagger UI / Playground:  ${sooner.toFixed(1)}x  (target at least 10x: ${sooner >= 10 ? 'met' : 'NOT met'})`,
    );
  }
  console.log(
    `  Send clicked as soon as it was on screen (${sentBeforeStart ? 'before' : 'after'} the app started) answered with the verdict "${verdict}".`,
  );
} finally {
  await browser.close();
  server.close();
}
