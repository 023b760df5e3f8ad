import ipaddr from 'ipaddr.js';

/**
 * True where a local relay or test server listens: `localhost`, any `*.localhost` name,
 * 127.0.0.0/8 and ::1, in any spelling a URL may give them (`[::1]`, `::ffff:127.0.0.1`, which
 * the URL parser writes as `[::ffff:7f00:1]`). These are also the hosts browsers treat as
 * "potentially trustworthy" (W3C Secure Contexts), which lets an `https:` page reach a local
 * relay over `http:`.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (!ipaddr.isValid(host)) return false;
  // Only dotted-quad IPv4: ipaddr also accepts `0x7f.1` and `2130706433`, which no URL keeps.
  if (!host.includes(':') && !ipaddr.IPv4.isValidFourPartDecimal(host)) return false;
  return ipaddr.process(host).range() === 'loopback';
}
