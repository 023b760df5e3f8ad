/**
 * Real HTTP servers on 127.0.0.1 for the browser tests: one that answers like the Redis Cloud
 * API and sends CORS headers to the app's page, and the same one without CORS headers (as the
 * real API most likely behaves towards a browser). Each records the requests it received.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// Obviously fake keys, long and distinctive so a leak is easy to spot.
export const ACCOUNT_KEY = 'acctE2Enet7f3a9c1d5b2e8f4a6c0d9';
export const USER_KEY = 'userE2Enet0b9c8d7e6f5a4b3c2d1e0';

export const NGINX_401 =
  '<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n' +
  '<center><h1>401 Authorization Required</h1></center>\r\n<hr><center>nginx</center>\r\n' +
  '</body>\r\n</html>\r\n';

export const ACCOUNT_BODY = JSON.stringify({
  account: {
    id: 1001,
    name: 'Redis',
    key: {
      name: 'e2e-api-key-name',
      accountId: 1001,
      accountName: 'Redis',
      allowedSourceIps: ['0.0.0.0/0'],
      owner: { name: 'E2E user', email: 'e2e@example.com' },
      userAccountId: 1,
      httpSourceIp: '203.0.113.7',
    },
  },
});

/** About 5 MB of JSON, for the large-body test. */
export const BIG_BODY = JSON.stringify({
  cloudAccounts: Array.from({ length: 65_000 }, (_, id) => ({
    id,
    name: `cloud-account-${id}`,
    provider: 'AWS',
    status: 'active',
  })),
});

export interface SeenRequest {
  method: string;
  path: string;
}

type Route = (res: ServerResponse, headers: Record<string, string>) => void;

const json =
  (status: number, body: string): Route =>
  (res, headers) => {
    res.writeHead(status, { ...headers, 'content-type': 'application/json' });
    res.end(body);
  };

const ROUTES: Record<string, Route> = {
  '/v1/': json(200, ACCOUNT_BODY),
  // The API's 403: the key's allow list or role refused it.
  '/v1/subscriptions': json(403, ''),
  '/v1/logs': (res, headers) => {
    res.writeHead(429, {
      ...headers,
      'content-type': 'application/json',
      'x-rate-limit-retry-after-seconds': '17',
    });
    res.end('{"status":429,"error":"Too Many Requests"}');
  },
  '/v1/cloud-accounts': json(200, BIG_BODY),
  // A redirect back to /v1/: a client that followed it would show up in `seen` and get a 200.
  '/v1/moved': (res, headers) => {
    res.writeHead(302, { ...headers, location: '/v1/' });
    res.end();
  },
  // Answers after ten seconds: longer than the test's timeout.
  '/v1/users': (res, headers) => {
    const timer = setTimeout(() => json(200, '{"users":[]}')(res, headers), 10_000);
    res.on('close', () => clearTimeout(timer));
  },
};

export interface FakeApi {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/**
 * Starts the fake API on a free port. With `cors`, answers preflight and adds
 * `access-control-allow-origin` for the requesting page, and exposes the rate-limit header.
 */
export async function startFakeApi(options: { cors: boolean }): Promise<FakeApi> {
  const seen: SeenRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const origin = req.headers.origin;
    const cors: Record<string, string> =
      options.cors && origin
        ? {
            'access-control-allow-origin': origin,
            'access-control-expose-headers': 'x-rate-limit-retry-after-seconds',
            vary: 'Origin',
          }
        : {};
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        ...(options.cors
          ? {
              'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
              'access-control-allow-headers': 'x-api-key, x-api-secret-key, content-type',
            }
          : {}),
      });
      res.end();
      return;
    }
    // The no-cors probe asks for "/": not an API request, so not counted.
    if (path !== '/') seen.push({ method: req.method ?? '', path });
    req.resume();
    if (req.headers['x-api-key'] !== ACCOUNT_KEY || req.headers['x-api-secret-key'] !== USER_KEY) {
      res.writeHead(path === '/' ? 404 : 401, {
        ...cors,
        'content-type': 'text/html',
        server: 'nginx',
      });
      res.end(path === '/' ? '' : NGINX_401);
      return;
    }
    const route = ROUTES[path];
    if (route) route(res, cors);
    else json(404, `{"status":404,"error":"Not Found","path":"${path}"}`)(res, cors);
  });
  const url = await listen(server);
  return { url, seen, close: () => close(server) };
}

export function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

export function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A loopback port nothing listens on: taken, then let go. */
export async function closedPort(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  await close(server);
  return url;
}
