/**
 * What the answer adds to the `endpoint` item, which the request stage otherwise decides
 * (`request-stage.ts`): a 404 on an operation of the API (what the path names was not found),
 * and a 404 with no operation list at hand (which of the two cannot be told). Only for a request
 * that shows its keys, and only where the request stage passed the endpoint.
 */
import type { ChecklistItem } from '../../core/checklist';
import type { Answer } from '../answer';
import { say } from '../claims';
import { DOCS } from '../docs-links';
import { makeItem } from '../items';
import { bodyKind } from '../response-body';
import type { Rule } from '../rule';

const isTask = (a: Answer) => /^\/v1\/tasks\/[^/]+$/.test(a.detail.endpoint.path);

export const RULES: readonly Rule[] = [
  {
    name: 'a 404 not shown to be the API',
    claim: 'apiShapes',
    // An empty 404 is one the API is seen to give (claim spring404): only a body that is none
    // of its shapes (an ingress's "default backend - 404", IIS's page) puts the finding in doubt.
    when: (a) =>
      a.kind === 'not-found' && a.notShownFromApi && bodyKind(a.response.body) !== 'empty',
    item: (a) =>
      makeItem('endpoint', 'unknown', {
        summary: `Something answered 404 for ${a.detail.endpoint.path}, in a shape that does not show that the API sent it.`,
        explanation: `${say('status404')} ${say('apiShapes')} Whether the API found nothing there, or something in front of it answered, cannot be told from this answer.`,
        fix: "Paste the whole answer as the tool printed it (its headers and body): the API's own 404 is in the Spring Boot JSON shape, or empty.",
      }),
  },
  {
    name: 'a 404 on an operation',
    claim: 'status404',
    when: (a) => a.kind === 'not-found' && a.detail.endpoint.knownOperation === true,
    item: (a) => {
      const task = isTask(a);
      // An empty 404 is one the API gives, but nothing shows it sent this one: said as likely.
      const shown = !a.notShownFromApi;
      return makeItem('endpoint', 'warn', {
        summary: shown
          ? `${a.detail.endpoint.path} matches an operation of the API, but what it names was not found in this account.`
          : `${a.detail.endpoint.path} matches an operation of the API; if the API sent this empty 404, what it names was not found in this account.`,
        explanation: `The operation exists, so the id in the path is likely wrong or belongs to another account.${task ? ` ${say('newTask404')}` : ''}`,
        fix: task
          ? 'Wait a few seconds and ask again; GET /v1/tasks lists the tasks of the last 10 days.'
          : "Check the id in the path: list the account's resources (e.g. GET /v1/subscriptions) and take it from there.",
        docs: task ? DOCS.tasks : DOCS.useApi,
      });
    },
  },
  {
    name: 'a 404 with no operation list',
    claim: 'notOperation404',
    when: (a) => a.kind === 'not-found' && a.detail.endpoint.item.status === 'pass',
    item: (a) =>
      makeItem('endpoint', 'unknown', {
        summary: `The API found nothing at ${a.detail.endpoint.path}.`,
        explanation:
          'Either the path is not an operation of the API, or the resource it names does not exist; no operation list was at hand to tell which.',
        fix: 'Check the path against the API reference (Swagger UI at https://api.redislabs.com/v1/swagger-ui.html).',
      }),
  },
];

/** The endpoint item the answer shows, if any. */
export function endpointFromAnswer(a: Answer): ChecklistItem | undefined {
  if (a.keysUnshown) return undefined;
  return RULES.find((rule) => rule.when(a))?.item(a);
}
