import type {
  Exchange,
  Header,
  ReceivedResponse,
  SentRequest,
} from '../../../src/lib/core/exchange';
import type { Checklist, ChecklistItem, ItemId } from '../../../src/lib/core/checklist';

export const ACCOUNT_KEY = 'A1b2C3d4E5f6G7h8I9j0acct';
export const USER_KEY = 'U9t8S7r6Q5p4O3n2M1l0user';

export function keyHeaders(account = ACCOUNT_KEY, user = USER_KEY): Header[] {
  return [
    { name: 'x-api-key', value: account },
    { name: 'x-api-secret-key', value: user },
  ];
}

export function request(overrides: Partial<SentRequest> = {}): SentRequest {
  return {
    method: 'GET',
    url: 'https://api.redislabs.com/v1/',
    headers: keyHeaders(),
    ...overrides,
  };
}

export function response(
  status: number | null,
  body = '',
  headers: Header[] = [],
): ReceivedResponse {
  return { status, statusText: '', headers, body, size: new TextEncoder().encode(body).length };
}

export function answered(
  status: number | null,
  body = '',
  headers: Header[] = [],
  req: Partial<SentRequest> = {},
): Exchange {
  return { source: 'network', request: request(req), response: response(status, body, headers) };
}

export function item(checklist: Checklist | ChecklistItem[], id: ItemId): ChecklistItem {
  const items = Array.isArray(checklist) ? checklist : checklist.items;
  const found = items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

/** Every text a person reads in a checklist, for leak checks. */
export function allText(checklist: Checklist | ChecklistItem[]): string {
  const items = Array.isArray(checklist) ? checklist : checklist.items;
  const head = Array.isArray(checklist) ? '' : checklist.headline;
  return [
    head,
    ...items.flatMap((i) => [
      i.title,
      i.summary,
      i.explanation,
      i.fix ?? '',
      ...(i.findings ?? []).flatMap((f) => [f.message, f.header ?? '']),
    ]),
  ].join('\n');
}

export const ACCOUNT_BODY = JSON.stringify({
  account: {
    id: 1001,
    name: 'Redis',
    createdTimestamp: '2024-01-01T00:00:00Z',
    updatedTimestamp: '2024-01-01T00:00:00Z',
    pocStatus: 'inactive',
    marketplaceStatus: 'active',
    key: {
      name: 'capi-api-key-name',
      accountId: 1001,
      accountName: 'Redis',
      allowedSourceIps: ['0.0.0.0/0'],
      createdTimestamp: '2024-01-01T00:00:00Z',
      owner: { name: 'CAPI user', email: 'capi.user@redis.com' },
      userAccountId: 1,
      httpSourceIp: '79.0.0.173',
    },
  },
});

export function accountBody(allowedSourceIps: string[], httpSourceIp: string, id = 1001): string {
  const body = JSON.parse(ACCOUNT_BODY) as {
    account: {
      id: number;
      key: { allowedSourceIps: string[]; httpSourceIp: string; accountId: number };
    };
  };
  body.account.id = id;
  body.account.key.accountId = id;
  body.account.key.allowedSourceIps = allowedSourceIps;
  body.account.key.httpSourceIp = httpSourceIp;
  return JSON.stringify(body);
}

export const NGINX_401 =
  '<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n<center><h1>401 Authorization Required</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

export const SPRING_404 =
  '{"timestamp":"2025-01-17T09:34:25.803+00:00","status":404,"error":"Not Found","path":"/v1/subscriptions/114019/private-link"}';

/** A tiny catalog: enough operations to tell known from unknown. */
export function isKnownOperation(method: string, path: string): boolean {
  const ops: Array<[string, RegExp]> = [
    ['GET', /^\/v1\/$/],
    ['GET', /^\/v1\/subscriptions$/],
    ['POST', /^\/v1\/subscriptions$/],
    ['GET', /^\/v1\/subscriptions\/\d+$/],
    ['DELETE', /^\/v1\/subscriptions\/\d+$/],
    ['GET', /^\/v1\/subscriptions\/\d+\/private-link$/],
    ['GET', /^\/v1\/tasks\/[^/]+$/],
    ['GET', /^\/v1\/logs$/],
  ];
  return ops.some(([m, re]) => m === method && re.test(path));
}
