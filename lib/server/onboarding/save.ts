import 'server-only';
import type { Db } from '../db/client';
import { queueEvent } from '../events';
import type { CustomerId, ProjectId, SetupLinkId, WhatsappConfigId } from '../ids';
import type { FinalLinkStatus } from '@/lib/shared/vocabulary';
import { lockLinkForUse } from '../setup-links/queries';
import { markLinkUsed } from '../setup-links/write';
import { insertWhatsappConfig } from '../whatsapp-configs/write';
import type { ConnectedNumber } from './connect';

export type SaveResult = { ok: true; whatsappConfigId: WhatsappConfigId } | { ok: false; status: FinalLinkStatus };

/**
 * Stores a completed onboarding in one transaction: the config (with the token and PIN
 * encrypted), the link marked used, and their events. The link row is locked first, so of two
 * concurrent completions the second waits, then sees `used` and writes nothing (no second config).
 */
export async function saveCompletedOnboarding(
  db: Db,
  {
    link,
    connected: n,
  }: { link: { id: SetupLinkId; projectId: ProjectId; customerId: CustomerId }; connected: ConnectedNumber },
): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    const scope = { db: tx, projectId: link.projectId };
    // A link that vanished (its customer was deleted) can no more be used than a revoked one.
    const status = (await lockLinkForUse(scope, { setupLinkId: link.id })) ?? 'revoked';
    if (status !== 'active') return { ok: false, status };

    // The API's own events of these types have the same payload shapes. They are queued in this
    // order: the number, the config (by its insert), the link (by its transition).
    const payload = {
      phone_number_id: n.phone.id,
      project: { id: link.projectId },
      customer: { id: link.customerId },
      setup_link_id: link.id,
      business_account_id: n.wabaId,
      display_phone_number: n.phone.displayPhoneNumber,
      connection_type: n.connectionType,
    };
    await queueEvent(scope, { type: 'whatsapp.phone_number.created', payload, setupLinkId: link.id });
    const config = await insertWhatsappConfig(scope, {
      customerId: link.customerId,
      config: {
        name: n.phone.verifiedName ?? n.phone.displayPhoneNumber,
        phoneNumberId: n.phone.id,
        businessAccountId: n.wabaId,
        displayPhoneNumber: n.phone.displayPhoneNumber,
        verifiedName: n.phone.verifiedName,
        accessToken: n.accessToken,
        webhookVerifyToken: null,
        webhookDestinationUrl: null,
        pin: n.pin,
        connectionType: n.connectionType,
        setupLinkId: link.id,
      },
    });
    await markLinkUsed(scope, {
      setupLinkId: link.id,
      use: {
        whatsappConfigId: config.id,
        phoneNumberId: n.phone.id,
        businessAccountId: n.wabaId,
        displayPhoneNumber: n.phone.displayPhoneNumber,
      },
    });
    return { ok: true, whatsappConfigId: config.id };
  });
}
