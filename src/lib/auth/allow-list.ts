/**
 * The key's allow list (condition 3, FACTS.md "When a request authenticates"): what is known of
 * it and of the address the API saw, and whether that address is inside it (CIDR math by
 * ipaddr.js). The `source-ip` item's rules (`by-item/source-ip.ts`) reason with these.
 */
import ipaddr from 'ipaddr.js';
import type { DiagnoseContext } from '../core/checklist';

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
