import type { whatsappConfigs } from '../db/schema';
import { apiTime } from '@/lib/shared/time';

export type WhatsappConfigRow = typeof whatsappConfigs.$inferSelect;

/** Seed 002's shape. Secrets never leave: only whether they are set. */
export function toApiWhatsappConfig(row: WhatsappConfigRow) {
  return {
    id: row.id,
    object: 'whatsapp_config' as const,
    name: row.name,
    display_name: row.displayPhoneNumber ? `${row.name} (${row.displayPhoneNumber})` : row.name,
    customer_id: row.customerId,
    phone_number_id: row.phoneNumberId,
    business_account_id: row.businessAccountId,
    display_phone_number: row.displayPhoneNumber,
    verified_name: row.verifiedName,
    connection_type: row.connectionType,
    setup_link_id: row.setupLinkId,
    webhook_destination_url: row.webhookDestinationUrl,
    webhook_verify_token_set: row.webhookVerifyTokenEnc !== null,
    access_token_set: row.accessTokenEnc !== null,
    created_at: apiTime(row.createdAt),
    updated_at: apiTime(row.updatedAt),
  };
}

export type ApiWhatsappConfig = ReturnType<typeof toApiWhatsappConfig>;

/** Payload of whatsapp.config.* webhook events. */
export function whatsappConfigEvent(row: WhatsappConfigRow) {
  return {
    project: { id: row.projectId },
    customer: { id: row.customerId },
    whatsapp_config: toApiWhatsappConfig(row),
  };
}
