import 'server-only';
import { BlockList, isIP } from 'node:net';

// The client's address, from X-Forwarded-For read right to left. Next's server puts the socket's
// peer there when the header is absent (lib/server/http/socket-address.ts makes it append it
// always); every hop we trust (TRUSTED_PROXIES) is skipped, and the first address that is not one
// of ours is the client. Anything left of it was written by the client and is never believed.

/** `10.0.0.1, 10.1.0.0/16, fd00::/8`: addresses and CIDR ranges. Throws on an invalid entry. */
export function parseTrustedProxies(raw: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (raw ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, prefix, extra] = entry.split('/');
    const ip = normalizeIp(address);
    const bits = prefix === undefined ? null : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    const family = ip ? isIP(ip) : 0;
    if (!ip || extra !== undefined || Number.isNaN(bits) || (bits !== null && bits > (family === 4 ? 32 : 128)))
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === null) list.addAddress(ip, type);
    else list.addSubnet(ip, bits, type);
  }
  return list;
}

/** A bare IP (IPv4-mapped IPv6 as IPv4, brackets and ports removed), or null when it is none. */
export function normalizeIp(value: string): string | null {
  let v = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) v = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(v);
  if (mapped) v = mapped[1];
  const family = isIP(v);
  return family ? (family === 6 ? v.toLowerCase() : v) : null;
}

/** The client's IP, `invalid` when the hop that reached us wrote garbage, or null without the header. */
export function clientIp(headers: Headers, trusted: BlockList): string | null {
  const hops = (headers.get('x-forwarded-for') ?? '').split(',').filter((h) => h.trim() !== '');
  if (hops.length === 0) return null;
  let ip: string | null = null;
  for (let i = hops.length - 1; i >= 0; i--) {
    ip = normalizeIp(hops[i]);
    if (!ip) return 'invalid';
    if (!trusted.check(ip, isIP(ip) === 4 ? 'ipv4' : 'ipv6')) return ip;
  }
  return ip; // every hop is ours: the request came from inside
}
