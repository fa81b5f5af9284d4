import { z } from 'zod';
import { redirectUrlSchema } from '../redirect-url';

// Seed 002. Meta ids are opaque strings to us (digits in practice); no spaces or markup.
const metaId = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'must be an id without spaces');

// The seed's sample body carries the documentation placeholder "<string>" for the optional
// webhook URL; a client copying it verbatim means "no URL", so it is read as null instead of
// failing URL validation. Any other non-URL is still a 422.
const PLACEHOLDER = /^<[a-z_-]+>$/;
const webhookUrl = z.preprocess(
  (v) => (typeof v === 'string' && PLACEHOLDER.test(v.trim()) ? null : v),
  redirectUrlSchema.nullable(),
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

export type WhatsappConfigInput = z.output<typeof whatsappConfigSchema>;
export type WhatsappConfigUpdate = z.output<typeof whatsappConfigUpdateSchema>;
