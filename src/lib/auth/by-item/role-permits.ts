/**
 * The `role-permits` item (FACTS.md, "Preconditions" and the task error types), its rules in
 * order after the shared ones (`conditionRules`): a 401 (not reached); a 403 (a suspect beside
 * the source IP, ranked by what the profile knows of the role and whether the request writes);
 * a 2xx from the API (holds, for this method); a failed task (`fail` only for the permission
 * types, `isPermissionType`).
 */
import { say } from '../claims';
import { DOCS } from '../docs-links';
import { makeItem, skippedItem, unknownItem } from '../items';
import { kindIs } from '../rule';
import type { Rule } from '../rule';
import { isPermissionType, taskType } from '../task-line';
import { conditionRules } from './conditions';
import { forbidden } from './forbidden';

/** What a role may do through the API (FACTS.md, "Preconditions"); null for a role not listed. */
export function roleAllows(role: string, method: string, path: string): boolean | null {
  const verb = method.trim().toUpperCase();
  switch (role.trim().toLowerCase()) {
    case 'owner':
      return true;
    case 'viewer':
      return verb === 'GET';
    case 'logs viewer':
      return verb === 'GET' && /^\/v1\/logs\/?$/.test(path);
    case 'billing admin':
      // Billing data: payment methods and the cost report; the docs list no other path for it.
      return verb === 'GET' && /^\/v1\/(?:payment-methods|cost-report)(?:\/|$)/.test(path);
    case 'manager':
    case 'member':
      return false;
    default:
      return null;
  }
}

/** `GET /v1/logs`, the one request a Logs-viewer key may send. */
export function isLogsRead(verb: string, path: string): boolean {
  return verb === 'GET' && /^\/v1\/logs\/?$/.test(path);
}

/**
 * Why the role may or may not explain a 403, in order: the role as the profile knows it (may
 * send it: less likely; may not: likely, claims memberStatus or roleGets403); a write (Viewer
 * and Logs viewer may not); GET /v1/logs (every role that may use the API may); any other GET.
 */
export function roleWhyOn403(
  role: string | undefined,
  allowed: boolean | null,
  verb: string,
  path: string,
): string {
  const write = WRITES.has(verb);
  const logsOnly = isLogsRead(verb, path);
  const roleKnown =
    role && allowed !== null
      ? allowed
        ? `This key's user is ${role}, as this profile knows it, and ${role} may send ${verb} ${path}, which makes the role the less likely cause.`
        : `This key's user is ${role}, as this profile knows it, and ${role} may not send ${verb} ${path}${/billing/i.test(role) ? ' (billing data only)' : ''}: that alone likely explains a 403. ${role === 'Manager' || role === 'Member' ? say('memberStatus') : say('roleGets403')}`
      : null;
  return roleKnown
    ? roleKnown
    : write
      ? `${verb} is a write: a Viewer key may only send GET requests and a Logs-viewer key only GET /v1/logs, which makes the role the likelier cause.`
      : logsOnly
        ? 'GET /v1/logs is allowed for Owner, Viewer and Logs-viewer keys, so the role is the less likely cause.'
        : `A Logs-viewer key may only send GET /v1/logs and a Billing-admin key may only read billing data, so a key of either role gets a 403 here.`;
}

export const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const RULES: readonly Rule[] = [
  ...conditionRules('role-permits'),
  {
    name: 'a 401',
    claim: 'status401',
    when: kindIs('auth-failed'),
    item: () =>
      skippedItem(
        'role-permits',
        "Not reached: authentication failed, and a key's role matters only once it authenticates.",
      ),
  },
  {
    name: 'a 403',
    claim: 'roleGets403',
    when: kindIs('forbidden'),
    item: (a) => {
      const { roleRank } = forbidden(a);
      const path = a.detail.endpoint.path;
      const role = a.context?.keyRole?.trim();
      const allowed = role ? roleAllows(role, a.verb, path) : null;
      const why = `${say('roles')} ${roleWhyOn403(role, allowed, a.verb, path)}`;
      if (roleRank === undefined && allowed === true && role) {
        return makeItem('role-permits', 'unknown', {
          summary: `Likely holds: ${role} may send ${a.verb} ${path}, as this profile knows the role.`,
          explanation: why,
        });
      }
      if (roleRank === undefined) {
        return unknownItem('role-permits', 'Cannot be told until the address is allowed.', why);
      }
      return makeItem('role-permits', 'suspect', {
        summary:
          allowed === false && role
            ? `Likely the cause: ${role} may not send ${a.verb} ${path}.`
            : `Possible: the key's role does not allow ${a.verb} ${path}.`,
        explanation: why,
        fix: "Check the role of the key's user in the console (Access Management); for writes, use a key of an Owner.",
        rank: roleRank,
        docs: isLogsRead(a.verb, path) ? DOCS.systemLogs : DOCS.accessManagement,
      });
    },
  },
  {
    name: 'a write whose task has not ended',
    claim: 'permissionTypes',
    when: (a) => a.kind === 'success' && a.pendingTask !== null && a.verb !== 'GET',
    item: (a) =>
      makeItem('role-permits', 'unknown', {
        summary: `Not shown yet: the API accepted this ${a.verb} and made task ${a.pendingTask}; whether the key's role may make the change shows when the task ends.`,
        explanation: `${say('permissionTypes')} ${say('roles')}`,
        fix: `Follow the task to its end: GET /v1/tasks/${a.pendingTask}.`,
        docs: DOCS.tasks,
      }),
  },
  {
    name: 'a 2xx from the API',
    claim: 'roles',
    when: kindIs('success'),
    item: (a) =>
      makeItem('role-permits', 'pass', {
        summary: `Holds: the key's role allows ${a.verb} ${a.detail.endpoint.path}.`,
        explanation:
          a.verb === 'GET'
            ? 'The API answered this GET. This says nothing about writes: a Viewer key may only send GET requests, and a Logs-viewer key only GET /v1/logs.'
            : 'The API accepted this write, which only an Owner key (or a role allowed this operation) may do.',
      }),
  },
  {
    name: 'a task failed for a permission',
    claim: 'permissionTypes',
    when: (a) => a.kind === 'task' && isPermissionType(a.task?.type ?? ''),
    item: (a) =>
      makeItem('role-permits', 'fail', {
        summary: `The operation failed with ${taskType(a.task)}: the key's role may not do it.`,
        explanation: `${say('permissionTypes')} ${say('roles')}`,
        fix: "Run it again with a key whose user has a role that allows this operation (an Owner for writes); check the user's role in the console (Access Management).",
        docs: DOCS.accessManagement,
      }),
  },
  {
    name: 'a task failed',
    claim: 'permissionTypes',
    when: kindIs('task'),
    item: (a) => {
      const type = taskType(a.task);
      return makeItem('role-permits', 'pass', {
        summary: type
          ? `Holds: ${type} is not about the key's permissions.`
          : "Holds: the API accepted the request; the task's error is about the operation.",
        explanation: say('permissionTypes'),
      });
    },
  },
];
