import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { setupLinks, whatsappConfigs } from '../db/schema';
import { encryptSecret } from '../crypto';
import { queueEvent } from '../events';
import { setupLinkEvent } from '../setup-links/serialize';
import { effectiveStatus, type LinkStatus } from '../setup-links/status';
import { whatsappConfigEvent } from '../whatsapp-configs/serialize';
import type { ConnectedNumber } from './connect';

export type SaveResult = { ok: true; whatsappConfigId: string } | { ok: false; status: Exclude<LinkStatus, 'active'> };

/**
 * SPEC 8 step 6, in one transaction: the link row is locked first, so of two concurrent completions
 * the second waits, then sees `used` and writes nothing (no second config).
 */
export async function saveCompletedOnboarding(
  db: Db,
  link: { id: string; projectId: string; customerId: string },
  n: ConnectedNumber,
): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: setupLinks.status, expiresAt: setupLinks.expiresAt })
      .from(setupLinks)
      .where(eq(setupLinks.id, link.id))
      .for('update');
    // A link that vanished (its customer was deleted) can no more be used than a revoked one.
    const status = row ? effectiveStatus(row) : 'revoked';
    if (status !== 'active') return { ok: false, status };

    const [config] = await tx
      .insert(whatsappConfigs)
      .values({
        projectId: link.projectId,
        customerId: link.customerId,
        name: n.phone.verifiedName ?? n.phone.displayPhoneNumber,
        phoneNumberId: n.phone.id,
        businessAccountId: n.wabaId,
        displayPhoneNumber: n.phone.displayPhoneNumber,
        verifiedName: n.phone.verifiedName,
        accessTokenEnc: encryptSecret(n.accessToken),
        pinEnc: n.pin ? encryptSecret(n.pin) : null,
        connectionType: n.connectionType,
        setupLinkId: link.id,
      })
      .returning();

    const [used] = await tx
      .update(setupLinks)
      .set({
        status: 'used',
        usedAt: sql`now()`,
        updatedAt: sql`now()`,
        whatsappSetupStatus: 'completed',
        whatsappSetupError: null,
        whatsappConfigId: config.id,
        phoneNumberId: n.phone.id,
        businessAccountId: n.wabaId,
        displayPhoneNumber: n.phone.displayPhoneNumber,
      })
      .where(eq(setupLinks.id, link.id))
      .returning();

    // Same payload shapes as the API's own events of these types.
    await queueEvent(tx, link.projectId, 'whatsapp.phone_number.created', {
      phone_number_id: n.phone.id,
      project: { id: link.projectId },
      customer: { id: link.customerId },
      setup_link_id: link.id,
      business_account_id: n.wabaId,
      display_phone_number: n.phone.displayPhoneNumber,
      connection_type: n.connectionType,
    });
    await queueEvent(tx, link.projectId, 'whatsapp.config.created', whatsappConfigEvent(config));
    await queueEvent(tx, link.projectId, 'setup_link.used', setupLinkEvent(used));
    return { ok: true, whatsappConfigId: config.id };
  });
}
