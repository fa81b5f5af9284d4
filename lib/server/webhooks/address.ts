import 'server-only';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { env } from '../env';
import {
  classifyIp,
  describeKind,
  hostProblem,
  kindAllowed,
  type AddressPolicy,
  type HostKind,
} from '../security/network-address';

// Server-side request forgery: a webhook URL must not make us call into our own network. The host
// name, and every address it resolves to, is checked at registration and again right before each
// connection (the request connects to the address that was checked, see send.ts). What counts as
// internal is decided in one place: lib/server/security/network-address.ts.

export interface ResolvedAddress {
  address: string;
  family: number;
}
/** Resolves a host name to all its addresses (injectable: tests resolve names they control). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export type { AddressPolicy };

/** Webhook calls: loopback in dev mode (ALLOW_LOCALHOST_REDIRECTS), private ranges on request. */
export const defaultPolicy = (): AddressPolicy => ({
  allowLoopback: env.allowLocalhostRedirects,
  allowPrivate: env.webhooks.allowPrivateNetworks,
});

/** Why `address` may not be called under `policy`, or null when it may. */
export function addressProblem(address: string, policy: AddressPolicy): string | null {
  if (!isIP(address)) return `${address} is not an IP address`;
  const kind = classifyIp(address);
  return kindAllowed(kind, policy) ? null : `resolves to ${describeKind(kind as Exclude<HostKind, 'public'>)} address`;
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
  const nameProblem = literal ? null : hostProblem(host, policy);
  if (nameProblem) throw new BlockedAddressError(`${host} ${nameProblem}`);
  const addresses = literal ? [{ address: host, family: literal }] : await resolve(host);
  if (addresses.length === 0) throw new Error(`${host} has no address`);
  for (const { address } of addresses) {
    const problem = addressProblem(address, policy);
    if (problem) throw new BlockedAddressError(`${host} ${problem} (${address})`);
  }
  return addresses;
}
