import 'server-only';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { env } from '../env';

// Server-side request forgery: a webhook URL must not make us call into our own network. Every
// address a host resolves to is checked, at registration and again right before each connection
// (the request connects to the address that was checked, see send.ts).

export interface ResolvedAddress {
  address: string;
  family: number;
}
/** Resolves a host name to all its addresses (injectable: tests resolve names they control). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** What may be called besides public addresses. */
export interface AddressPolicy {
  /** 127.0.0.0/8 and ::1 (dev mode: ALLOW_LOCALHOST_REDIRECTS). */
  allowLoopback: boolean;
  /** Private and link-local ranges (WEBHOOK_ALLOW_PRIVATE_NETWORKS); metadata addresses never. */
  allowPrivate: boolean;
}

export const defaultPolicy = (): AddressPolicy => ({
  allowLoopback: env.allowLocalhostRedirects,
  allowPrivate: env.webhooks.allowPrivateNetworks,
});

type Kind = 'public' | 'loopback' | 'private' | 'forbidden';

const v4 = (ip: string) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
const inV4 = (n: number, base: string, bits: number) =>
  Math.floor(n / 2 ** (32 - bits)) === Math.floor(v4(base) / 2 ** (32 - bits));

function kindV4(ip: string): Kind {
  const n = v4(ip);
  if (ip === '169.254.169.254' || ip === '169.254.170.2') return 'forbidden'; // cloud metadata
  if (inV4(n, '0.0.0.0', 8) || inV4(n, '224.0.0.0', 4) || inV4(n, '240.0.0.0', 4)) return 'forbidden';
  if (inV4(n, '127.0.0.0', 8)) return 'loopback';
  for (const [base, bits] of [
    ['10.0.0.0', 8],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
    ['100.64.0.0', 10],
    ['169.254.0.0', 16],
    ['192.0.0.0', 24],
    ['198.18.0.0', 15],
  ] as const)
    if (inV4(n, base, bits)) return 'private';
  return 'public';
}

/** The 8 hextets of an IPv6 address (with an embedded IPv4 tail converted). */
function hextets(ip: string): number[] {
  let s = ip.toLowerCase().split('%')[0];
  const tail = s.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (tail) {
    const n = v4(tail[1]);
    s = s.slice(0, -tail[1].length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, rest] = s.split('::');
  const a = head ? head.split(':') : [];
  const b = rest !== undefined && rest !== '' ? rest.split(':') : [];
  const fill = s.includes('::') ? Array(8 - a.length - b.length).fill('0') : [];
  return [...a, ...fill, ...b].map((h) => parseInt(h, 16));
}

function kindV6(ip: string): Kind {
  const h = hextets(ip);
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d): judge the IPv4 address inside.
  const mapped = h.slice(0, 5).every((x) => x === 0) && h[5] === 0xffff;
  const nat64 = h[0] === 0x64 && h[1] === 0xff9b && h.slice(2, 6).every((x) => x === 0);
  if (mapped || nat64) return kindV4(`${h[6] >> 8}.${h[6] & 255}.${h[7] >> 8}.${h[7] & 255}`);
  if (h.every((x) => x === 0)) return 'forbidden'; // ::
  if (h.slice(0, 7).every((x) => x === 0) && h[7] === 1) return 'loopback'; // ::1
  if (h[0] === 0xfd00 && h[1] === 0x0ec2 && h.slice(2, 7).every((x) => x === 0) && h[7] === 0x254) return 'forbidden';
  if ((h[0] & 0xff00) === 0xff00) return 'forbidden'; // multicast
  if ((h[0] & 0xfe00) === 0xfc00 || (h[0] & 0xffc0) === 0xfe80) return 'private'; // fc00::/7, fe80::/10
  return 'public';
}

/** Why `address` may not be called under `policy`, or null when it may. */
export function addressProblem(address: string, policy: AddressPolicy): string | null {
  const family = isIP(address);
  if (!family) return `${address} is not an IP address`;
  const kind = family === 4 ? kindV4(address) : kindV6(address);
  if (kind === 'public') return null;
  if (kind === 'loopback' && (policy.allowLoopback || policy.allowPrivate)) return null;
  if (kind === 'private' && policy.allowPrivate) return null;
  const what = { loopback: 'a loopback', private: 'a private or link-local', forbidden: 'a reserved or metadata' }[
    kind
  ];
  return `resolves to ${what} address`;
}

/** The host of a URL as the resolver and isIP take it (IPv6 literals without brackets). */
export const urlHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

export class BlockedAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BlockedAddressError';
  }
}

/**
 * All addresses of `host` when every one may be called; throws BlockedAddressError when one may
 * not (a host with one private address among public ones is refused: DNS answers rotate).
 */
export async function resolveAllowed(
  host: string,
  { policy = defaultPolicy(), resolve = systemResolver }: { policy?: AddressPolicy; resolve?: Resolver } = {},
): Promise<ResolvedAddress[]> {
  const literal = isIP(host);
  const addresses = literal ? [{ address: host, family: literal }] : await resolve(host);
  if (addresses.length === 0) throw new Error(`${host} has no address`);
  for (const { address } of addresses) {
    const problem = addressProblem(address, policy);
    if (problem) throw new BlockedAddressError(`${host} ${problem} (${address})`);
  }
  return addresses;
}
