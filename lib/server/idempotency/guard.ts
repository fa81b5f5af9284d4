import 'server-only';
import { createHash } from 'node:crypto';
import { decryptSecret, encryptSecret } from '../crypto';
import { ApiError } from '../http/errors';
import { describeError, log } from '../log';
import type { Scope } from '../scope';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, type IdempotencyRow } from './store';

// `Idempotency-Key` on API POSTs (README, "Idempotency"). What is stored is the answer of the
// handler, 2xx and 4xx alike (a 422 for a bad field is replayed, as Stripe does): retrying the
// same request gives the same answer. A 5xx is not stored and frees the key, so the client may
// retry. Answers given before the handler runs (authentication, rate limit, an unreadable body,
// a bad key) claim nothing. The body is stored encrypted: answers carry secrets (a webhook's
// `secret`, a link's `url`).

const HEADER = 'Idempotency-Key';
const VALID_KEY = /^[\x20-\x7e]{1,255}$/;

export interface IdempotentRequest {
  req: Request;
  url: URL;
  /** The raw body bytes as received (null or empty when there is none). */
  body: Uint8Array | null;
  requestId: string;
}

/** sha256 of method, path (both API prefixes are one route) and query, and the raw body bytes. */
function fingerprintOf({ req, url, body }: IdempotentRequest): string {
  const path = url.pathname.replace(/^\/api\/v1(?=\/|$)/, '/platform/v1') + url.search;
  return createHash('sha256')
    .update(`${req.method}\n${path}\n`)
    .update(body ?? new Uint8Array())
    .digest('hex');
}

const storeFailed = (e: unknown) => log.error('idempotency_store_failed', describeError(e));

// Bound to its row (AAD): a stored answer copied into another project's row does not decrypt.
const place = (id: string) => ({ column: 'idempotency_keys.response_body_enc', row: id }) as const;

function replay(row: IdempotencyRow, requestId: string): Response {
  const enc = row.responseBodyEnc;
  const body = enc ? Buffer.from(decryptSecret(enc, place(row.id)), 'base64') : null;
  const headers = new Headers(row.responseHeaders ?? []);
  headers.set('Idempotent-Replayed', 'true');
  log.info('idempotent_replay', { request_id: requestId, original_request_id: row.requestId });
  return new Response(body?.length ? body : null, { status: row.responseStatus ?? 500, headers });
}

/**
 * Runs `run` at most once per project and `Idempotency-Key` (POST only; without the header it
 * just runs). Throws a 422 for a malformed key or a key used for another request, a 409 while
 * the first request with the key is still running.
 */
export async function withIdempotency(
  scope: Scope,
  request: IdempotentRequest,
  run: () => Promise<Response>,
): Promise<Response> {
  const key = request.req.headers.get(HEADER);
  if (request.req.method !== 'POST' || key === null) return run();
  if (!VALID_KEY.test(key)) {
    const message = `${HEADER} must be 1 to 255 printable ASCII characters.`;
    throw new ApiError('invalid_idempotency_key', { message, param: HEADER });
  }
  const { requestId } = request;
  const fingerprint = fingerprintOf(request);
  const claim = await claimIdempotencyKey(scope, { key, fingerprint, requestId });
  if (!claim.claimed) {
    if (claim.row.fingerprint !== fingerprint) {
      const message = `This ${HEADER} was already used for another request (method, path or body) in the last 24 hours.`;
      throw new ApiError('idempotency_key_reused', { message, param: HEADER });
    }
    if (claim.row.state === 'in_progress') {
      const message = `A request with this ${HEADER} is still in progress. Retry later.`;
      throw new ApiError('idempotency_request_in_progress', {
        message,
        param: HEADER,
        headers: { 'Retry-After': '1' },
      });
    }
    return replay(claim.row, requestId);
  }
  let res: Response;
  try {
    res = await run();
  } catch (e) {
    await releaseIdempotencyKey(scope, { key, requestId }).catch(storeFailed);
    throw e;
  }
  if (res.status >= 500) {
    await releaseIdempotencyKey(scope, { key, requestId }).catch(storeFailed);
    return res;
  }
  const bytes = Buffer.from(await res.arrayBuffer());
  const headers = [...res.headers].filter(([name]) => name !== 'set-cookie');
  const bodyEnc = bytes.length ? encryptSecret(bytes.toString('base64'), place(claim.id)) : null;
  // Fenced: false when our lease ran out and a retry took the key over; then nothing is stored.
  // A failure to store is logged, not answered: the handler's answer stands, and the claim
  // becomes retakeable after its lease.
  await completeIdempotencyKey(scope, { key, requestId, status: res.status, headers, bodyEnc }).catch(storeFailed);
  return new Response(bytes.length ? bytes : null, { status: res.status, headers: res.headers });
}
