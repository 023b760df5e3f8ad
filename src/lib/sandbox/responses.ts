/**
 * The bodies and headers the sandbox answers with, in the shapes FACTS.md records from real
 * traffic. No `Date` header on purpose: two refusals must stay byte-identical whatever the time.
 */
import { reasonPhrase } from '../core/http-status';

/**
 * The nginx page the real API sends for every authentication failure. The same bytes for a
 * wrong key, a pair from two accounts and a disabled API: the API never says which.
 */
export const NGINX_401_BODY =
  '<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n' +
  '<center><h1>401 Authorization Required</h1></center>\r\n<hr><center>nginx</center>\r\n' +
  '</body>\r\n</html>\r\n';

export function unauthorized(): Response {
  return new Response(NGINX_401_BODY, {
    status: 401,
    statusText: 'Unauthorized',
    headers: { 'content-type': 'text/html', server: 'nginx' },
  });
}

/** Spring Boot's error time format, e.g. `2025-01-17T09:34:25.803+00:00`. */
export function springTimestamp(now: number): string {
  return new Date(now).toISOString().replace('Z', '+00:00');
}

/** The API's usual timestamp format, e.g. `2018-12-23T15:15:31Z` (no milliseconds). */
export function apiTimestamp(now: number): string {
  return new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A Spring Boot error body: `{timestamp, status, error, path}`. Seen for 404 in real traffic.
 * For 400, 403 and 429 the real body is not documented; the same shape is assumed because the
 * API behind nginx is a Spring application and this is Spring's default for every error.
 */
export function springError(
  status: 400 | 403 | 404 | 429,
  path: string,
  now: number,
  headers: Record<string, string> = {},
): Response {
  const error = reasonPhrase(status) || 'Error';
  const body = { timestamp: springTimestamp(now), status, error, path };
  return json(body, status, headers, error);
}

export function notFound(path: string, now: number): Response {
  return springError(404, path, now);
}

/**
 * The one 403 for both a blocked source IP and a role that may not do this. Its real body is not
 * documented (assumed: Spring's default error shape); whatever it is, the sandbox keeps the two
 * causes indistinguishable, as the OpenAPI document gives only one meaning for 403.
 */
export function forbidden(path: string, now: number): Response {
  return springError(403, path, now);
}

/** 429 with the wait the Go client and the docs mention. Its body shape is assumed. */
export function tooManyRequests(path: string, now: number, retryAfterSeconds: number): Response {
  return springError(429, path, now, {
    'x-rate-limit-retry-after-seconds': String(retryAfterSeconds),
  });
}

export function json(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
  statusText = status === 200 ? 'OK' : status === 202 ? 'Accepted' : '',
): Response {
  return new Response(JSON.stringify(body), {
    status,
    statusText,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/**
 * The 400 for a request the document's schema refuses: Spring's error shape with a `message`
 * that names the field. The real body of such a 400 is not documented: this shape is the
 * sandbox's assumption, and its inside view says so.
 */
export function badRequest(path: string, now: number, message: string): Response {
  const body = {
    timestamp: springTimestamp(now),
    status: 400,
    error: 'Bad Request',
    message,
    path,
  };
  return json(body, 400, {}, 'Bad Request');
}
