import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { contentSecurityPolicy } from './scripts/csp.js';

export default defineConfig({
  // Relative asset paths: the build runs from any static host, under a sub-path too.
  base: './',
  plugins: [svelte(), svelteTesting(), contentSecurityPolicy()],
  build: { target: 'es2022' },
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
