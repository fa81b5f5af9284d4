import 'server-only';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { resolveAllowed, urlHost, type AddressPolicy, type Resolver } from './address';

// One HTTP attempt: POST, no redirects followed (node's client never follows them), a hard
// timeout, a fresh connection (no pooling) to an address checked right before connecting.

export interface SendResult {
  /** The receiver's status code, when it answered. */
  statusCode: number | null;
  /** The Retry-After header, when present. */
  retryAfter: string | null;
  /** Why the attempt failed without an answer (or with a non-2xx one), short and safe to store. */
  error: string | null;
}

export interface SendOptions {
  timeoutMs: number;
  policy: AddressPolicy;
  resolve?: Resolver;
}

const USER_AGENT = 'wa-setup-links-webhooks/1';

export async function sendOnce(
  target: string,
  { headers, body }: { headers: Record<string, string>; body: string },
  { timeoutMs, policy, resolve }: SendOptions,
): Promise<SendResult> {
  const url = new URL(target);
  const host = urlHost(url);
  let blocked: string | null = null;
  try {
    // IP literals never reach `lookup`: check them here. Names are checked inside `lookup`.
    if (isIP(host)) await resolveAllowed(host, { policy });
  } catch (e) {
    return { statusCode: null, retryAfter: null, error: (e as Error).message };
  }
  // The connection goes to the addresses this lookup checked, not to a second resolution.
  const lookup: LookupFunction = (hostname, options, callback) => {
    resolveAllowed(hostname, { policy, resolve }).then(
      (addresses) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = family ? addresses.filter((a) => a.family === family) : addresses;
        if (options.all) callback(null, usable);
        else callback(null, usable[0].address, usable[0].family);
      },
      (e: Error) => {
        blocked = e.message;
        callback(e as NodeJS.ErrnoException, '', 0);
      },
    );
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<SendResult>((resolvePromise) => {
    let settled = false;
    const done = (r: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolvePromise(r);
    };
    const req = client.request(
      url,
      {
        method: 'POST',
        agent: false,
        lookup,
        headers: { ...headers, 'user-agent': USER_AGENT, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        const retryAfter = res.headers['retry-after'] ?? null;
        const statusCode = res.statusCode ?? 0;
        const ok = statusCode >= 200 && statusCode < 300;
        // The answer's body is not needed; read (and drop) at most 64 KB, then close.
        let seen = 0;
        res.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > 65_536) res.destroy();
        });
        const finish = () =>
          done({
            statusCode,
            retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
            error: ok ? null : `HTTP ${statusCode}`,
          });
        res.on('end', finish);
        res.on('close', finish);
        res.on('error', finish);
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) =>
      done({ statusCode: null, retryAfter: null, error: (blocked ?? e.code ?? e.message).slice(0, 300) }),
    );
    req.end(body);
  });
}

/** A Retry-After header (seconds or an HTTP date) as milliseconds from `now`, or null. */
export function retryAfterMs(header: string | null, now: Date): number | null {
  if (!header) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}
