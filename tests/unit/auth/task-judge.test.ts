/**
 * Issue 18, item 4: a failed task from every source goes through one judge: the keys pass, the
 * verdict follows the task error's status, and only FACTS.md's permission types point at the role.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { diagnose } from '../../../src/lib/auth/diagnose';
import { say } from '../../../src/lib/auth/claims';
import { failedTaskIn } from '../../../src/lib/auth/task-line';
import { isPermissionType } from '../../../src/lib/auth/task-line';
import type { ItemStatus, Verdict } from '../../../src/lib/core/checklist';
import type { Exchange } from '../../../src/lib/core/exchange';
import { isKnownOperation, item, request, response } from './helpers';

const SUBSCRIPTIONS = 'https://api.redislabs.com/v1/subscriptions';

function pasted(status: number | null, body: string): Exchange {
  return {
    source: 'pasted',
    request: request({ method: 'POST', url: SUBSCRIPTIONS }),
    response: response(status, body),
  };
}

const jsonTask = (type: string, status: string, description = 'x') =>
  JSON.stringify({
    taskId: 'e0b3e3b5-4a4c-4b4f-9e8e-2f7a1d1c0a11',
    commandType: 'subscriptionCreateRequest',
    status: 'processing-error',
    description: 'Task request failed during processing.',
    response: { error: { type, status, description } },
  });
const goLine = (type: string, status: string, description = 'x') =>
  `Error: ${status} - ${type}: ${description}`;
const terraformBox = (type: string, status: string, description = 'x') =>
  [
    '╷',
    `│ Error: ${status} - ${type}: ${description}`,
    '│ ',
    '│   with rediscloud_subscription.example,',
    '│   on main.tf line 12, in resource "rediscloud_subscription" "example":',
    '╵',
  ].join('\n');
const oldProviderLog = (type: string, status: string, description = 'x') =>
  [
    '2021-03-01T10:00:00.000Z [DEBUG] plugin.terraform-provider-rediscloud_v0.2.1: {',
    '2021-03-01T10:00:00.000Z [DEBUG] plugin.terraform-provider-rediscloud_v0.2.1:   "taskId" : "e0b3e3b5",',
    '2021-03-01T10:00:00.000Z [DEBUG] plugin.terraform-provider-rediscloud_v0.2.1:   "status" : "processing-error",',
    '2021-03-01T10:00:00.000Z [DEBUG] plugin.terraform-provider-rediscloud_v0.2.1:   "response" : {',
    '2021-03-01T10:00:00.000Z [DEBUG] plugin.terraform-provider-rediscloud_v0.2.1:     "error" : {',
    `2021-03-01T10:00:00.000Z [DEBUG] plugin.terraform-provider-rediscloud_v0.2.1:       "type" : "${type}",`,
    `2021-03-01T10:00:00.000Z [DEBUG] plugin.terraform-provider-rediscloud_v0.2.1:       "status" : "${status}",`,
    `2021-03-01T10:00:00.000Z [DEBUG] plugin.terraform-provider-rediscloud_v0.2.1:       "description" : "${description}"`,
  ].join('\n');

type Source = (type: string, status: string, description?: string) => string;
const SOURCES: Array<[string, Source, number | null]> = [
  ['JSON task body', jsonTask, 200],
  ['Go client line (as the Terraform reader carries it: a 200 with a text body)', goLine, 200],
  ["Terraform's box", terraformBox, 200],
  ["an old provider's debug log", oldProviderLog, null],
];

interface Row {
  type: string;
  status: string;
  verdict: Verdict;
  role: ItemStatus;
}

const ROWS: Row[] = [
  {
    type: 'GENERAL_ERROR',
    status: '500 INTERNAL_SERVER_ERROR',
    verdict: 'server-error',
    role: 'pass',
  },
  {
    type: 'PAYMENT_INFO_NOT_PROVIDED',
    status: '400 BAD_REQUEST',
    verdict: 'request-error',
    role: 'pass',
  },
  {
    type: 'SUBSCRIPTION_NOT_ACTIVE',
    status: '403 FORBIDDEN',
    verdict: 'request-error',
    role: 'pass',
  },
  { type: 'ACL_ROLE_NOT_FOUND', status: '404 NOT_FOUND', verdict: 'request-error', role: 'pass' },
  {
    type: 'CLOUD_ACCOUNT_PERMISSION_FAILED',
    status: '400 BAD_REQUEST',
    verdict: 'request-error',
    role: 'pass',
  },
  {
    type: 'DATABASE_NOT_ALLOWED_IN_REGION',
    status: '400 BAD_REQUEST',
    verdict: 'request-error',
    role: 'pass',
  },
  { type: 'USER_INSUFFICIENT_ROLE', status: '403 FORBIDDEN', verdict: 'forbidden', role: 'fail' },
  { type: 'UNAUTHORIZED', status: '401 UNAUTHORIZED', verdict: 'forbidden', role: 'fail' },
  {
    type: 'USER_WITHOUT_OWNER_PERMISSION_FOR_ACCOUNT',
    status: '403 FORBIDDEN',
    verdict: 'forbidden',
    role: 'fail',
  },
  {
    type: 'TOO_MANY_REQUESTS',
    status: '429 TOO_MANY_REQUESTS',
    verdict: 'rate-limited',
    role: 'pass',
  },
];

const KEYS = ['keys-valid', 'same-account', 'source-ip', 'api-enabled'] as const;

describe('one task judge for every source', () => {
  for (const [source, write, status] of SOURCES) {
    test.each(ROWS)(
      `${source}: $type -> $verdict`,
      ({ type, status: taskStatus, verdict, role }) => {
        const checklist = diagnose(pasted(status, write(type, taskStatus)), { isKnownOperation });
        expect(checklist.verdict).toBe(verdict);
        for (const id of KEYS) expect(item(checklist, id).status, id).toBe('pass');
        expect(item(checklist, 'keys-valid').explanation).toContain(say('failedTaskAuthenticated'));
        expect(item(checklist, 'role-permits').status).toBe(role);
        expect(item(checklist, 'role-permits').explanation).toContain(say('permissionTypes'));
        expect(checklist.headline).not.toMatch(/Nothing to fix/);
      },
    );
  }

  test('redisctl: Task <id>: processing-error', () => {
    const c = diagnose(
      pasted(null, 'Task 5f3c1a2b-77: processing-error\nCloud API error: see the task'),
      {
        isKnownOperation,
      },
    );
    expect(c.verdict).toBe('request-error');
    for (const id of KEYS) expect(item(c, id).status).toBe('pass');
  });

  test('only the three permission types are the role', () => {
    expect(isPermissionType('UNAUTHORIZED')).toBe(true);
    expect(isPermissionType('USER_INSUFFICIENT_ROLE')).toBe(true);
    expect(isPermissionType('USER_WITHOUT_OWNER_PERMISSION_TO_DELETE')).toBe(true);
    for (const t of [
      'ACL_ROLE_NOT_FOUND',
      'ACL_REDIS_RULE_INVALID',
      'SUBSCRIPTION_NOT_ALLOWED_X',
      'CLOUD_ACCOUNT_PERMISSION_FAILED',
    ]) {
      expect(isPermissionType(t), t).toBe(false);
    }
  });

  test('an HTTP error from the Go client is not a task', () => {
    expect(failedTaskIn('failed to list subscriptions: 401 - <html>...</html>')).toBeNull();
    expect(failedTaskIn('{"taskId":"t","status":"processing-completed"}')).toBeNull();
  });

  test('property: a failed task from any source passes the keys and is never ok', () => {
    const type = fc.stringMatching(/^[A-Z][A-Z0-9_]{2,40}$/);
    const code = fc.integer({ min: 400, max: 599 });
    const words = fc.stringMatching(/^[A-Z][A-Z_]{2,20}$/);
    const description = fc.stringMatching(/^[A-Za-z0-9 ,.'-]{0,60}$/);
    const source = fc.constantFrom(...SOURCES);
    fc.assert(
      fc.property(type, code, words, description, source, (t, c, w, d, [, write, status]) => {
        const checklist = diagnose(pasted(status, write(t, `${c} ${w}`, d)), { isKnownOperation });
        expect(checklist.verdict).not.toBe('ok');
        for (const id of KEYS) expect(item(checklist, id).status).toBe('pass');
      }),
      { numRuns: 300 },
    );
  });
});
