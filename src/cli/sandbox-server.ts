/**
 * The sandbox behind a real HTTP server on 127.0.0.1, for `keycheck.mjs relay --sandbox`: the
 * relay forwards to it as it would to the API, so a page (or curl) can try the relay with the demo
 * keys and no network. It only translates HTTP to the sandbox's `fetch` and back.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SANDBOX_BASE_URL } from '../lib/core/checklist';
import { createSandbox } from '../lib/sandbox';

export async function startSandboxServer(): Promise<{ url: string; server: Server }> {
  const sandbox = createSandbox();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(name, value);
      }
      const method = req.method ?? 'GET';
      const body = Buffer.concat(chunks);
      sandbox
        .fetch(`${SANDBOX_BASE_URL}${req.url ?? '/'}`, {
          method,
          headers,
          ...(body.length > 0 && method !== 'GET' && method !== 'HEAD' ? { body } : {}),
        })
        .then(async (answer) => {
          res.writeHead(answer.status, Object.fromEntries(answer.headers));
          res.end(Buffer.from(await answer.arrayBuffer()));
        })
        .catch(() => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end('The sandbox could not answer.\n');
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // The relay runs until stopped; this server must not keep the process alive after it.
  server.unref();
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
