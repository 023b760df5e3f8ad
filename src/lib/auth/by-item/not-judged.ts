/**
 * The rules every condition item shares, first in each item's list (`keys-valid` through
 * `rate-limit`): the answers that say nothing about any condition, because nothing came back,
 * something else answered, or nothing shows the API did. Each condition is then `skipped` (not
 * reached) or `unknown`, with the reason the kind of answer gives.
 */
import { skippedItem, unknownItem } from '../items';
import type { Answer } from '../answer';
import type { AnswerItemId } from '../judged';
import { kindIs } from '../rule';
import type { Rule } from '../rule';
import { NOT_SENT_KINDS } from '../transport';

/** One rule that gives every condition the same `unknown` text. */
function unknownFor(
  name: string,
  kind: Answer['kind'],
  claim: Rule['claim'],
  summary: (a: Answer) => string,
  explanation: (a: Answer) => string,
): (id: AnswerItemId) => Rule {
  return (id) => ({
    name,
    claim,
    when: kindIs(kind),
    item: (a) => unknownItem(id, summary(a), explanation(a)),
  });
}

const SHARED: ReadonlyArray<(id: AnswerItemId) => Rule> = [
  (id) => ({
    name: 'no answer at hand',
    claim: 'apiShapes',
    when: kindIs('not-given'),
    item: (a) =>
      skippedItem(
        id,
        a.exchange.source === 'pasted'
          ? 'Only the request is at hand: no answer was pasted.'
          : 'The request has not been sent.',
      ),
  }),
  (id) => ({
    name: 'the browser withheld the answer',
    claim: 'cors',
    when: (a) => a.kind === 'failure' && a.exchange.failure?.kind === 'cors',
    item: () =>
      unknownItem(
        id,
        'Cannot be told: the browser withheld the answer.',
        'The API may have judged this, but the browser did not let the page read its answer.',
      ),
  }),
  (id) => ({
    name: 'no answer came back',
    claim: 'toolNoAnswer',
    when: kindIs('failure'),
    item: (a) =>
      skippedItem(
        id,
        a.exchange.failure && NOT_SENT_KINDS.has(a.exchange.failure.kind)
          ? `Not reached: the ${a.exchange.source === 'pasted' ? 'client' : 'browser'} did not send the request.`
          : 'Not reached: no answer came back.',
      ),
  }),
  unknownFor(
    'a preflight only',
    'preflight',
    'cors',
    () => 'Cannot be told: only the preflight is here, and it carries no keys.',
    () => 'The keys go only on the request itself, which the preflight guards.',
  ),
  unknownFor(
    'a host the paste does not show',
    'unshaped',
    'apiShapes',
    () => 'Cannot be told: where the request went is not known.',
    () => 'Only an answer from the API says anything about the keys.',
  ),
  unknownFor(
    'no status',
    'status-unknown',
    'apiShapes',
    () => 'Cannot be told: the status is unknown.',
    () => 'Without the status, the answer does not show whether the request authenticated.',
  ),
  unknownFor(
    'a redirect',
    'redirect',
    'v1Paths',
    () => 'Cannot be told: the answer was a redirect.',
    () => 'A redirect comes before any check of the keys, so it says nothing about them.',
  ),
  unknownFor(
    'another host or no operation',
    'not-from-api',
    'v1Paths',
    () => 'Cannot be told: the answer did not come from the Redis Cloud API.',
    (a) =>
      a.detail.endpoint.hostKind === 'api'
        ? 'The request did not reach an operation of the API, so the answer tells nothing about the keys.'
        : `${a.detail.endpoint.host || 'that address'} is not the Redis Cloud API, so its answer tells nothing about the keys.`,
  ),
  unknownFor(
    'an edge or proxy answered',
    'intercepted',
    'edge',
    () => 'Cannot be told: the API never saw the request.',
    () =>
      'Something else answered in its place, so the answer says nothing about the keys, the allow list or the role.',
  ),
  unknownFor(
    "a web server's own page",
    'web-server',
    'webServer',
    () => "Cannot be told: the web server's own page says nothing about the keys.",
    () => "The API's code never judged the request.",
  ),
  unknownFor(
    'a provider crash',
    'provider-crash',
    'apiShapes',
    () => 'Cannot be told: the provider crashed before any answer was read.',
    () => 'Only an answer the API produced says anything about the keys.',
  ),
  unknownFor(
    'a 2xx not shown to be the API',
    'unproven-success',
    'apiShapes',
    () => 'Cannot be told: the answer does not show that the API sent it.',
    () => 'Only an answer the API produced says anything about the keys.',
  ),
  unknownFor(
    'a server error',
    'server-error',
    'status500',
    (a) => `Cannot be told from a ${a.status}.`,
    () => 'A server error says nothing about the keys.',
  ),
];

/** The shared rules, for item `id`. */
export function notJudged(id: AnswerItemId): Rule[] {
  return SHARED.map((rule) => rule(id));
}
