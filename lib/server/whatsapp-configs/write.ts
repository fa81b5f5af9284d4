import 'server-only';
import { and, eq } from 'drizzle-orm';
import { now } from '../clock';
import { encryptSecret, type SecretColumn } from '../crypto';
import { whatsappConfigs } from '../db/schema';
import { queueEvent } from '../events';
import { newId, type CustomerId, type WhatsappConfigId } from '../ids';
import type { ConnectionType } from '@/lib/shared/vocabulary';
import type { Scope } from '../scope';
import { requireCustomer } from '../customers/queries';
import { toWhatsappConfig, type NewWhatsappConfig, type WhatsappConfig } from './domain';
import { whatsappConfigEvent, type WhatsappConfigInput, type WhatsappConfigUpdate } from './schema';
import { getWhatsappConfig } from './queries';

// Every statement that writes `whatsapp_configs` (deleting a customer removes its configs by cascade).

/** A secret to store, encrypted: undefined leaves the column alone (PATCH), null clears it. */
const encryptOrNull = (v: string | null | undefined, column: SecretColumn, row: WhatsappConfigId) =>
  v === undefined ? undefined : v === null ? null : encryptSecret(v, { column, row });

/**
 * The one insert of a config, for the API and for completed setup links alike, and its
 * whatsapp.config.created event. `scope.db` is the caller's transaction: the event exists exactly
 * when the config does.
 */
export async function insertWhatsappConfig(
  { db: tx, projectId }: Scope,
  { customerId, config }: { customerId: CustomerId; config: NewWhatsappConfig },
): Promise<WhatsappConfig> {
  const id = newId<WhatsappConfigId>();
  const [row] = await tx
    .insert(whatsappConfigs)
    .values({
      id,
      projectId,
      customerId,
      name: config.name,
      phoneNumberId: config.phoneNumberId,
      businessAccountId: config.businessAccountId,
      displayPhoneNumber: config.displayPhoneNumber,
      verifiedName: config.verifiedName,
      accessTokenEnc: encryptSecret(config.accessToken, { column: 'whatsapp_configs.access_token_enc', row: id }),
      webhookVerifyTokenEnc:
        encryptOrNull(config.webhookVerifyToken, 'whatsapp_configs.webhook_verify_token_enc', id) ?? null,
      webhookDestinationUrl: config.webhookDestinationUrl,
      pinEnc: encryptOrNull(config.pin, 'whatsapp_configs.pin_enc', id) ?? null,
      connectionType: config.connectionType,
      setupLinkId: config.setupLinkId,
    })
    .returning();
  const created = toWhatsappConfig(row);
  await queueEvent(
    { db: tx, projectId },
    { type: 'whatsapp.config.created', payload: whatsappConfigEvent(created), setupLinkId: created.setupLinkId },
  );
  return created;
}

/** What a completed reconnect link learned about the number: Meta's ids, the new token and PIN. */
export interface ConfigRefresh {
  phoneNumberId: string;
  businessAccountId: string;
  displayPhoneNumber: string;
  verifiedName: string | null;
  accessToken: string;
  /** The PIN a dedicated number was registered with now; null leaves the stored one. */
  pin: string | null;
  connectionType: ConnectionType;
}

/**
 * A reconnect link completed: the existing config gets the new token (and PIN), Meta's current
 * ids and number, and the connection type (known now also for a config written by hand); its
 * name, webhook settings and originating link stay. Null when the config no longer exists.
 * `scope.db` is onboarding's transaction. Concurrency: one UPDATE of the row; a concurrent DELETE
 * either committed first (no row: null) or waits for this transaction and then removes the
 * refreshed config.
 */
