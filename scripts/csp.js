// The Content-Security-Policy of the production build: scripts and styles from the page only,
// plus the page's own inline blocks by their SHA-256 (never `unsafe-inline`), and connections
// only to the page itself, the Redis Cloud API and loopback (a local relay or test server). Kept
// in one place so the build, the preview server and the speed script agree.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CONNECT_SOURCES = [
  "'self'",
  'https://api.redislabs.com',
  'http://127.0.0.1:*',
  'http://localhost:*',
  // No `http://[::1]:*`: Chromium rejects an IPv6 literal in a source expression with a console
  // error and ignores it, so [::1] was never reachable; the relay listens on 127.0.0.1.
];

/**
 * The SHA-256 sources of a page's inline scripts and styles, in the order they appear. A
 * script with a `src` is not inline. The text is hashed exactly as written: script and style
 * contents are raw text, which the browser hashes without decoding entities.
 * @param {string} html
 * @returns {{ scripts: string[], styles: string[] }}
 */
export function inlineHashes(html) {
  /** @param {RegExp} pattern */
  const hashes = (pattern) =>
    [...html.matchAll(pattern)].map(
      (m) =>
        `'sha256-${createHash('sha256')
          .update(m[1] ?? '', 'utf8')
          .digest('base64')}'`,
    );
  return {
    scripts: hashes(/<script(?![^>]*\ssrc=)(?:\s[^>]*)?>([\s\S]*?)<\/script>/gi),
    styles: hashes(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi),
  };
}

/**
 * The policy for a page: `html` is the page itself, whose inline blocks are allowed by hash.
 * @param {string} [html]
 */
export function cspFor(html = '') {
  const { scripts, styles } = inlineHashes(html);
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scripts].join(' '),
    ["style-src 'self'", ...styles].join(' '),
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${CONNECT_SOURCES.join(' ')}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The policy of a build in `dist`, read off its index.html (the base policy if there is none).
 * @param {string} dist
 */
export function cspOfBuild(dist) {
  const page = join(dist, 'index.html');
  return cspFor(existsSync(page) ? readFileSync(page, 'utf8') : '');
}

/**
 * A Vite plugin that writes the policy into the built index.html (a static host may not let
 * people set headers) and serves it as a header from `vite preview`. It goes after the plugins
 * that add inline blocks (first-screen.js): it allows the ones it finds.
 * @returns {import('vite').Plugin}
 */
export function contentSecurityPolicy() {
  return {
    name: 'keycheck-csp',
    apply: (_config, env) => env.command === 'build' || Boolean(env.isPreview),
    transformIndexHtml: {
      order: 'post',
      handler: (html) => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: cspFor(html) },
          injectTo: 'head-prepend',
        },
      ],
    },
    configurePreviewServer(server) {
      const dist = resolve(server.config.root, server.config.build.outDir);
      const page = join(dist, 'index.html');
      // Read again only when index.html changes: a build made while the server runs is served
      // with its own hashes, and the other requests cost no read.
      let cached = { changed: -1, policy: '' };
      server.middlewares.use((_req, res, next) => {
        const changed = existsSync(page) ? statSync(page).mtimeMs : 0;
        if (changed !== cached.changed) cached = { changed, policy: cspOfBuild(dist) };
        res.setHeader('Content-Security-Policy', cached.policy);
        next();
      });
    },
  };
}
