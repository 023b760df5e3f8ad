// The Content-Security-Policy of the production build: scripts and styles from the page only, no
// inline scripts, and connections only to the page itself, the Redis Cloud API and loopback (a
// local relay or test server). Kept in one place so the build and the preview server agree.

export const CONNECT_SOURCES = [
  "'self'",
  'https://api.redislabs.com',
  'http://127.0.0.1:*',
  'http://localhost:*',
  // No `http://[::1]:*`: Chromium rejects an IPv6 literal in a source expression with a console
  // error and ignores it, so [::1] was never reachable; the relay listens on 127.0.0.1.
];

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  `connect-src ${CONNECT_SOURCES.join(' ')}`,
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * A Vite plugin that writes the policy into the built index.html (a static host may not let
 * people set headers) and serves it as a header from `vite preview`.
 * @returns {import('vite').Plugin}
 */
export function contentSecurityPolicy() {
  return {
    name: 'keycheck-csp',
    apply: (_config, env) => env.command === 'build' || Boolean(env.isPreview),
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
          injectTo: 'head-prepend',
        },
      ],
    },
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', CSP);
        next();
      });
    },
  };
}
