import type { ReceivedResponse } from '../core/exchange';
import type { DiagnoseContext, ItemId } from '../core/checklist';
import { DOCS } from './docs-links';
import { makeItem, skippedItem, unknownItem } from './items';
import type { Judged } from './judged';
import type { PreflightDetail } from './preflight';
import { reachedItem } from './answer-common';
import { rateLimitNotHit } from './rules-rate-limit';
import {
  RELAY_NOTE,
  allowListFacts,
  judgeAllowList,
  listWords,
  sourceIpOn403,
} from './rules-source-ip';
import { WRITES, isLogsRead, roleAllows, roleWhyOn403 } from './rules-role-permits';
import { say } from './claims';
import { SUSPECT_TEXT, rankSuspects } from './rules-keys';

/** The answer items after a 401: the three conditions stay `suspect`, ranked. */
export function judge401(
  response: ReceivedResponse,
  stated: boolean,
  detail: PreflightDetail,
  context: DiagnoseContext | undefined,
): Judged {
  const ranked = rankSuspects(detail, context);
  const items = {} as Judged['items'];
  items['reached-api'] = reachedItem(response, 401, stated);
  ranked.forEach((s, index) => {
    const text = SUSPECT_TEXT[s.id];
    items[s.id] = makeItem(s.id, 'suspect', {
      summary: `${text.summary} Ranked ${index + 1} of 3.`,
      explanation: `${say('status401')} ${say('sameAnswerFor401')} ${s.reasons.join(' ')}`,
      fix: text.fix,
      rank: index + 1,
    });
  });
  const facts = allowListFacts(context);
  items['source-ip'] = unknownItem(
    'source-ip',
    'Likely not the cause of a 401.',
    `${say('status403')} ${say('ip403NotAlways')}${facts.list ? ` The key's allow list as known here: ${listWords(facts.list)}.` : ''}`,
  );
  items['role-permits'] = skippedItem(
    'role-permits',
    "Not reached: authentication failed, and a key's role matters only once it authenticates.",
  );
  items['rate-limit'] = rateLimitNotHit(response, 401);
  return {
    verdict: 'auth-failed',
    items,
    decisive: ranked[0]?.id ?? 'keys-valid',
    lead: 'HTTP 401',
    authenticated: false,
  };
}

const ROLES = say('roles');

/** The answer items after a 403: source IP and role are the suspects. */
export function judge403(
  response: ReceivedResponse,
  stated: boolean,
  detail: PreflightDetail,
  context: DiagnoseContext | undefined,
  method: string,
): Judged {
  const items = {} as Judged['items'];
  const verb0 = method.trim().toUpperCase();
  // 24 create operations give 403 another meaning in the API document: a resource not active.
  const notActive = context?.forbiddenMeaning?.(verb0, detail.endpoint.path) === 'not-active';
  const meaning = notActive ? say('status403NotActive') : say('status403');
  const reached = reachedItem(response, 403, stated);
  if (notActive) reached.explanation = reached.explanation.replace(say('status403'), meaning);
  items['reached-api'] = reached;
  const likely = `${say('status401')} ${meaning} ${say('orderOfChecks')}`;
  items['keys-valid'] = makeItem('keys-valid', 'unknown', {
    summary: 'Likely holds (the answer was 403, not 401), but not shown.',
    explanation: likely,
  });
  items['same-account'] = makeItem('same-account', 'unknown', {
    summary: 'Likely holds (the answer was 403, not 401), but not shown.',
    explanation: likely,
  });
  items['api-enabled'] = makeItem('api-enabled', 'unknown', {
    summary: 'Likely holds: the answer was 403, not 401.',
    explanation: `${likely} ${say('disabledApi401')}`,
  });
  items['rate-limit'] = rateLimitNotHit(response, 403);

  const verb = method.trim().toUpperCase();
  const path = detail.endpoint.path;
  const facts = allowListFacts(context);
  const judged = judgeAllowList(facts.list, facts.seenIp);
  const relay = context?.viaRelay || detail.endpoint.hostKind === 'relay' ? ` ${RELAY_NOTE}` : '';
  const invalid =
    judged.invalid.length > 0
      ? ` These entries are not valid CIDR: ${judged.invalid.join(', ')}.`
      : '';
  const list = facts.list ? listWords(facts.list) : '';
  const from = facts.listFrom ? ` (from ${facts.listFrom})` : '';
  const write = WRITES.has(verb);
  const role = context?.keyRole?.trim();
  const allowed = role ? roleAllows(role, verb, path) : null;
  let roleFirst = allowed !== true && (write || allowed === false) && judged.verdict !== 'outside';
  const ipText = sourceIpOn403(facts, judged, { meaning, relay, invalid, list, from });
  if (judged.verdict === 'open') roleFirst = true;
  const logsOnly = isLogsRead(verb, path);
  const roleWhy = roleWhyOn403(role, allowed, verb, path);
  const ipRank = roleFirst ? 2 : 1;
  const roleRank =
    judged.verdict === 'outside' ? undefined : ipText.status === 'pass' ? 1 : roleFirst ? 1 : 2;
  items['source-ip'] = makeItem('source-ip', ipText.status, {
    summary: ipText.summary,
    explanation: ipText.explanation,
    ...(ipText.fix === undefined ? {} : { fix: ipText.fix }),
    ...(ipText.status === 'suspect' ? { rank: ipRank } : {}),
  });
  items['role-permits'] =
    roleRank === undefined
      ? unknownItem(
          'role-permits',
          'Cannot be told until the address is allowed.',
          `${ROLES} ${roleWhy}`,
        )
      : makeItem('role-permits', 'suspect', {
          summary:
            allowed === false && role
              ? `Likely the cause: ${role} may not send ${verb} ${path}.`
              : `Possible: the key's role does not allow ${verb} ${path}.`,
          explanation: `${ROLES} ${roleWhy}`,
          fix: "Check the role of the key's user in the console (Access Management); for writes, use a key of an Owner.",
          rank: roleRank,
          docs: logsOnly ? DOCS.systemLogs : DOCS.accessManagement,
        });
  const decisive: ItemId =
    ipText.status === 'fail' || (ipText.status === 'suspect' && ipRank === 1)
      ? 'source-ip'
      : 'role-permits';
  if (notActive) {
    return {
      verdict: 'forbidden',
      items,
      decisive: null,
      lead: 'HTTP 403',
      authenticated: false,
      action: `Check that the resource this ${verb} ${path} creates in (its subscription, database or connection) is active, then send again: this operation's documented 403 is about a resource that is not active, ahead of the key's address or role`,
    };
  }
  return {
    verdict: 'forbidden',
    items,
    decisive,
    lead: 'HTTP 403',
    authenticated: false,
  };
}
