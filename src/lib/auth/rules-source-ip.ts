/**
 * The `source-ip` item (condition 3, FACTS.md "When a request authenticates"): what is known of
 * the key's allow list and the address the API saw, and the item's rules after a 2xx the API
 * produced (`sourceIpAfterSuccess`) and after a 403 (`sourceIpOn403`).
 */
import ipaddr from 'ipaddr.js';
import type { ChecklistItem, DiagnoseContext } from '../core/checklist';
import { say } from './claims';
import { makeItem } from './items';
import type { AccountInfo } from './response-body';

/** What is known about the key's allow list and the address the API sees. */
export interface AllowListFacts {
  list?: string[];
  /** Where the list comes from, in words: "the API" or "you (the profile's declared list)". */
  listFrom?: string;
  seenIp?: string;
  /** When the API last saw that address, in words ("in this answer", "on 2025-01-17"). */
  seenWhen?: string;
}

export type IpVerdict =
  /** The list allows every address: condition 3 does not apply. */
  | 'open'
  /** The address seen is inside the list. */
  | 'inside'
  /** The address seen is outside the list. */
  | 'outside'
  /** A restricted list, but no address to test against it. */
  | 'restricted'
  /** No list known. */
  | 'no-list';

export interface IpJudgement {
  verdict: IpVerdict;
  /** The entry the address falls in, for `inside`. */
  match?: string;
  /** Entries that are not valid CIDR, named so that the user can fix them. */
  invalid: string[];
  /** The entry to add for `outside`: the address as /32 or /128. */
  entryToAdd?: string;
}

const EVERYWHERE = new Set(['0.0.0.0/0', '::/0']);

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

// ipaddr.parse() tries IPv6 first and throws on every IPv4 address; that exception was the
// single largest cost of diagnose() in the benchmark. Pick the family by its separator instead.
function parseIp(ip: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const text = ip.trim();
  try {
    if (!text.includes(':')) {
      return ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text) : null;
    }
    const v6 = ipaddr.IPv6.parse(text);
    // ::ffff:1.2.3.4 is 1.2.3.4, so IPv4 entries still match it.
    return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
  } catch {
    return null;
  }
}

const rangeCache = new Map<string, Range | null>();

function parseEntry(entry: string): Range | null {
  const text = entry.trim();
  const cached = rangeCache.get(text);
  if (cached !== undefined) return cached;
  let range: Range | null;
  const slash = text.indexOf('/');
  if (slash < 0) {
    // A bare address in an allow list means that one address.
    const ip = parseIp(text);
    range = ip ? [ip, ip.kind() === 'ipv4' ? 32 : 128] : null;
  } else {
    const ip = parseIp(text.slice(0, slash));
    const bits = text.slice(slash + 1);
    const max = ip?.kind() === 'ipv4' ? 32 : 128;
    range = ip && /^\d{1,3}$/.test(bits) && Number(bits) <= max ? [ip, Number(bits)] : null;
  }
  // Bounded: the lists come from a handful of profiles, but pasted input could be anything.
  if (rangeCache.size > 256) rangeCache.clear();
  rangeCache.set(text, range);
  return range;
}

/** Whether `ip` is allowed by `list`, using CIDR math (ipaddr.js). Never throws. */
export function judgeAllowList(list: readonly string[] | undefined, ip?: string): IpJudgement {
  if (!list || list.length === 0) return { verdict: 'no-list', invalid: [] };
  const invalid: string[] = [];
  const ranges: Array<[string, Range]> = [];
  for (const entry of list) {
    if (EVERYWHERE.has(entry.trim())) return { verdict: 'open', invalid };
    const range = parseEntry(entry);
    if (range) ranges.push([entry.trim(), range]);
    else invalid.push(entry);
  }
  const addr = ip === undefined ? null : parseIp(ip);
  if (!addr) return { verdict: 'restricted', invalid };
  for (const [entry, range] of ranges) {
    if (range[0].kind() === addr.kind() && addr.match(range)) {
      return { verdict: 'inside', match: entry, invalid };
    }
  }
  return {
    verdict: 'outside',
    invalid,
    entryToAdd: `${addr.toString()}/${addr.kind() === 'ipv4' ? 32 : 128}`,
  };
}

/** The allow list and address to reason with: the API's own data first, then the user's. */
export function allowListFacts(context: DiagnoseContext | undefined): AllowListFacts {
  const facts: AllowListFacts = {};
  const learned = context?.learned;
  if (learned?.allowedSourceIps && learned.allowedSourceIps.length > 0) {
    facts.list = learned.allowedSourceIps;
    facts.listFrom = 'the API, at the last success';
  } else if (context?.declaredAllowList && context.declaredAllowList.length > 0) {
    facts.list = context.declaredAllowList;
    facts.listFrom = 'the allow list you declared for this key';
  }
  if (learned?.httpSourceIp) {
    facts.seenIp = learned.httpSourceIp;
    facts.seenWhen = learned.at ? `at the last success (${learned.at})` : 'at the last success';
  }
  return facts;
}

/** `10.0.0.0/24, 192.168.1.0/24`. */
export function listWords(list: readonly string[]): string {
  return list.map((e) => e.trim()).join(', ');
}

export const RELAY_NOTE =
  "This request went through a local relay, so the API sees the public address of the machine the relay runs on, not this browser's.";

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
export function sourceIpOn403(
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

/**
 * The `source-ip` rules after a 2xx the API produced, in order: a list that allows every address
 * (`pass`); no list known (`pass`: the request authenticated, claims successMeansAuthenticated,
 * defaultOpen); the address inside the list (`pass`); outside the list as known (`warn`: the list
 * is likely out of date).
 */
export function sourceIpAfterSuccess(
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
