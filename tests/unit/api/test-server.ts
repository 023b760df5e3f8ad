import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export const NGINX_401 =
  '<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n' +
  '<center><h1>401 Authorization Required</h1></center>\r\n<hr><center>nginx</center>\r\n' +
  '</body>\r\n</html>\r\n';

/** Routes that answer like the API does in the cases the client must tell apart. */
const ROUTES: Record<string, Handler> = {
  '/v1/': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req-1' });
    res.end(JSON.stringify({ account: { id: 1001, name: 'Rédis' } }));
  },
  '/v1/echo': (req, res, body) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ url: req.url, headers: req.headers, body }));
  },
  '/v1/unauthorized': (_req, res) => {
    res.writeHead(401, { 'content-type': 'text/html', server: 'nginx' });
    res.end(NGINX_401);
  },
  '/v1/limited': (_req, res) => {
    // `retry-after` too: ky would honour it if retries were on.
    res.writeHead(429, { 'x-rate-limit-retry-after-seconds': '12', 'retry-after': '0' });
    res.end();
  },
  '/v1/request-timeout': (_req, res) => {
    res.writeHead(408);
    res.end();
  },
  '/v1/unavailable': (_req, res) => {
    res.writeHead(503);
    res.end();
  },
  '/v1/latin1': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' });
    res.end(Buffer.from([0x63, 0x61, 0x66, 0xe9])); // "café" in Latin-1
  },
  // Redirects to a path on the same server: a client that followed it would show up in `seen`.
  '/v1/moved': (_req, res) => {
    res.writeHead(301, { location: '/v1/echo' });
    res.end();
  },
  // Never answers: the timeout and abort cases.
  '/v1/hang': () => {},
  // Sends the status line and headers, then never finishes the body.
  '/v1/drip': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"partial":');
  },
};

/** A real HTTP server on 127.0.0.1 with a free port, recording every request it gets. */
export async function startServer() {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const route = ROUTES[new URL(req.url ?? '/', 'http://x').pathname];
      if (route) route(req, res, body);
      else {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"status":404,"error":"Not Found"}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    seen,
    /** Requests to this path so far. */
    count: (path: string) => seen.filter((r) => r.url.split('?')[0] === path).length,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on: opened, then closed again. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
