import 'server-only';
import { and, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { setupLinks } from '../db/schema';
import { queueEvent } from '../events';
import { lockActiveSetupLink } from './queries';
import { setupLinkEvent, toApiSetupLink, type ApiSetupLink, type SetupLinkRow } from './serialize';

/** Revokes the active links matching `where` and queues setup_link.revoked for each, in `tx`. */
async function revokeWhere(tx: Db, where: SQL | undefined): Promise<SetupLinkRow[]> {
  const now = new Date();
  const rows = await tx
    .update(setupLinks)
    .set({ status: 'revoked', revokedAt: now, updatedAt: now })
    .where(and(where, eq(setupLinks.status, 'active')))
    .returning();
  for (const row of rows) await queueEvent(tx, row.projectId, 'setup_link.revoked', setupLinkEvent(row));
  return rows;
}

/** A newer link replaces the customer's active one (at most one, by the partial unique index). */
export const revokeActiveLinks = (tx: Db, customerId: string) => revokeWhere(tx, eq(setupLinks.customerId, customerId));

/** Revokes an already locked active link (see lockActiveSetupLink). */
export async function revokeLockedLink(tx: Db, row: SetupLinkRow): Promise<SetupLinkRow> {
  const [revoked] = await revokeWhere(tx, eq(setupLinks.id, row.id));
  return revoked;
}

/** DELETE .../setup_links/{id}: 200 with the revoked link; a final link is a 409. */
export async function revokeSetupLink(
  db: Db,
  projectId: string,
  customerId: string,
  id: string,
): Promise<ApiSetupLink> {
  const row = await db.transaction(async (tx) =>
    revokeLockedLink(tx, await lockActiveSetupLink(tx, projectId, customerId, id)),
  );
  return toApiSetupLink(row);
}
