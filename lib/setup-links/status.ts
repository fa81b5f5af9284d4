import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { setupLinks } from '../db/schema';

export type LinkStatus = 'active' | 'used' | 'expired' | 'revoked';

/** What the API reports: an active link past `expires_at` is expired even before the sweep stores it. */
export function effectiveStatus(row: { status: LinkStatus; expiresAt: Date }, now = new Date()): LinkStatus {
  return row.status === 'active' && row.expiresAt.getTime() <= now.getTime() ? 'expired' : row.status;
}

/**
 * Stores `expired` for active links whose time has passed (lazily on read, and by the periodic sweep).
 * Pass a customer id to limit it. Returns how many links changed.
 */
export async function expireDueLinks(db: Db, customerId?: string): Promise<number> {
  const due = and(eq(setupLinks.status, 'active'), lte(setupLinks.expiresAt, sql`now()`), customerId ? eq(setupLinks.customerId, customerId) : undefined);
  const rows = await db.update(setupLinks).set({ status: 'expired', updatedAt: sql`now()` }).where(due).returning({ id: setupLinks.id });
  return rows.length;
}
