import { defineConfig } from '@playwright/test';

/** Debian's Chromium by default; KEYCHECK_CHROMIUM points the tests at another one. */
const executablePath = process.env.KEYCHECK_CHROMIUM ?? '/usr/bin/chromium';
// KEYCHECK_PORT lets two checkouts run their browser tests side by side.
const port = Number(process.env.KEYCHECK_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: {
      executablePath,
      // The closed network here refuses Chromium's own background connections; keep it quiet.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // The production build, as users get it: `npm test` builds before this runs.
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
