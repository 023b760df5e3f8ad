import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

// Obviously fake keys, long and distinctive so a leak into a log is easy to spot.
export const ACCOUNT_KEY = 'acctKEY-7f3c9e1d5b2a4680-fake-account-key-value';
export const USER_KEY = 'userKEY-0a9b8c7d6e5f4321-fake-user-key-value';
export const KEY_HEADERS = { 'x-api-key': ACCOUNT_KEY, 'x-api-secret-key': USER_KEY };

export const NGINX_401 =
  '<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n' +
  '<center><h1>401 Authorization Required</h1></center>\r\n<hr><center>nginx</center>\r\n' +
  '</body>\r\n</html>\r\n';

/** One request as the fake API saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

const ROUTES: Record<string, Handler> = {
  '/v1/': (_req, res) => {
    // The API's own CORS and cookie headers: the relay must replace the one and drop the other.
    res.writeHead(200, {
      'content-type': 'application/json',
      'access-control-allow-origin': '*',
      'set-cookie': 'session=from-the-api; Path=/; HttpOnly',
      'x-rate-limit-remaining': '399',
    });
    res.end(JSON.stringify({ account: { id: 1001, name: 'Redis' } }));
  },
  '/v1/limited': (_req, res) => {
    res.writeHead(429, { 'x-rate-limit-retry-after-seconds': '12' });
    res.end();
  },
  '/v1/echo': (req, res, body) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
  },
  // A redirect elsewhere: the relay must not follow it with the keys.
  '/v1/moved': (_req, res) => {
    res.writeHead(301, { location: 'https://elsewhere.example/v1/' });
    res.end();
  },
  // Not a redirect: passed through as it is.
  '/v1/not-modified': (_req, res) => {
    res.writeHead(304);
    res.end();
  },
  // Never answers: the relay's timeout.
  '/v1/hang': () => {},
};

/**
 * A real HTTP server on 127.0.0.1 that answers like the Redis Cloud API: the nginx HTML 401 unless
 * both keys are right, then 200 JSON or 429 with the retry header. It records every request.
 */
export async function startFakeApi() {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (
        req.headers['x-api-key'] !== ACCOUNT_KEY ||
        req.headers['x-api-secret-key'] !== USER_KEY
      ) {
        res.writeHead(401, { 'content-type': 'text/html', server: 'nginx' });
        res.end(NGINX_401);
        return;
      }
      const route = ROUTES[new URL(req.url ?? '/', 'http://x').pathname];
      if (route) route(req, res, body);
      else {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"status":404,"error":"Not Found"}');
      }
    });
  });
  const url = await listen(server);
  return { url, seen, close: () => close(server) };
}

/** Listens on 127.0.0.1 with a free port and returns the base URL. */
export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Closes a server, including kept-alive and hanging connections. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export interface Answer {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Call {
  method?: string;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer | Iterable<Buffer>;
}

/**
 * One HTTP request with full control over the headers (fetch would not let a test set Host), as a
 * browser or terminal client would send it.
 */
export function call(url: string, { method = 'GET', headers = {}, body }: Call = {}) {
  return new Promise<Answer>((resolve, reject) => {
    // Host, port and path given apart: a URL string would have its dot segments resolved
    // before sending, and the relay must see paths such as /v1/../admin as a client sent them.
    const [, origin = '', path = '/'] = /^(https?:\/\/[^/]+)(.*)$/.exec(url) ?? [];
    const { hostname, port } = new URL(origin);
    const options = { hostname, port, path, method, headers, agent: false };
    const req = httpRequest(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) req.end(body);
    else {
      // Chunked, without Content-Length: the relay only learns the size while reading.
      for (const chunk of body) req.write(chunk);
      req.end();
    }
  });
}
