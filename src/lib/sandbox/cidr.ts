import ipaddr from 'ipaddr.js';

/**
 * True when `ip` falls inside one of the CIDR blocks in `allowList`. An entry that is not a valid
 * CIDR block matches nothing (a typo in an allow list locks out, it never opens up). IPv4-mapped
 * IPv6 addresses are compared as the IPv4 address they carry, as a proxy in front of the API
 * would report them either way.
 */
export function ipInAllowList(ip: string, allowList: readonly string[]): boolean {
  if (!ipaddr.isValid(ip)) return false;
  const address = ipaddr.process(ip);
  return allowList.some((entry) => {
    if (!ipaddr.isValidCIDR(entry)) return false;
    const range = ipaddr.parseCIDR(entry);
    const [network] = range;
    if (network.kind() !== address.kind()) return false;
    return address.match(range);
  });
}
