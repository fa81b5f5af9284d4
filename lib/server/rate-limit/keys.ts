import 'server-only';
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';

// What each budget counts by. Keys are stored (the rate_limits table on PostgreSQL), so an API key
// is only ever kept as a truncated hash, like the api_keys table does.

/** The key the request presents (X-API-Key, else Authorization: Bearer), as lib/server/http/api-key.ts reads it. */
export function presentedApiKey(headers: Headers): string | null {
  const key = headers.get('x-api-key')?.trim();
  if (key) return key;
  return /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '')?.[1] ?? null;
}

export const apiKeyBucket = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 32);

/**
 * An IPv4 address as it is; an IPv6 address by its /64, the block one subscriber usually holds
 * (counting single addresses would give a client 2^64 budgets). Anything else: one shared bucket.
 */
export function ipBucket(ip: string | null): string {
  if (!ip || !isIP(ip)) return ip === null ? 'unknown' : 'invalid';
  if (isIP(ip) === 4) return ip;
  const [head, tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4 style) counts as two groups; only the first four matter.
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
