import 'server-only';
import type { Db } from '../db/client';
import { setupLinks } from '../db/schema';
import { queueEvent } from '../events';
import { requireCustomer } from '../customers/queries';
import { CONNECTION_TYPES, MAX_LINK_HOURS, type SetupLinkCreateInput } from './schema';
import { revokeActiveLinks } from './revoke';
import { linkColumns, setupLinkEvent, toApiSetupLink, type ApiSetupLink } from './serialize';
import { expireDueLinks } from './expire';
import { newLinkToken } from './token';

const HOUR = 3_600_000;

/**
 * Creates the customer's new active link and revokes the previous one, in one transaction.
 * The customer row is locked first, so concurrent creates for one customer queue up instead of
 * tripping the one-active-link index; each one wins in turn and the last stays active.
 * `input` is setupLinkCreateSchema's output; omitted fields take the SPEC 4.1 defaults.
 */
export async function createSetupLink(
  db: Db,
  projectId: string,
  customerId: string,
  input: SetupLinkCreateInput,
): Promise<ApiSetupLink> {
  const row = await db.transaction(async (tx) => {
    await requireCustomer(tx, projectId, customerId, { lock: true });
    // A due link becomes expired, not revoked: expire first, then revoke what is still active.
    await expireDueLinks(tx, customerId);
    await revokeActiveLinks(tx, customerId);
    const now = new Date();
    const { tokenHash, tokenEnc } = newLinkToken();
    const [link] = await tx
      .insert(setupLinks)
      .values({
        allowedConnectionTypes: [...CONNECTION_TYPES],
        phoneNumberCountryIsos: ['US'],
        ...linkColumns(input),
        projectId,
        customerId,
        tokenHash,
        tokenEnc,
        createdAt: now,
        updatedAt: now,
        expiresAt: input.expires_at ?? new Date(now.getTime() + (input.expires_in_hours ?? MAX_LINK_HOURS) * HOUR),
      })
      .returning();
    await queueEvent(tx, projectId, 'setup_link.created', setupLinkEvent(link));
    return link;
  });
  return toApiSetupLink(row);
}
