import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { setupLinks } from '../db/schema';
import type { SetupLinkUpdateInput } from './schema';
import { lockActiveSetupLink } from './queries';
import { revokeLockedLink } from './revoke';
import { linkColumns, toApiSetupLink, type ApiSetupLink } from './serialize';

/**
 * PATCH: changes the given fields of an active link (409 otherwise) and, with
 * `status: "revoked"`, revokes it in the same transaction.
 */
export async function updateSetupLink(
  db: Db,
  projectId: string,
  customerId: string,
  id: string,
  input: SetupLinkUpdateInput,
): Promise<ApiSetupLink> {
  const row = await db.transaction(async (tx) => {
    let link = await lockActiveSetupLink(tx, projectId, customerId, id);
    const { status, ...changes } = input;
    const columns = linkColumns(changes);
    if (Object.keys(columns).length > 0) {
      [link] = await tx
        .update(setupLinks)
        .set({ ...columns, updatedAt: new Date() })
        .where(eq(setupLinks.id, link.id))
        .returning();
    }
    return status === 'revoked' ? revokeLockedLink(tx, link) : link;
  });
  return toApiSetupLink(row);
}
