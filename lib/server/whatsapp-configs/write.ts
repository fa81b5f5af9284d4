import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { whatsappConfigs } from '../db/schema';
import { encryptSecret } from '../crypto';
import { queueEvent } from '../events';
import { requireCustomer } from '../customers/queries';
import type { WhatsappConfigInput, WhatsappConfigUpdate } from './schema';
import { requireWhatsappConfig } from './queries';
import { toApiWhatsappConfig, whatsappConfigEvent, type ApiWhatsappConfig } from './serialize';

const encryptOrNull = (v: string | null | undefined) =>
  v === undefined ? undefined : v === null ? null : encryptSecret(v);

/** What a completed setup link knows beyond the partner-writable fields (SPEC 8 step 6). */
export interface ProducedBy {
  connectionType?: 'coexistence' | 'dedicated';
  setupLinkId?: string;
  verifiedName?: string | null;
}

/**
 * Creates a config (by hand through the API, or from a completed link when `produced` is given)
 * and queues whatsapp.config.created with it. Pass a transaction as `db` to join it.
 */
export async function createWhatsappConfig(
  db: Db,
  projectId: string,
  customerId: string,
  input: WhatsappConfigInput,
  produced: ProducedBy = {},
): Promise<ApiWhatsappConfig> {
  return db.transaction(async (tx) => {
    await requireCustomer(tx, projectId, customerId);
    const [row] = await tx
      .insert(whatsappConfigs)
      .values({
        projectId,
        customerId,
        name: input.name,
        phoneNumberId: input.phone_number_id,
        businessAccountId: input.business_account_id,
        displayPhoneNumber: input.display_phone_number ?? null,
        accessTokenEnc: encryptSecret(input.access_token),
        webhookVerifyTokenEnc: encryptOrNull(input.webhook_verify_token) ?? null,
        webhookDestinationUrl: input.webhook_destination_url ?? null,
        connectionType: produced.connectionType ?? null,
        setupLinkId: produced.setupLinkId ?? null,
        verifiedName: produced.verifiedName ?? null,
      })
      .returning();
    await queueEvent(tx, projectId, 'whatsapp.config.created', whatsappConfigEvent(row));
    return toApiWhatsappConfig(row);
  });
}

export async function updateWhatsappConfig(
  db: Db,
  projectId: string,
  customerId: string,
  id: string,
  input: WhatsappConfigUpdate,
): Promise<ApiWhatsappConfig> {
  const current = await requireWhatsappConfig(db, projectId, customerId, id);
  if (Object.values(input).every((v) => v === undefined)) return toApiWhatsappConfig(current);
  const [row] = await db
    .update(whatsappConfigs)
    .set({
      name: input.name,
      phoneNumberId: input.phone_number_id,
      businessAccountId: input.business_account_id,
      displayPhoneNumber: input.display_phone_number,
      accessTokenEnc: encryptOrNull(input.access_token),
      webhookVerifyTokenEnc: encryptOrNull(input.webhook_verify_token),
      webhookDestinationUrl: input.webhook_destination_url,
      updatedAt: new Date(),
    })
    .where(eq(whatsappConfigs.id, current.id))
    .returning();
  return toApiWhatsappConfig(row);
}

export async function deleteWhatsappConfig(db: Db, projectId: string, customerId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await requireWhatsappConfig(tx, projectId, customerId, id);
    await tx.delete(whatsappConfigs).where(eq(whatsappConfigs.id, row.id));
    await queueEvent(tx, projectId, 'whatsapp.config.deleted', whatsappConfigEvent(row));
  });
}
