import 'server-only';
import type { Db } from '../db/client';
import { queueEvent } from '../events';
import type { CustomerId, ProjectId, ProvisionedNumberId, SetupLinkId, WhatsappConfigId } from '../ids';
import { numbersOfLinks } from '../provisioning/queries';
import { phoneDigits } from '../setup-links/link-rules';
import type { Scope } from '../scope';
import type { FinalLinkStatus } from '@/lib/shared/vocabulary';
import { lockLinkForUse } from '../setup-links/queries';
import { forgetPendingPin } from '../setup-links/lease';
import { markLinkUsed } from '../setup-links/write';
import { insertWhatsappConfig, refreshWhatsappConfig } from '../whatsapp-configs/write';
import type { ConnectedNumber } from './connect';
import { OnboardingFailure } from './failure-codes';

export type SaveResult =
  | {
      ok: true;
      whatsappConfigId: WhatsappConfigId;
      reconnected: boolean;
      provisionedNumberId: ProvisionedNumberId | null;
    }
  | { ok: false; status: FinalLinkStatus };

interface SaveLink {
  id: SetupLinkId;
  projectId: ProjectId;
  customerId: CustomerId;
  /** Set on reconnect links at creation and never changed, so it can be read before the lock. */
  reconnectWhatsappConfigId?: WhatsappConfigId | null;
}

/**
 * Stores a completed onboarding in one transaction: the config (with the token and PIN
 * encrypted), the link marked used, and their events. The link row is locked first, so of two
 * concurrent completions the second waits, then sees `used` and writes nothing (no second config).
 * A reconnect link refreshes its existing config instead (same lock, same single transaction);
 * when that config was deleted meanwhile, nothing is written and the attempt fails with
 * reconnect_number_mismatch (no config of the customer has the number any more).
 */
export async function saveCompletedOnboarding(
  db: Db,
  { link, connected: n }: { link: SaveLink; connected: ConnectedNumber },
): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    const scope = { db: tx, projectId: link.projectId };
    // A link that vanished (its customer was deleted) can no more be used than a revoked one.
    const status = (await lockLinkForUse(scope, { setupLinkId: link.id })) ?? 'revoked';
    if (status !== 'active') return { ok: false, status };

    // The API's own events of these types have the same payload shapes. They are queued in this
    // order: the number, the config (by its insert), the link (by its transition).
    // The link's bought number, if the customer connected that one (not a number of their own).
    const bought = (await numbersOfLinks(tx, { setupLinkIds: [link.id] })).get(link.id);
    const provisionedNumberId =
      bought && phoneDigits(bought.phoneNumber) === phoneDigits(n.phone.displayPhoneNumber) ? bought.id : null;
    const payload = {
      phone_number_id: n.phone.id,
      ...(provisionedNumberId ? { provisioned_phone_number_id: provisionedNumberId } : {}),
      project: { id: link.projectId },
      customer: { id: link.customerId },
      setup_link_id: link.id,
      business_account_id: n.wabaId,
      display_phone_number: n.phone.displayPhoneNumber,
      connection_type: n.connectionType,
    };
    const reconnected = link.reconnectWhatsappConfigId
      ? await reconnectConfig(scope, { link, whatsappConfigId: link.reconnectWhatsappConfigId, connected: n, payload })
      : null;
    const whatsappConfigId = reconnected ?? (await newConfig(scope, { link, connected: n, payload }));
    // The PIN registered with is now the config's (encrypted there): the link keeps no copy.
    await forgetPendingPin(scope, { setupLinkId: link.id });
    await markLinkUsed(scope, {
      setupLinkId: link.id,
      use: {
        whatsappConfigId,
        phoneNumberId: n.phone.id,
        businessAccountId: n.wabaId,
        displayPhoneNumber: n.phone.displayPhoneNumber,
      },
    });
    return { ok: true, whatsappConfigId, reconnected: reconnected !== null, provisionedNumberId };
  });
}

type Save = { link: SaveLink; connected: ConnectedNumber; payload: Record<string, unknown> };

/** An ordinary link: whatsapp.phone_number.created, then the new config (and its config.created). */
async function newConfig(scope: Scope, { link, connected: n, payload }: Save): Promise<WhatsappConfigId> {
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
  return config.id;
}

/** A reconnect link: the existing config refreshed, then whatsapp.phone_number.reconnected naming it. */
async function reconnectConfig(
  scope: Scope,
  { link, whatsappConfigId, connected: n, payload }: Save & { whatsappConfigId: WhatsappConfigId },
): Promise<WhatsappConfigId> {
  const config = await refreshWhatsappConfig(scope, {
    customerId: link.customerId,
    whatsappConfigId,
    refresh: {
      phoneNumberId: n.phone.id,
      businessAccountId: n.wabaId,
      displayPhoneNumber: n.phone.displayPhoneNumber,
      verifiedName: n.phone.verifiedName,
      accessToken: n.accessToken,
      pin: n.pin,
      connectionType: n.connectionType,
    },
  });
  // Thrown inside the transaction: it rolls back, and the completion records the failure.
  if (!config) throw new OnboardingFailure('reconnect_number_mismatch', 'the config this link reconnects was deleted');
  await queueEvent(scope, {
    type: 'whatsapp.phone_number.reconnected',
    payload: { ...payload, whatsapp_config_id: config.id },
    setupLinkId: link.id,
  });
  return config.id;
}
