import { z } from 'zod';
import { apiTime, apiTimestamp } from '@/lib/shared/time';
import { CONNECTION_TYPES } from '@/lib/shared/vocabulary';
import { webhookUrlSchema } from '../redirect-url';
import type { WhatsappConfig } from './domain';

// The WhatsApp config API: what partners write (input schemas), what they read (the output
// schema, and the serializer the route files answer with, typed against it), and the payload of
// whatsapp.config.* events.

// Meta ids are opaque strings to us (digits in practice); no spaces or markup.
const metaId = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'must be an id without spaces');

// Sample request bodies carry the documentation placeholder "<string>" for the optional webhook
// URL; a client copying one verbatim means "no URL", so it is read as null instead of failing URL
// validation. Any other non-URL is still a 422.
const PLACEHOLDER = /^<[a-z_-]+>$/;
const webhookUrl = z.preprocess(
  (v) => (typeof v === 'string' && PLACEHOLDER.test(v.trim()) ? null : v),
  webhookUrlSchema.nullable(),
);

/** A WhatsApp config as partners write it. access_token and webhook_verify_token are write-only. */
export const whatsappConfigSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  phone_number_id: metaId,
  business_account_id: metaId,
  access_token: z.string().trim().min(1).max(4096),
  webhook_verify_token: z.string().min(1).max(500).nullable().optional(),
  webhook_destination_url: webhookUrl.optional(),
  // Optional: shown in display_name, e.g. "Support (+1 415 555 0100)".
  display_phone_number: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ().-]{3,30}$/, 'must be a phone number like +14155550100')
    .nullable()
    .optional(),
});
export const whatsappConfigUpdateSchema = whatsappConfigSchema.partial();

/** A WhatsApp config as the API returns it. Secrets are write-only: only whether they are set. */
export const whatsappConfigOutput = z.strictObject({
  id: z.uuid(),
  object: z.literal('whatsapp_config'),
  name: z.string(),
  // `name`, with the number in parentheses when it is known: "Support (+1 415 555 0100)".
  display_name: z.string(),
  customer_id: z.uuid(),
  phone_number_id: z.string(),
  business_account_id: z.string(),
  display_phone_number: z.string().nullable(),
  verified_name: z.string().nullable(),
  // Set on configs a completed setup link produced; null on configs written through the API.
  connection_type: z.enum(CONNECTION_TYPES).nullable(),
  setup_link_id: z.uuid().nullable(),
  webhook_destination_url: z.url().nullable(),
  webhook_verify_token_set: z.boolean(),
  access_token_set: z.boolean(),
  created_at: apiTimestamp,
  updated_at: apiTimestamp,
});

export type WhatsappConfigInput = z.output<typeof whatsappConfigSchema>;
export type WhatsappConfigUpdate = z.output<typeof whatsappConfigUpdateSchema>;
export type ApiWhatsappConfig = z.input<typeof whatsappConfigOutput>;

/** The API object of a config. Secrets never leave: only whether they are set. */
export function toApiWhatsappConfig(config: WhatsappConfig): ApiWhatsappConfig {
  return {
    id: config.id,
    object: 'whatsapp_config',
    name: config.name,
    display_name: config.displayPhoneNumber ? `${config.name} (${config.displayPhoneNumber})` : config.name,
    customer_id: config.customerId,
    phone_number_id: config.phoneNumberId,
    business_account_id: config.businessAccountId,
    display_phone_number: config.displayPhoneNumber,
    verified_name: config.verifiedName,
    connection_type: config.connectionType,
    setup_link_id: config.setupLinkId,
    webhook_destination_url: config.webhookDestinationUrl,
    webhook_verify_token_set: config.webhookVerifyTokenSet,
    access_token_set: config.accessTokenSet,
    created_at: apiTime(config.createdAt),
    updated_at: apiTime(config.updatedAt),
  };
}

/** Payload of whatsapp.config.* webhook events. */
export function whatsappConfigEvent(config: WhatsappConfig) {
  return {
    project: { id: config.projectId },
    customer: { id: config.customerId },
    whatsapp_config: toApiWhatsappConfig(config),
  };
}
