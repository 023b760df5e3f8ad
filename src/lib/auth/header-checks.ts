import type { Header } from '../core/exchange';
import { ACCOUNT_KEY_HEADER, USER_KEY_HEADER } from '../core/checklist';
import type { ChecklistItem, Finding, ItemStatus } from '../core/checklist';
import { makeItem, worse } from './items';
import type { KeyRole } from './key-values';
import { distance } from './text';
import { say } from './claims';

/** A key value found in the request, under the right header name or a misspelled one. */
export interface SentKeyValue {
  role: KeyRole;
  /** The header name as written. */
  header: string;
  value: string;
}

export interface KeyHeaderScan {
  account: ChecklistItem;
  user: ChecklistItem;
  values: SentKeyValue[];
}

const TARGET: Readonly<Record<KeyRole, string>> = {
  account: ACCOUNT_KEY_HEADER,
  user: USER_KEY_HEADER,
};

/** Names seen in the wild for each header (compared after lower-casing, `_` read as `-`). */
const ALIASES: Readonly<Record<string, KeyRole>> = Object.fromEntries([
  ...[
    'api-key',
    'apikey',
    'x-apikey',
    'x-api-keys',
    'x-account-key',
    'x-api-account-key',
    'account-key',
    'access-key',
    'x-access-key',
    'x-api-access-key',
    'x-redis-api-key',
  ].map((name) => [name, 'account' as const]),
  ...[
    'x-api-secret',
    'x-secret-key',
    'x-api-key-secret',
    'api-secret',
    'api-secret-key',
    'secret-key',
    'secret',
    'x-secret',
    'x-user-key',
    'x-api-user-key',
    'user-key',
    'x-api-secretkey',
    'x-apisecretkey',
    'x-api-secret-keys',
  ].map((name) => [name, 'user' as const]),
]);

/** Which key header a wrongly spelled name was meant to be, or null for an unrelated header. */
export function misspelledKeyHeader(name: string): KeyRole | null {
  const raw = name.trim().toLowerCase();
  if (raw === ACCOUNT_KEY_HEADER || raw === USER_KEY_HEADER) return null;
  const normalized = raw.replace(/_/g, '-');
  const alias = ALIASES[normalized];
  if (alias) return alias;
  const toAccount = distance(normalized, ACCOUNT_KEY_HEADER);
  const toUser = distance(normalized, USER_KEY_HEADER);
  if (Math.min(toAccount, toUser) > 2) return null;
  return toAccount <= toUser ? 'account' : 'user';
}

const HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

function headerItem(role: KeyRole, headers: readonly Header[], values: SentKeyValue[]) {
  const target = TARGET[role];
  const id = role === 'account' ? 'account-key-header' : 'secret-key-header';
  const keyName = role === 'account' ? 'account key' : 'user key';
  const findings: Finding[] = [];
  const severities: ItemStatus[] = [];
  const add = (severity: ItemStatus, message: string, header?: string) => {
    severities.push(severity);
    findings.push(header === undefined ? { message } : { header, message });
  };

  const exact = headers.filter((h) => h.name.trim().toLowerCase() === target);
  const misspelled = headers.filter((h) => misspelledKeyHeader(h.name) === role);
  for (const h of exact) values.push({ role, header: h.name, value: h.value });
  for (const h of misspelled) {
    const name = h.name.trim();
    add(
      exact.length > 0 ? 'warn' : 'fail',
      `${name} is not a header the API reads: did you mean ${target}?`,
      h.name,
    );
    if (exact.length === 0) values.push({ role, header: h.name, value: h.value });
  }
  if (exact.length === 0 && misspelled.length === 0) {
    add('fail', `No ${target} header: every request must carry the ${keyName} in ${target}.`);
  }
  if (exact.length > 1) {
    const distinct = new Set(exact.map((h) => h.value)).size;
    add(
      distinct > 1 ? 'fail' : 'warn',
      distinct > 1
        ? `${target} is sent ${exact.length} times with different values: the API likely reads one of them, or all joined by commas. Send it once.`
        : `${target} is sent ${exact.length} times with the same value: fetch joins repeated headers with a comma and other tools send every line. Send it once.`,
      exact[1]?.name,
    );
  }
  for (const h of exact) {
    if (h.value.replace(HTTP_WHITESPACE, '') === '') {
      add('fail', `${target} is present but its value is empty.`, h.name);
    }
  }
  if (role === 'user') {
    const token = headers.find((h) => h.name.trim().toLowerCase() === 'x-auth-token');
    if (token) {
      add(
        'warn',
        `x-auth-token is not needed: the API authenticates with x-api-key and x-api-secret-key${exact.length === 0 ? ', and x-auth-token does not replace x-api-secret-key' : ''}. Leave it out.`,
        token.name,
      );
    }
  } else {
    const auth = headers.find((h) => h.name.trim().toLowerCase() === 'authorization');
    if (auth) {
      add(
        'warn',
        'The API does not read the Authorization header: the keys go in x-api-key and x-api-secret-key. Leave it out.',
        auth.name,
      );
    }
  }

  const status = severities.reduce<ItemStatus>(worse, 'pass');
  const worst = findings[severities.indexOf(status)]?.message;
  return makeItem(id, status, {
    summary: worst ?? `${target} is present once, with a value.`,
    explanation:
      status === 'pass'
        ? `${say('bothHeaders')} Header names are compared without case.`
        : `${say('bothHeaders')} Send the ${keyName} once, in a header named ${target} (in any letter case). ${role === 'user' ? 'The docs used to call it the secret key, which is why names with "secret" are common.' : 'Third-party tools call it the API key or access key, which is why other names are common.'}`,
    ...(status === 'pass'
      ? {}
      : { fix: `Send the ${keyName} once, in a header named exactly ${target}.` }),
    findings,
  });
}

/**
 * The two header items (`account-key-header`, `secret-key-header`) and every key value the
 * request carries, tagged with the key it is meant to be: values under a misspelled name are
 * kept so that the value checks still run on them. Never throws.
 */
export function scanKeyHeaders(headers: readonly Header[]): KeyHeaderScan {
  const values: SentKeyValue[] = [];
  const account = headerItem('account', headers, values);
  const user = headerItem('user', headers, values);
  return { account, user, values };
}
