import 'server-only';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { setupLinks } from '../db/schema';
import { queueEvent } from '../events';
import { setupLinkEvent } from './serialize';

/**
 * Stores `expired` for active links whose time has passed (lazily on read, and by the periodic
 * sweep) and queues one setup_link.expired event per link. Pass a customer id to limit it.
 * Concurrent callers cannot double-report: the UPDATE only matches rows still active.
 */
export async function expireDueLinks(db: Db, customerId?: string): Promise<number> {
  const due = and(
    eq(setupLinks.status, 'active'),
    lte(setupLinks.expiresAt, sql`now()`),
    customerId ? eq(setupLinks.customerId, customerId) : undefined,
  );
  // Every API read of a customer's links comes through here: the usual answer (nothing due) costs
  // one indexed SELECT, and only a real expiry pays for the write transaction.
  const [anyDue] = await db.select({ id: setupLinks.id }).from(setupLinks).where(due).limit(1);
  if (!anyDue) return 0;
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(setupLinks)
      .set({ status: 'expired', updatedAt: sql`now()` })
      .where(due)
      .returning();
    for (const row of rows) await queueEvent(tx, row.projectId, 'setup_link.expired', setupLinkEvent(row));
    return rows.length;
  });
}