export async function refreshWhatsappConfig(
  { db: tx, projectId }: Scope,
  {
    customerId,
    whatsappConfigId,
    refresh,
  }: { customerId: CustomerId; whatsappConfigId: WhatsappConfigId; refresh: ConfigRefresh },
): Promise<WhatsappConfig | null> {
  const [row] = await tx
    .update(whatsappConfigs)
    .set({
      phoneNumberId: refresh.phoneNumberId,
      businessAccountId: refresh.businessAccountId,
      displayPhoneNumber: refresh.displayPhoneNumber,
      verifiedName: refresh.verifiedName ?? undefined,
      accessTokenEnc: encryptSecret(refresh.accessToken, {
        column: 'whatsapp_configs.access_token_enc',
        row: whatsappConfigId,
      }),
      pinEnc: encryptOrNull(refresh.pin ?? undefined, 'whatsapp_configs.pin_enc', whatsappConfigId),
      connectionType: refresh.connectionType,
      updatedAt: now(),
    })
    .where(
      and(
        eq(whatsappConfigs.id, whatsappConfigId),
        eq(whatsappConfigs.customerId, customerId),
        eq(whatsappConfigs.projectId, projectId),
      ),
    )
    .returning();
  return row ? toWhatsappConfig(row) : null;
}

/** POST: a config a partner writes by hand (404 `customer_id` for an unknown customer). */
export async function createWhatsappConfig(
  scope: Scope,
  { customerId, input }: { customerId: CustomerId; input: WhatsappConfigInput },
): Promise<WhatsappConfig> {
  return scope.db.transaction(async (tx) => {
    const txScope = { db: tx, projectId: scope.projectId };
    await requireCustomer(txScope, { customerId });
    return insertWhatsappConfig(txScope, {
      customerId,
      config: {
        name: input.name,
        phoneNumberId: input.phone_number_id,
        businessAccountId: input.business_account_id,
        displayPhoneNumber: input.display_phone_number ?? null,
        verifiedName: null,
        accessToken: input.access_token,
        webhookVerifyToken: input.webhook_verify_token ?? null,
        webhookDestinationUrl: input.webhook_destination_url ?? null,
        pin: null,
        connectionType: null,
        setupLinkId: null,
      },
    });
  });
}

/** PATCH: changes the given fields; a secret given again replaces the stored one. */
export async function updateWhatsappConfig(
  scope: Scope,
  {
    customerId,
    whatsappConfigId,
    changes,
  }: { customerId: CustomerId; whatsappConfigId: WhatsappConfigId | null; changes: WhatsappConfigUpdate },
): Promise<WhatsappConfig> {
  const current = await getWhatsappConfig(scope, { customerId, whatsappConfigId });
  if (Object.values(changes).every((v) => v === undefined)) return current;
  const [row] = await scope.db
    .update(whatsappConfigs)
    .set({
      name: changes.name,
      phoneNumberId: changes.phone_number_id,
      businessAccountId: changes.business_account_id,
      displayPhoneNumber: changes.display_phone_number,
      accessTokenEnc: encryptOrNull(changes.access_token, 'whatsapp_configs.access_token_enc', current.id),
      webhookVerifyTokenEnc: encryptOrNull(
        changes.webhook_verify_token,
        'whatsapp_configs.webhook_verify_token_enc',
        current.id,
      ),
      webhookDestinationUrl: changes.webhook_destination_url,
      updatedAt: now(),
    })
    .where(eq(whatsappConfigs.id, current.id))
    .returning();
  return toWhatsappConfig(row);
}

/** DELETE: removes the config and queues whatsapp.config.deleted, in one transaction. */
export async function deleteWhatsappConfig(
  scope: Scope,
  { customerId, whatsappConfigId }: { customerId: CustomerId; whatsappConfigId: WhatsappConfigId | null },
): Promise<void> {
  await scope.db.transaction(async (tx) => {
    const config = await getWhatsappConfig({ db: tx, projectId: scope.projectId }, { customerId, whatsappConfigId });
    await tx.delete(whatsappConfigs).where(eq(whatsappConfigs.id, config.id));
    await queueEvent(
      { db: tx, projectId: scope.projectId },
      { type: 'whatsapp.config.deleted', payload: whatsappConfigEvent(config), setupLinkId: config.setupLinkId },
    );
  });
}
