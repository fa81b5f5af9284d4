import 'server-only';
import { BlockList, isIP } from 'node:net';

// The one classifier of hosts we may send a browser to or call: IP addresses (literal in a URL or
// resolved from DNS, lib/server/webhooks/address.ts) and host names that only mean something
// inside a network. Redirect URLs (lib/server/redirect-url.ts), webhook endpoint URLs and
// `webhook_destination_url` all ask it; only the policy differs.

export type HostKind = 'public' | 'loopback' | 'private' | 'forbidden';

/** What may be reached besides public hosts. Forbidden hosts (metadata, unspecified, multicast) never. */
export interface AddressPolicy {
  /** 127.0.0.0/8, ::1 and localhost names. */
  allowLoopback: boolean;
  /** Private, CGNAT, link-local and unique-local ranges, and internal names. */
  allowPrivate: boolean;
}

export const STRICT_POLICY: AddressPolicy = { allowLoopback: false, allowPrivate: false };

const list = (v4: Array<[string, number]>, v6: Array<[string, number]>) => {
  const b = new BlockList();
  for (const [net, bits] of v4) b.addSubnet(net, bits, 'ipv4');
  for (const [net, bits] of v6) b.addSubnet(net, bits, 'ipv6');
  return b;
};

// BlockList also judges IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) by the IPv4 rules.
const FORBIDDEN = list(
  [
    ['169.254.169.254', 32], // AWS, GCP, Azure, OpenStack metadata
    ['169.254.170.2', 32], // ECS task metadata
    ['100.100.100.200', 32], // Alibaba Cloud metadata
    ['0.0.0.0', 8], // "this network": 0.0.0.0 reaches the local host on Linux
    ['224.0.0.0', 4], // multicast
    ['240.0.0.0', 4], // reserved, broadcast
  ],
  [
    ['::', 128],
    ['fd00:ec2::254', 128], // AWS metadata over IPv6
    ['ff00::', 8], // multicast
  ],
);
const LOOPBACK = list([['127.0.0.0', 8]], [['::1', 128]]);
const PRIVATE = list(
  [
    ['10.0.0.0', 8],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
    ['100.64.0.0', 10], // CGNAT
    ['169.254.0.0', 16], // link-local
    ['192.0.0.0', 24],
    ['198.18.0.0', 15], // benchmarking
  ],
  [
    ['fc00::', 7], // unique-local
    ['fe80::', 10], // link-local
    ['fec0::', 10], // site-local (deprecated, still routed by some stacks)
  ],
);

/** The 8 hextets of an IPv6 address (an embedded IPv4 tail converted). */
function hextets(ip: string): number[] {
  let s = ip.toLowerCase().split('%')[0];
  const tail = s.match(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number);
    s = s.slice(0, -tail[0].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = s.split('::');
  const a = head ? head.split(':') : [];
  const b = rest ? rest.split(':') : [];
  const fill = s.includes('::') ? Array(8 - a.length - b.length).fill('0') : [];
  return [...a, ...fill, ...b].map((h) => parseInt(h, 16));
}

const v4Of = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

/** What an IP address is (IPv6 without brackets); an address that is not one is 'forbidden'. */
export function classifyIp(address: string): HostKind {
  const family = isIP(address);
  if (!family) return 'forbidden';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (family === 6) {
    const h = hextets(address);
    // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) reach the IPv4 address inside: judge that one.
    if (h[0] === 0x64 && h[1] === 0xff9b && h.slice(2, 6).every((x) => x === 0)) return classifyIp(v4Of(h[6], h[7]));
    if (h[0] === 0x2002) return classifyIp(v4Of(h[1], h[2]));
  }
  if (FORBIDDEN.check(address, type)) return 'forbidden';
  if (LOOPBACK.check(address, type)) return 'loopback';
  if (PRIVATE.check(address, type)) return 'private';
  return 'public';
}

// Names that resolve to the metadata service from inside a cloud VM.
const METADATA_NAMES = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data']);
// Special-use and de-facto internal suffixes: they name hosts inside a network, never on the internet.
const INTERNAL_SUFFIX = /\.(internal|local|localdomain|lan|home|home\.arpa|intranet|corp|private)$/;

/**
 * What a host name (as URL.hostname gives it, lower case) is. Single-label names are internal:
 * resolvers complete them with the machine's search domains.
 */
export function classifyName(name: string): HostKind {
  const host = name.toLowerCase().replace(/\.+$/, '');
  if (METADATA_NAMES.has(host) || host.endsWith('.metadata.google.internal')) return 'forbidden';
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  if (!host.includes('.') || INTERNAL_SUFFIX.test(host)) return 'private';
  return 'public';
}

/** What a host is: an IP address (IPv6 with or without brackets) or a name. */
export function classifyHost(host: string): HostKind {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  return isIP(bare) ? classifyIp(bare) : classifyName(bare);
}

const WHAT: Record<Exclude<HostKind, 'public'>, string> = {
  loopback: 'a loopback',
  private: 'a private or link-local',
  forbidden: 'a reserved or metadata',
};

/** Whether `kind` may be reached under `policy`. */
export function kindAllowed(kind: HostKind, policy: AddressPolicy): boolean {
  if (kind === 'public') return true;
  if (kind === 'loopback') return policy.allowLoopback || policy.allowPrivate;
  return kind === 'private' && policy.allowPrivate;
}

/** "a loopback", "a private or link-local"...: for messages naming what was refused. */
export const describeKind = (kind: Exclude<HostKind, 'public'>) => WHAT[kind];

/** Why `host` may not be reached under `policy` ("is a loopback host"), or null when it may. */
export function hostProblem(host: string, policy: AddressPolicy): string | null {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const kind = classifyHost(bare);
  if (kindAllowed(kind, policy)) return null;
  if (kind === 'private' && !isIP(bare)) return 'is an internal host name';
  return `is ${WHAT[kind as Exclude<HostKind, 'public'>]} ${isIP(bare) ? 'address' : 'host name'}`;
}
