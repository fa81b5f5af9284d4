import 'server-only';
import { and, eq, inArray, lte, or } from 'drizzle-orm';
import { now } from '../clock';
import type { Db } from '../db/client';
import { idempotencyKeys } from '../db/schema';
import type { Scope } from '../scope';

// Every statement that writes `idempotency_keys`. A row is the claim of one (project, key): taken
// by the first request (`in_progress`, leased), then `done` with the answer it replays for 24 h.
//
// Concurrency: the claim is an INSERT ... ON CONFLICT DO NOTHING on the unique (project_id, key),
// so of two instances racing on one key exactly one inserts. A row may be taken over only by a
// conditional UPDATE (whose WHERE is re-checked on the row it locks, so again one winner): when it
// has expired (treated as absent, whatever its request), or when it is still `in_progress` after
// its lease and the same request is retried (the instance running it crashed). Completing and
// releasing are fenced on the claimant's request id, so a request whose lease was taken over
// cannot overwrite the newer claim. Not exactly-once: a crash after the handler committed but
// before its answer was stored lets a retry after the lease run the request again.

/** How long a claim stays `in_progress` before a retry of the same request may take it over. */
export const LEASE_MS = 60_000;
/** How long an answer is replayed; after that the key is free again. */
export const RETAIN_MS = 24 * 3_600_000;

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;
type Claim = { claimed: true; id: string } | { claimed: false; row: IdempotencyRow };

const keyOf = (scope: Scope, key: string) =>
  and(eq(idempotencyKeys.projectId, scope.projectId), eq(idempotencyKeys.key, key));

/** Claims `key` for the request `requestId`, or answers the row another request holds. */
export async function claimIdempotencyKey(
  scope: Scope,
  { key, fingerprint, requestId }: { key: string; fingerprint: string; requestId: string },
): Promise<Claim> {
  // A row released between our INSERT and SELECT (a 5xx) is gone: claim again (bounded).
  for (let round = 0; round < 3; round++) {
    const at = now();
    const fresh = {
      fingerprint,
      requestId,
      state: 'in_progress' as const,
      lockedUntil: new Date(at.getTime() + LEASE_MS),
      responseStatus: null,
      responseHeaders: null,
      responseBodyEnc: null,
      createdAt: at,
      expiresAt: new Date(at.getTime() + RETAIN_MS),
    };
    const [inserted] = await scope.db
      .insert(idempotencyKeys)
      .values({ projectId: scope.projectId, key, ...fresh })
      .onConflictDoNothing()
      .returning({ id: idempotencyKeys.id });
    if (inserted) return { claimed: true, id: inserted.id };
    const [takenOver] = await scope.db
      .update(idempotencyKeys)
      .set(fresh)
      .where(
        and(
          keyOf(scope, key),
          or(
            lte(idempotencyKeys.expiresAt, at),
            and(
              eq(idempotencyKeys.state, 'in_progress'),
              lte(idempotencyKeys.lockedUntil, at),
              eq(idempotencyKeys.fingerprint, fingerprint),
            ),
          ),
        ),
      )
      .returning({ id: idempotencyKeys.id });
    if (takenOver) return { claimed: true, id: takenOver.id };
    const [row] = await scope.db.select().from(idempotencyKeys).where(keyOf(scope, key));
    if (row) return { claimed: false, row };
  }
  throw new Error('Idempotency key claim did not settle');
}

const ours = (scope: Scope, key: string, requestId: string) =>
  and(keyOf(scope, key), eq(idempotencyKeys.requestId, requestId), eq(idempotencyKeys.state, 'in_progress'));

/** Stores the answer of the claimant `requestId`; false when its claim was taken over meanwhile. */
export async function completeIdempotencyKey(
  scope: Scope,
  {
    key,
    requestId,
    status,
    headers,
    bodyEnc,
  }: { key: string; requestId: string; status: number; headers: [string, string][]; bodyEnc: string | null },
): Promise<boolean> {
  const rows = await scope.db
    .update(idempotencyKeys)
    .set({
      state: 'done',
      lockedUntil: null,
      responseStatus: status,
      responseHeaders: headers,
      responseBodyEnc: bodyEnc,
    })
    .where(ours(scope, key, requestId))
    .returning({ id: idempotencyKeys.id });
  return rows.length > 0;
}

/** Frees the key (the answer was a 5xx, or the handler failed): the client may retry with it. */
export async function releaseIdempotencyKey(
  scope: Scope,
  { key, requestId }: { key: string; requestId: string },
): Promise<void> {
  await scope.db.delete(idempotencyKeys).where(ours(scope, key, requestId));
}

/** Deletes expired keys of every project, `batch` at a time (for the periodic sweep). */
export async function deleteExpiredIdempotencyKeys(db: Db, { batch = 1000 }: { batch?: number } = {}) {
  const due = db
    .select({ id: idempotencyKeys.id })
    .from(idempotencyKeys)
    .where(lte(idempotencyKeys.expiresAt, now()))
    .limit(batch);
  const rows = await db
    .delete(idempotencyKeys)
    .where(inArray(idempotencyKeys.id, due))
    .returning({ id: idempotencyKeys.id });
  return rows.length;
}
