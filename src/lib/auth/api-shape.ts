import type { ReceivedResponse } from '../core/exchange';
import { jsonObject } from '../core/json';
import { bodyKind, springErrorPath } from './response-body';

/** Top-level fields of the API's own JSON bodies (account, task, list and error shapes). */
const API_FIELDS = [
  'account',
  'accountId',
  'taskId',
  'commandType',
  'subscriptions',
  'entries',
  'paymentMethods',
  'users',
  'regions',
  'cloudAccounts',
];

/**
 * Whether an answer has a shape only the Redis Cloud API is seen to give (FACTS.md, "What the
 * API answers"): the nginx 401 page, the Spring Boot error body for a `/v1/` path, or a JSON
 * object with one of the API's own top-level fields. Used when the paste does not show the host
 * (the shell filled in `$HOST`): such an answer shows the request reached the API.
 */
export function hasApiShape(response: ReceivedResponse): boolean {
  const kind = bodyKind(response.body);
  if (kind === 'nginx-html') return response.status === 401 || /<title>\s*401/i.test(response.body);
  if (kind !== 'json') return false;
  const path = springErrorPath(response.body);
  if (path !== null) return path.startsWith('/v1/');
  const json = jsonObject(response.body);
  return json !== null && API_FIELDS.some((field) => field in json);
}
