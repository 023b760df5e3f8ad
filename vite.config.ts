import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { cliBundle } from './scripts/cli-bundle.js';
import { contentSecurityPolicy } from './scripts/csp.js';
import { firstScreen } from './scripts/first-screen.js';

export default defineConfig({
  // Relative asset paths: the build runs from any static host, under a sub-path too.
  base: './',
  plugins: [
    svelte(),
    svelteTesting(),
    // The Playground is drawn with the page; the policy then allows its inline blocks by hash.
    firstScreen(),
    contentSecurityPolicy(),
    // keycheck.mjs, the command-line check, written beside index.html and relay.js.
    cliBundle(),
    VitePWA({
      // The app registers the worker itself (src/state/app-update.svelte.ts): no inline script.
      injectRegister: false,
      // A new version waits for the person's Reload, never swapped in under unsaved work.
      registerType: 'prompt',
      strategies: 'generateSW',
      includeAssets: ['favicon.svg', 'relay.js'],
      manifest: {
        name: 'Keycheck',
        short_name: 'Keycheck',
        description: 'Find out why a Redis Cloud API key does not work.',
        // Relative, so the installed app works under a sub-path too.
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#fbfbfa',
        theme_color: '#a4221a',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // Every built file, lazy views included: after one visit the whole app works offline.
        globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
        navigateFallback: 'index.html',
        // keycheck.mjs (scripts/cli-bundle.js) is a download, never precached and never the page.
        navigateFallbackDenylist: [/\/keycheck\.mjs$/],
        // Only the first install claims the page; later versions wait (no skipWaiting).
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: { target: 'es2022' },
  // Fixed ports: the local relay's default --origin list names exactly these two servers.
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  test: {
    setupFiles: ['tests/setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.ts'],
          environment: 'jsdom',
        },
      },
    ],
  },
});
