import type { DiagnoseContext } from '../core/checklist';
import type { Exchange } from '../core/exchange';
import type { Learned, Profile } from './schema';

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * What a `GET /v1/` 200 body teaches about the keys (shape in FACTS.md: `account.id`,
 * `account.name`, and under `account.key`: `name`, `allowedSourceIps`, `httpSourceIp`,
 * `owner.name`). Returns null unless the body is JSON with a numeric `account.id`: an HTML
 * error page or another endpoint's body teaches nothing. Fields of an unexpected type are left
 * out rather than failing the whole body. `at` is the ISO time of the request.
 */
export function learnFromAccountBody(body: string, at: string): Learned | null {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return null;
  }
  const account = record(record(data)?.['account']);
  const accountId = account?.['id'];
  if (account === undefined || typeof accountId !== 'number' || !Number.isFinite(accountId)) {
    return null;
  }
  const key = record(account['key']);
  const learned: Learned = { accountId, at };
  const accountName = text(account['name']) ?? text(key?.['accountName']);
  if (accountName !== undefined) learned.accountName = accountName;
  const keyName = text(key?.['name']);
  if (keyName !== undefined) learned.keyName = keyName;
  const allowed = key?.['allowedSourceIps'];
  if (Array.isArray(allowed) && allowed.every((ip) => typeof ip === 'string')) {
    learned.allowedSourceIps = [...(allowed as string[])];
  }
  const httpSourceIp = text(key?.['httpSourceIp']);
  if (httpSourceIp !== undefined) learned.httpSourceIp = httpSourceIp;
  const ownerName = text(record(key?.['owner'])?.['name']);
  if (ownerName !== undefined) learned.ownerName = ownerName;
  return learned;
}

/**
 * What an exchange teaches a profile: only a 200 answer to `GET /v1/` does (see
 * `learnFromAccountBody`); null for anything else.
 */
export function learnFromExchange(exchange: Exchange): Learned | null {
  const { request, response } = exchange;
  if (request.method !== 'GET' || response?.status !== 200) return null;
  let path: string;
  try {
    path = new URL(request.url).pathname;
  } catch {
    return null;
  }
  if (!/^\/v1\/?$/.test(path)) return null;
  return learnFromAccountBody(response.body, exchange.startedAt ?? new Date().toISOString());
}

/**
 * The key name the system log will show as `apiKeyName` for create, update and delete
 * requests made with this profile: what the API itself reported, else what the user typed.
 */
export function auditKeyName(profile: Pick<Profile, 'keyName' | 'learned'>): string | undefined {
  return profile.learned?.keyName ?? profile.keyName;
}

/** The part of `diagnose()`'s context a profile provides: what it learned and what it was told. */
export function diagnoseContextOf(
  profile: Pick<Profile, 'learned' | 'allowList'>,
): Pick<DiagnoseContext, 'learned' | 'declaredAllowList'> {
  const context: Pick<DiagnoseContext, 'learned' | 'declaredAllowList'> = {};
  if (profile.learned !== undefined) context.learned = { ...profile.learned };
  if (profile.allowList !== undefined) context.declaredAllowList = [...profile.allowList];
  return context;
}
