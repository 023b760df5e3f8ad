/**
 * The `source-ip` item (condition 3, FACTS.md "When a request authenticates"), its rules in order
 * after the shared ones (`conditionRules`): a 401 (likely not the cause); a 403 (the allow list as
 * known: `forbidden`); a 2xx from the API (holds, with what the answer shows of the list and the
 * address); a failed task (holds: the API accepted the request).
 */
import type { ChecklistItem, DiagnoseContext } from '../../core/checklist';
import { RELAY_NOTE, allowListFacts, judgeAllowList, listWords } from '../allow-list';
import { say } from '../claims';
import { makeItem, unknownItem } from '../items';
import type { AccountInfo } from '../response-body';
import { kindIs } from '../rule';
import type { Rule } from '../rule';
import { conditionRules } from './conditions';
import { forbidden } from './forbidden';
import { heldByTask } from './task-held';

/**
 * The `source-ip` rules after a 2xx the API produced, in order: a list that allows every address
 * (`pass`); no list known (`pass`: the request authenticated, claims successMeansAuthenticated,
 * defaultOpen); the address inside the list (`pass`); outside the list as known (`warn`: the list
 * is likely out of date).
 */
function sourceIpAfterSuccess(
  info: AccountInfo | null,
  context: DiagnoseContext | undefined,
  relay: boolean,
): ChecklistItem {
  const facts = allowListFacts(context);
  const list = info?.allowedSourceIps ?? facts.list;
  const seen = info?.httpSourceIp ?? facts.seenIp;
  const seenWhen = info?.httpSourceIp ? 'this request come from' : 'you last at';
  const relayNote = relay ? ` ${RELAY_NOTE}` : '';
  const judged = judgeAllowList(list, seen);
  const from = info?.allowedSourceIps ? 'the answer' : 'what this profile learned before';
  const seenWords = seen ? ` The API saw ${seenWhen} ${seen}.` : '';
  if (judged.verdict === 'open') {
    return makeItem('source-ip', 'pass', {
      summary: `Holds: this key allows every address (${listWords(list ?? [])})${seen ? `; the API saw ${seenWhen} ${seen}` : ''}.`,
      explanation: `${say('successMeansAuthenticated')} By ${from}, this key has no allow list that restricts it.${seenWords}${relayNote}`,
    });
  }
  if (judged.verdict === 'no-list') {
    return makeItem('source-ip', 'pass', {
      summary: `Holds: the request authenticated, so its address was allowed${seen ? ` (the API saw ${seenWhen} ${seen})` : ''}.`,
      explanation: `${say('successMeansAuthenticated')} ${say('defaultOpen')}${relayNote}`,
    });
  }
  const words = listWords(list ?? []);
  const where =
    judged.verdict === 'inside'
      ? `; the API saw ${seenWhen} ${seen}, inside ${judged.match}`
      : judged.verdict === 'outside'
        ? `; the API saw ${seenWhen} ${seen}, which the list as known here does not contain, yet it authenticated: the list is likely out of date`
        : '';
  return makeItem('source-ip', judged.verdict === 'outside' ? 'warn' : 'pass', {
    summary: `Holds: this key allows only ${words}${where}.`,
    explanation: `${say('successMeansAuthenticated')} From another network (a VPN, a CI runner, home) this key will be refused, likely with a 403.${relayNote}`,
  });
}

export const RULES: readonly Rule[] = [
  ...conditionRules('source-ip'),
  {
    name: 'a 401',
    claim: 'ip403NotAlways',
    when: kindIs('auth-failed'),
    item: (a) => {
      const facts = allowListFacts(a.context);
      return unknownItem(
        'source-ip',
        'Likely not the cause of a 401.',
        `${say('status403')} ${say('ip403NotAlways')}${facts.list ? ` The key's allow list as known here: ${listWords(facts.list)}.` : ''}`,
      );
    },
  },
  {
    name: 'a 403',
    claim: 'status403',
    when: kindIs('forbidden'),
    item: (a) => {
      const { ip, ipRank } = forbidden(a);
      return makeItem('source-ip', ip.status, {
        summary: ip.summary,
        explanation: ip.explanation,
        ...(ip.fix === undefined ? {} : { fix: ip.fix }),
        ...(ip.status === 'suspect' ? { rank: ipRank } : {}),
      });
    },
  },
  {
    name: 'a 2xx from the API',
    claim: 'successMeansAuthenticated',
    when: kindIs('success'),
    item: (a) =>
      sourceIpAfterSuccess(
        a.account,
        a.context,
        a.context?.viaRelay === true || a.detail.endpoint.hostKind === 'relay',
      ),
  },
  heldByTask('source-ip'),
];
