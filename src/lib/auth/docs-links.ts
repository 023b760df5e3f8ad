import type { DocsLink } from '../core/checklist';

/**
 * Every Redis Cloud docs page the checklist links to, in one place: when the docs move, only
 * this table changes.
 */
export const DOCS = {
  getStarted: {
    title: 'Get started with the REST API',
    url: 'https://redis.io/docs/latest/operate/rc/api/get-started/',
  },
  enableApi: {
    title: 'Enable the API',
    url: 'https://redis.io/docs/latest/operate/rc/api/get-started/enable-the-api/',
  },
  manageKeys: {
    title: 'Manage API keys',
    url: 'https://redis.io/docs/latest/operate/rc/api/get-started/manage-api-keys/',
  },
  useApi: {
    title: 'Use the REST API',
    url: 'https://redis.io/docs/latest/operate/rc/api/get-started/use-rest-api/',
  },
  tasks: {
    title: 'Manage tasks',
    url: 'https://redis.io/docs/latest/operate/rc/api/get-started/process-lifecycle/',
  },
  accessManagement: {
    title: 'Access management',
    url: 'https://redis.io/docs/latest/operate/rc/security/access-control/access-management/',
  },
  systemLogs: {
    title: 'Audit system logs',
    url: 'https://redis.io/docs/latest/operate/rc/logs-reports/system-logs/',
  },
} as const satisfies Record<string, DocsLink>;
