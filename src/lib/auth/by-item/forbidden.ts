/**
 * What a 403 from the API says, read once for the two items it leaves as suspects (`source-ip`,
 * `role-permits`) and for the verdict: the operation's own 403 text (24 create operations
 * document "not active resource", claim status403NotActive), what is known of the allow list,
 * the role as the profile knows it, and which of the two to check first.
 */
import type { ItemId } from '../../core/checklist';
import { RELAY_NOTE, allowListFacts, judgeAllowList, listWords } from '../allow-list';
import type { AllowListFacts, IpJudgement } from '../allow-list';
import type { Answer } from '../answer';
import { say } from '../claims';
import { WRITES, roleAllows } from './role-permits';

/** The operation's documented 403 means a resource that is not active. */
export function notActive(a: Answer): boolean {
  return a.context?.forbiddenMeaning?.(a.verb, a.detail.endpoint.path) === 'not-active';
}

/** The operation's 403 text, as a claim's sentence. */
export function meaning403(a: Answer): string {
  return notActive(a) ? say('status403NotActive') : say('status403');
}

/** What a 403 says about the address, from the allow list as known (FACTS.md, condition 3). */
export interface IpOn403 {
  status: 'pass' | 'fail' | 'suspect';
  summary: string;
  explanation: string;
  fix?: string;
}

/**
 * The `source-ip` rules after a 403, in order: an open list (`pass`: not the cause); the address
 * seen outside the list (`fail`); inside it (`suspect`: a new network); a restricted list and no
 * address (`suspect`); no list known (`suspect`). Claims: `meaning` is status403 or
 * status403NotActive, as the operation's 403 text says.
 */
function sourceIpOn403(
  facts: AllowListFacts,
  judged: IpJudgement,
  words: { meaning: string; relay: string; invalid: string; list: string; from: string },
): IpOn403 {
  const { meaning, relay, invalid, list, from } = words;
  let ipText: IpOn403;
  switch (judged.verdict) {
    case 'open':
      ipText = {
        status: 'pass',
        summary: `This key allows every address (${list}), so the address is not the cause.`,
        explanation: `The allow list${from} holds 0.0.0.0/0. If the list was changed since, this no longer holds.${relay}`,
      };
      break;
    case 'outside':
      ipText = {
        status: 'fail',
        summary: `This key allows only ${list}; the API last saw you at ${facts.seenIp}, which is outside it.`,
        explanation: `The allow list${from} does not contain ${facts.seenIp}, the address the API saw ${facts.seenWhen ?? 'last'}. ${meaning}${invalid}${relay}`,
        fix: `To allow this address, add ${judged.entryToAdd} to the key's allow list, or call from a network inside ${list}.`,
      };
      break;
    case 'inside':
      ipText = {
        status: 'suspect',
        summary: `This key allows only ${list}; the API saw you inside it (${facts.seenIp}) ${facts.seenWhen ?? 'before'}, so a 403 now likely means a new network.`,
        explanation: `An IP-restricted key stops working from a new network (a VPN, a CI runner, a laptop at home).${invalid}${relay}`,
        fix: `Call from an address inside ${list}, or add your current public address to the key's allow list (as /32).`,
      };
      break;
    case 'restricted':
      ipText = {
        status: 'suspect',
        summary: `This key allows only ${list}; the address the API sees now is not known here.`,
        explanation: `${meaning} This key has an allow list.${invalid}${relay}`,
        fix: `Find your public address and check it against ${list}; to allow it, add it to the key's allow list as /32.`,
      };
      break;
    case 'no-list':
      ipText = {
        status: 'suspect',
        summary: "Possible: the key's allow list may exclude the address this request came from.",
        explanation: `${meaning} The key's allow list is not known here; by default a key is allowed from every address.${relay}`,
        fix: "Look at the key's allow list in the console, or run GET /v1/ from a network where the key works: its answer shows allowedSourceIps and the address the API sees (httpSourceIp).",
      };
      break;
  }
  return ipText;
}

export interface Forbidden {
  ip: IpOn403;
  /** The source IP's rank among the two suspects, when it is one. */
  ipRank: 1 | 2;
  /** The role's rank, or undefined when the address is shown outside the list. */
  roleRank: 1 | 2 | undefined;
  /** The item to check first, or null when what is known clears both. */
  first: ItemId | null;
  /** The role as the profile knows it allows this request (`roleAllows`). */
  roleAllowed: boolean | null;
}

/** The 403's reading of the address and the role, and their order. */
export function forbidden(a: Answer): Forbidden {
  const facts = allowListFacts(a.context);
  const judged = judgeAllowList(facts.list, facts.seenIp);
  const relay =
    a.context?.viaRelay || a.detail.endpoint.hostKind === 'relay' ? ` ${RELAY_NOTE}` : '';
  const invalid =
    judged.invalid.length > 0
      ? ` These entries are not valid CIDR: ${judged.invalid.join(', ')}.`
      : '';
  const list = facts.list ? listWords(facts.list) : '';
  const from = facts.listFrom ? ` (from ${facts.listFrom})` : '';
  const role = a.context?.keyRole?.trim();
  const allowed = role ? roleAllows(role, a.verb, a.detail.endpoint.path) : null;
  // A role the profile knows allows this request is no suspect: only an address that may not.
  const roleFirst =
    allowed !== true &&
    (judged.verdict === 'open' ||
      ((WRITES.has(a.verb) || allowed === false) && judged.verdict !== 'outside'));
  const ip = sourceIpOn403(facts, judged, { meaning: meaning403(a), relay, invalid, list, from });
  const ipRank = roleFirst ? 2 : 1;
  const roleRank =
    judged.verdict === 'outside' || allowed === true
      ? undefined
      : ip.status === 'pass'
        ? 1
        : roleFirst
          ? 1
          : 2;
  const first =
    ip.status === 'fail' || (ip.status === 'suspect' && ipRank === 1)
      ? 'source-ip'
      : roleRank !== undefined
        ? 'role-permits'
        : null;
  return { ip, ipRank, roleRank, first, roleAllowed: allowed };
}

/**
 * Whether the 403 shows more than the operation's own "not active" text: the address outside the
 * key's allow list, or a role the profile knows may not send this request.
 */
export function strongerThanNotActive(a: Answer): boolean {
  const { ip, roleAllowed } = forbidden(a);
  return ip.status === 'fail' || roleAllowed === false;
}

/** Why the keys, the pair and API access likely held on a 403 (the answer was not 401). */
export function likelyOn403(a: Answer): string {
  return `${say('status401')} ${meaning403(a)} ${say('orderOfChecks')}`;
}
