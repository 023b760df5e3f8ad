/**
 * The `role-permits` rules (FACTS.md, "Preconditions" and the task error types): what a role may
 * do, why a 403 may be the role, and what a failed task says about the role.
 */
import type { ChecklistItem } from '../core/checklist';
import { say } from './claims';
import { DOCS } from './docs-links';
import { makeItem } from './items';

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

/**
 * Task error types about the API key's permissions: only these (FACTS.md, "What customers paste
 * as the answer"). `ACL_ROLE_*` is a database's access control, `*_NOT_ALLOWED_*` the resource.
 */
export function isPermissionType(type: string): boolean {
  return /^(?:UNAUTHORIZED|USER_INSUFFICIENT_ROLE|USER_WITHOUT_OWNER_PERMISSION(?:_\w*)?)$/i.test(
    type.trim(),
  );
}

/**
 * The role after a failed task: `fail` for a permission type (claims permissionTypes, roles),
 * else `pass`: the API accepted the request, and the task's error is about the operation.
 */
export function roleOnFailedTask(type: string, permission: boolean): ChecklistItem {
  if (permission) {
    return makeItem('role-permits', 'fail', {
      summary: `The operation failed with ${type}: the key's role may not do it.`,
      explanation: `${say('permissionTypes')} ${say('roles')}`,
      fix: "Run it again with a key whose user has a role that allows this operation (an Owner for writes); check the user's role in the console (Access Management).",
      docs: DOCS.accessManagement,
    });
  }
  return makeItem('role-permits', 'pass', {
    summary: type
      ? `Holds: ${type} is not about the key's permissions.`
      : "Holds: the API accepted the request; the task's error is about the operation.",
    explanation: say('permissionTypes'),
  });
}
