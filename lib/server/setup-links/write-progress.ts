import 'server-only';
import { and, eq, gt, isNotNull, isNull, lte, ne, or } from 'drizzle-orm';
import { now } from '../clock';
import type { Db } from '../db/client';
import { setupLinks } from '../db/schema';
import type { ProjectId, SetupLinkId } from '../ids';
import type { Scope } from '../scope';
import { apiTime } from '@/lib/shared/time';
import type { ConnectionType, FailureCode, PageStep } from '@/lib/shared/vocabulary';
import { queueLinkEvent } from './queue-link-event';

// The writes of `setup_links` that the customer's side causes: the hosted page's steps, failed
// and cancelled attempts, the silence the sweep reports, and the request for a new link. Each
// queues its funnel event in the same transaction (write.ts has the partner's side).

/** Opened, then this long without a report from the page: setup_link.abandoned. */
export const ABANDON_AFTER_MS = 30 * 60_000;
/** How often the customer of a final link may ask the partner for a new one. */
export const RENEWAL_INTERVAL_MS = 3_600_000;

// Progress and failures change only a link that is still active (and not past expires_at): a
// late report from an old tab must never touch a used, revoked or expired link.
const stillActive = ({ projectId }: Scope, setupLinkId: SetupLinkId) =>
  and(
    eq(setupLinks.id, setupLinkId),
    eq(setupLinks.projectId, projectId),
    eq(setupLinks.status, 'active'),
    gt(setupLinks.expiresAt, now()),
  );

/**
 * The page's script reports a step. It becomes the link's last step and latest activity, the
 * first report sets opened_at, and the step's event is queued: setup_link.opened on the first
 * open only, the other steps each time (with the connection type). False when the link is no
 * longer active. Concurrency: the row lock orders two tabs' reports, so only one sees it unopened.
 */
export async function recordLinkStep(
  scope: Scope,
  { setupLinkId, step, connectionType }: { setupLinkId: SetupLinkId; step: PageStep; connectionType?: ConnectionType },
): Promise<boolean> {
  return scope.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ openedAt: setupLinks.openedAt })
      .from(setupLinks)
      .where(stillActive(scope, setupLinkId))
      .for('no key update');
    if (!current) return false;
    const at = now();
    const [row] = await tx
      .update(setupLinks)
      .set({
        lastStep: step,
        lastActivityAt: at,
        openedAt: current.openedAt ?? at,
        updatedAt: at,
        // Opening the page is not yet starting the setup.
        ...(step === 'opened' ? {} : { whatsappSetupStatus: 'in_progress' as const }),
      })
      .where(eq(setupLinks.id, setupLinkId))
      .returning();
    if (step !== 'opened' || !current.openedAt)
      await queueLinkEvent(tx, row, `setup_link.${step}`, connectionType ? { connection_type: connectionType } : {});
    return true;
  });
}

/** How an attempt in Meta's window ended without a number. */
export interface LinkFailure {
  errorCode: FailureCode;
  connectionType: ConnectionType;
  /** The customer closed Meta's window; `metaStep` is the step Meta's CANCEL event named. */
  cancelled?: { metaStep: string | null };
}

/**
 * A failed or cancelled attempt: the link stays active (the customer may try again), its status
 * says `failed` with the code, and setup_link.cancelled or setup_link.failed is queued. False when
 * the link is no longer active.
 */
export async function recordLinkFailure(
  scope: Scope,
  { setupLinkId, failure }: { setupLinkId: SetupLinkId; failure: LinkFailure },
): Promise<boolean> {
  const { errorCode, connectionType, cancelled } = failure;
  return scope.db.transaction(async (tx) => {
    const at = now();
    const [row] = await tx
      .update(setupLinks)
      .set({
        whatsappSetupStatus: 'failed',
        whatsappSetupError: errorCode,
        lastStep: cancelled ? 'cancelled' : 'failed',
        lastActivityAt: at,
        updatedAt: at,
      })
      .where(stillActive(scope, setupLinkId))
      .returning();
    if (!row) return false;
    const extra = { error_code: errorCode, connection_type: connectionType };
    if (cancelled)
      await queueLinkEvent(tx, row, 'setup_link.cancelled', { ...extra, current_step: cancelled.metaStep });
    else await queueLinkEvent(tx, row, 'setup_link.failed', extra);
    return true;
  });
}

/**
 * Reports each link opened and then silent for ABANDON_AFTER_MS as setup_link.abandoned (with its
 * last step), once per link, across all projects (the periodic sweep). Concurrent sweeps cannot
 * double-report: the UPDATE only matches links not yet marked abandoned. `projectId` limits it
 * (tests sharing one PostgreSQL database).
 */
export async function abandonSilentLinks(db: Db, { projectId }: { projectId?: ProjectId } = {}): Promise<number> {
  const at = now();
  const due = and(
    projectId ? eq(setupLinks.projectId, projectId) : undefined,
    eq(setupLinks.status, 'active'),
    isNull(setupLinks.abandonedAt),
    isNotNull(setupLinks.openedAt),
    lte(setupLinks.lastActivityAt, new Date(at.getTime() - ABANDON_AFTER_MS)),
    gt(setupLinks.expiresAt, at),
  );
  const [anyDue] = await db.select({ id: setupLinks.id }).from(setupLinks).where(due).limit(1);
  if (!anyDue) return 0;
  return db.transaction(async (tx) => {
    const rows = await tx.update(setupLinks).set({ abandonedAt: at }).where(due).returning();
    for (const row of rows)
      await queueLinkEvent(tx, row, 'setup_link.abandoned', {
        last_step: row.lastStep,
        last_activity_at: apiTime(row.lastActivityAt),
      });
    return rows.length;
  });
}

/**
 * The customer of a link that is no longer active asks the partner for a new one (the state
 * page's button): queues setup_link.renewal_requested. At most once per RENEWAL_INTERVAL_MS per
 * link: the conditional UPDATE lets exactly one of two concurrent requests through (and never one
 * for a link still active). When it is refused, `retryAt` says when the next will be accepted.
 */
export async function requestLinkRenewal(
  scope: Scope,
  { setupLinkId }: { setupLinkId: SetupLinkId },
): Promise<{ recorded: true } | { recorded: false; retryAt: Date }> {
  return scope.db.transaction(async (tx) => {
    const at = now();
    const lastAllowed = new Date(at.getTime() - RENEWAL_INTERVAL_MS);
    const [row] = await tx
      .update(setupLinks)
      .set({ renewalRequestedAt: at })
      .where(
        and(
          eq(setupLinks.id, setupLinkId),
          eq(setupLinks.projectId, scope.projectId),
          or(ne(setupLinks.status, 'active'), lte(setupLinks.expiresAt, at)),
          or(isNull(setupLinks.renewalRequestedAt), lte(setupLinks.renewalRequestedAt, lastAllowed)),
        ),
      )
      .returning();
    if (row) {
      await queueLinkEvent(tx, row, 'setup_link.renewal_requested');
      return { recorded: true };
    }
    const [last] = await tx
      .select({ at: setupLinks.renewalRequestedAt })
      .from(setupLinks)
      .where(eq(setupLinks.id, setupLinkId));
    return { recorded: false, retryAt: new Date((last?.at ?? at).getTime() + RENEWAL_INTERVAL_MS) };
  });
}
