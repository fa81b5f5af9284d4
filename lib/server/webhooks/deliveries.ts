import 'server-only';
import { and, asc, eq, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { now } from '../clock';
import type { Db } from '../db/client';
import { webhookDeliveries, webhookEndpoints, webhookEvents } from '../db/schema';
import { ConflictError } from '../errors';
import type { ProjectId, WebhookDeliveryId, WebhookEndpointId, WebhookEventId } from '../ids';
import type { Scope } from '../scope';
import type { EventType } from '@/lib/shared/vocabulary';
import type { WebhookDelivery } from './domain';
import { requireWebhookDelivery } from './queries';
import { subscribedTo } from './subscription';

// Every statement that writes `webhook_deliveries`.
//
// Fan-out happens when the event is written: queueEvent inserts one pending delivery per endpoint
// subscribed at that moment, in the transaction of the change (so an event never exists without
// its deliveries, and an endpoint created later does not receive older events).
//
// Claiming: one UPDATE takes due rows with FOR NO KEY UPDATE SKIP LOCKED (concurrent workers skip each
// other's rows instead of waiting), counts the attempt and sets a lease (`leased_until`, and
// `next_attempt_at` pushed to the same instant). A worker that crashes mid-send leaves the lease
// to expire, and the row is due again. The attempt count is the fencing token: a worker whose
// lease expired and was re-claimed cannot overwrite the newer attempt's result.

/** Grace before a delivery sent inline (test, retry) is also due for the workers. */
const INLINE_GRACE_MS = 30_000;

/** The NOTIFY channel that wakes the workers (worker.ts) when deliveries are due. */
export const DELIVERIES_CHANNEL = 'webhook_deliveries';

/**
 * Inserts the event's deliveries: to `endpointId` only (webhook.test), or to every subscribed
 * endpoint, and then wakes the workers: the NOTIFY is sent at commit, and not at all on rollback.
 * PostgreSQL folds identical notifications of one transaction into one, so an onboarding's three
 * events wake each worker once. Inline deliveries (the caller sends them) wake nobody.
 */
export async function fanOutEvent(
  { db, projectId }: Scope,
  { eventId, type, endpointId }: { eventId: WebhookEventId; type: EventType; endpointId?: WebhookEndpointId },
): Promise<void> {
  const at = endpointId ? new Date(now().getTime() + INLINE_GRACE_MS) : now();
  const target = endpointId ? sql`id = ${endpointId}` : subscribedTo(type);
  // One statement, whatever the driver: NOTIFY only when a delivery was inserted.
  await db.execute(sql`
    with inserted as (
      insert into webhook_deliveries (project_id, endpoint_id, event_id, event_type, next_attempt_at)
      select project_id, id, ${eventId}, ${type}, ${at.toISOString()}::timestamptz
      from webhook_endpoints where project_id = ${projectId} and ${target}
      on conflict (endpoint_id, event_id) do nothing
      returning 1
    )
    select pg_notify(${DELIVERIES_CHANNEL}, '') where ${endpointId ? sql`false` : sql`exists (select from inserted)`}`);
}

/** A claimed delivery with what sending it needs. */
export interface ClaimedDelivery {
  delivery: WebhookDelivery;
  event: { id: WebhookEventId; type: EventType; payload: Record<string, unknown>; createdAt: Date };
  endpoint: { id: WebhookEndpointId; url: string; active: boolean; secretEnc: string };
}

/**
 * Claims up to `limit` due deliveries (or the one `deliveryId`, due or not, unless leased) for
 * `leaseMs`, of every project or of `projectId` only. Safe with any number of concurrent workers:
 * each row goes to one of them.
 */
export async function claimDeliveries(
  db: Db,
  {
    limit,
    leaseMs,
    deliveryId,
    projectId,
  }: { limit: number; leaseMs: number; deliveryId?: WebhookDeliveryId; projectId?: ProjectId },
): Promise<ClaimedDelivery[]> {
  const t = now();
  const leaseEnd = new Date(t.getTime() + leaseMs);
  const d = webhookDeliveries;
  const notLeased = or(isNull(d.leasedUntil), lte(d.leasedUntil, t));
  const due = db
    .select({ id: d.id })
    .from(d)
    .where(
      deliveryId
        ? and(eq(d.id, deliveryId), eq(d.status, 'pending'), notLeased)
        : and(
            eq(d.status, 'pending'),
            lte(d.nextAttemptAt, t),
            notLeased,
            projectId ? eq(d.projectId, projectId) : undefined,
          ),
    )
    .orderBy(asc(d.nextAttemptAt))
    .limit(limit)
    .for('no key update', { skipLocked: true });
  const claimed = await db
    .update(d)
    .set({ attempts: sql`${d.attempts} + 1`, leasedUntil: leaseEnd, nextAttemptAt: leaseEnd, updatedAt: t })
    .where(inArray(d.id, due))
    .returning();
  if (claimed.length === 0) return [];
  const rows = await db
    .select({
      id: webhookDeliveries.id,
      event: {
        id: webhookEvents.id,
        type: webhookEvents.type,
        payload: webhookEvents.payload,
        createdAt: webhookEvents.createdAt,
      },
      endpoint: {
        id: webhookEndpoints.id,
        url: webhookEndpoints.url,
        active: webhookEndpoints.active,
        secretEnc: webhookEndpoints.secretEnc,
      },
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(
      inArray(
        webhookDeliveries.id,
        claimed.map((c) => c.id),
      ),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return claimed.flatMap((delivery) => {
    const r = byId.get(delivery.id);
    return r ? [{ delivery, event: r.event, endpoint: r.endpoint }] : [];
  });
}

/** What one attempt came to. */
export type AttemptOutcome =
  | { kind: 'succeeded'; statusCode: number }
  | { kind: 'retry'; statusCode: number | null; error: string; nextAttemptAt: Date }
  | { kind: 'failed'; statusCode: number | null; error: string };

/** Stores an attempt's result, unless the claim was lost meanwhile (then returns null). */
export async function recordAttempt(
  db: Db,
  { claim, outcome }: { claim: WebhookDelivery; outcome: AttemptOutcome },
): Promise<WebhookDelivery | null> {
  const t = now();
  const d = webhookDeliveries;
  const common = { leasedUntil: null, updatedAt: t, lastStatusCode: outcome.statusCode };
  const set =
    outcome.kind === 'succeeded'
      ? { ...common, status: 'succeeded' as const, nextAttemptAt: null, lastError: null, deliveredAt: t }
      : outcome.kind === 'retry'
        ? { ...common, nextAttemptAt: outcome.nextAttemptAt, lastError: outcome.error }
        : { ...common, status: 'failed' as const, nextAttemptAt: null, lastError: outcome.error };
  const [row] = await db
    .update(d)
    .set(set)
    .where(and(eq(d.id, claim.id), eq(d.attempts, claim.attempts), eq(d.status, 'pending')))
    .returning();
  return row ?? null;
}

/**
 * Makes a failed or pending delivery pending again, due a little later (the caller sends it at
 * once). 409 when it already succeeded; unchanged while a worker is sending it.
 */
export async function reopenDelivery(
  scope: Scope,
  { deliveryId }: { deliveryId: WebhookDeliveryId },
): Promise<WebhookDelivery> {
  const current = await requireWebhookDelivery(scope, { deliveryId });
  const t = now();
  const d = webhookDeliveries;
  const [row] = await scope.db
    .update(d)
    .set({ status: 'pending', nextAttemptAt: new Date(t.getTime() + INLINE_GRACE_MS), updatedAt: t })
    .where(and(eq(d.id, current.id), ne(d.status, 'succeeded'), or(isNull(d.leasedUntil), lte(d.leasedUntil, t))))
    .returning();
  if (row) return row;
  const latest = await requireWebhookDelivery(scope, { deliveryId });
  if (latest.status === 'succeeded')
    throw new ConflictError('delivery_already_succeeded', 'This delivery already succeeded.', 'id');
  return latest;
}
