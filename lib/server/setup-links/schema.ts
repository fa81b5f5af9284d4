import 'server-only';
import { z } from 'zod';
import { apiDateTime, apiTime, apiTimestamp } from '@/lib/shared/time';
import { isCountryIso } from '@/lib/shared/countries';
import { themeConfigSchema } from '@/lib/shared/theme';
import {
  CONNECTION_TYPES,
  FAILURE_CODES,
  LINK_STATUSES,
  LINK_STEPS,
  LOCALES,
  SETUP_STATUSES,
} from '@/lib/shared/vocabulary';
import { now } from '../clock';
import { redirectUrlSchema } from '../redirect-url';
import { clashingRedirectParam } from '../redirect-signature';
import type { SetupLink } from './domain';
import { linkUrl } from './token';
import { provisionedNumberOutput, toApiProvisionedNumber } from '../provisioning/schema';

// The setup link API: what partners write (input schemas; create and PATCH share the field
// rules), what they read (the output schema, and the serializer the route files answer with,
// typed against it), and the payload of setup_link.* events.

export const MAX_LINK_HOURS = 30 * 24;
const HOUR = 3_600_000;

const unique = <T>(items: T[]) => new Set(items).size === items.length;

/** "+", a country code and the subscriber number: at most 15 digits, no leading zero. */
export const E164 = /^\+[1-9]\d{6,14}$/;

const expiresAt = apiDateTime
  .refine((d) => d.getTime() > now().getTime(), 'must be in the future')
  .refine((d) => d.getTime() <= now().getTime() + MAX_LINK_HOURS * HOUR, 'must be at most 30 days ahead');

// A partner URL of its own may not use our parameter names: its redirects could never verify.
const partnerRedirectUrl = redirectUrlSchema.superRefine((url, ctx) => {
  const clash = clashingRedirectParam(url);
  if (clash) {
    const message = `must not have a "${clash}" query parameter of its own: the redirect adds it`;
    ctx.addIssue({ code: 'custom', message, params: { code: 'invalid_url' } });
  }
});

const fields = {
  success_redirect_url: partnerRedirectUrl.nullable().optional(),
  failure_redirect_url: partnerRedirectUrl.nullable().optional(),
  allowed_connection_types: z
    .array(z.enum(CONNECTION_TYPES))
    .min(1, 'must list at least one connection type')
    .refine(unique, 'must not list a connection type twice')
    .optional(),
  // null: the hosted page follows the browser's language.
  language: z.enum(LOCALES).nullable().optional(),
  // null and {} both mean "no overrides" (project default, then the built-in theme).
  theme_config: themeConfigSchema.nullable().optional(),
  metadata: z
    .record(z.string().min(1).max(100), z.string().max(500, 'must be at most 500 characters'))
    .refine((m) => Object.keys(m).length <= 50, 'must have at most 50 keys')
    .nullable()
    .optional(),
  expires_at: expiresAt.optional(),
};

const provisioning = {
  provision_phone_number: z.boolean().optional(),
  phone_number_country_isos: z
    .array(z.string().refine(isCountryIso, 'must be an ISO 3166-1 alpha-2 code in upper case, like "US"'))
    .min(1, 'must list at least one country')
    .refine(unique, 'must not list a country twice')
    .optional(),
  phone_number_area_code: z
    .string()
    .regex(/^\d{3}$/, 'must be a 3-digit US area code, digits only')
    .nullable()
    .optional(),
};

export const setupLinkCreateSchema = z
  .strictObject({
    ...fields,
    ...provisioning,
    // Create-only alternative to expires_at.
    expires_in_hours: z.number().int().min(1).max(MAX_LINK_HOURS).optional(),
    // Create-only: the link repairs the customer's existing connection of this number (checked
    // against its WhatsApp configs by createSetupLink; null means an ordinary link).
    reconnect_phone_number: z
      .string()
      .regex(E164, 'must be an E.164 phone number: "+", the country code and the number, digits only')
      .nullable()
      .optional(),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, code: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message, params: { code } });
    if (v.expires_at !== undefined && v.expires_in_hours !== undefined) {
      issue('expires_in_hours', 'parameter_conflict', 'give either expires_at or expires_in_hours, not both');
    }
    const countries = v.phone_number_country_isos ?? ['US'];
    if (v.phone_number_area_code && !countries.includes('US')) {
      issue(
        'phone_number_area_code',
        'invalid_parameter',
        'an area code can only be given for US numbers (add "US" to phone_number_country_isos)',
      );
    }
    // Numbers outside the US need the project's own Twilio credentials: createSetupLink checks that.
    if (v.provision_phone_number && v.reconnect_phone_number) {
      issue(
        'provision_phone_number',
        'parameter_conflict',
        'a reconnect link repairs an existing number and cannot provision a new one: leave provision_phone_number out',
      );
    }
  });

export const setupLinkUpdateSchema = z.strictObject({
  ...fields,
  // The only transition a partner may make; `used` comes from onboarding, `active` never returns.
  status: z.literal('revoked', { error: 'can only be set to "revoked"' }).optional(),
});

export const setupLinkListQuerySchema = z.object({
  status: z.enum(LINK_STATUSES).optional(),
  created_after: apiDateTime.optional(),
  created_before: apiDateTime.optional(),
});

/** A setup link as the API returns it. */
export const setupLinkOutput = z.strictObject({
  id: z.uuid(),
  object: z.literal('setup_link'),
  customer_id: z.uuid(),
  // The effective status: an active link past expires_at reads as expired before that is stored.
  status: z.enum(LINK_STATUSES),
  revoked: z.boolean(),
  // Where the customer opens the link; it carries the link's secret token.
  url: z.url(),
  created_at: apiTimestamp,
  updated_at: apiTimestamp,
  expires_at: apiTimestamp,
  used_at: apiTimestamp.nullable(),
  revoked_at: apiTimestamp.nullable(),
  success_redirect_url: z.url().nullable(),
  failure_redirect_url: z.url().nullable(),
  allowed_connection_types: z.array(z.enum(CONNECTION_TYPES)),
  language: z.enum(LOCALES).nullable(),
  theme_config: themeConfigSchema,
  provision_phone_number: z.boolean(),
  phone_number_country_isos: z.array(z.string()),
  phone_number_area_code: z.string().nullable(),
  // The number bought for a provisioning link once the customer reached the phone step.
  provisioned_phone_number: provisionedNumberOutput.nullable(),
  whatsapp_setup_status: z.enum(SETUP_STATUSES),
  whatsapp_setup_error: z.enum(FAILURE_CODES).nullable(),
  // The funnel: the last step the customer reached, and when the page first opened (by its script).
  last_step: z.enum(LINK_STEPS).nullable(),
  opened_at: apiTimestamp.nullable(),
  whatsapp_config_id: z.uuid().nullable(),
  phone_number_id: z.string().nullable(),
  business_account_id: z.string().nullable(),
  display_phone_number: z.string().nullable(),
  metadata: z.record(z.string(), z.string()),
  // A reconnect link: the number (E.164) whose existing WhatsApp config it repairs; else null.
  reconnect_phone_number: z.string().nullable(),
});

export type SetupLinkCreateInput = z.output<typeof setupLinkCreateSchema>;
export type SetupLinkUpdateInput = z.output<typeof setupLinkUpdateSchema>;
export type SetupLinkListQuery = z.output<typeof setupLinkListQuerySchema>;
export type ApiSetupLink = z.input<typeof setupLinkOutput>;

/** The API fields of a link but `url`: event payloads never decrypt or hold the link's token. */
function linkFields(link: SetupLink): Omit<ApiSetupLink, 'url'> {
  return {
    id: link.id,
    object: 'setup_link',
    customer_id: link.customerId,
    status: link.status,
    revoked: link.status === 'revoked',
    created_at: apiTime(link.createdAt),
    updated_at: apiTime(link.updatedAt),
    expires_at: apiTime(link.expiresAt),
    used_at: apiTime(link.usedAt),
    revoked_at: apiTime(link.revokedAt),
    success_redirect_url: link.successRedirectUrl,
    failure_redirect_url: link.failureRedirectUrl,
    allowed_connection_types: link.allowedConnectionTypes,
    language: link.language,
    theme_config: link.themeConfig ?? {},
    provision_phone_number: link.provisionPhoneNumber,
    phone_number_country_isos: link.phoneNumberCountryIsos,
    phone_number_area_code: link.phoneNumberAreaCode,
    provisioned_phone_number: link.provisionedNumber ? toApiProvisionedNumber(link.provisionedNumber) : null,
    whatsapp_setup_status: link.whatsappSetupStatus,
    whatsapp_setup_error: link.whatsappSetupError,
    last_step: link.lastStep,
    opened_at: apiTime(link.openedAt),
    whatsapp_config_id: link.whatsappConfigId,
    phone_number_id: link.phoneNumberId,
    business_account_id: link.businessAccountId,
    display_phone_number: link.displayPhoneNumber,
    metadata: link.metadata ?? {},
    reconnect_phone_number: link.reconnectPhoneNumber,
  };
}

/** The API object of a link (`url` is made from the encrypted token). */
export function toApiSetupLink(link: SetupLink): ApiSetupLink {
  const { id, object, customer_id, status, revoked, ...rest } = linkFields(link);
  return { id, object, customer_id, status, revoked, url: linkUrl(link), ...rest };
}

/** Payload of setup_link.* events. No `url`: the outbox must never hold a link token in clear. */
export function setupLinkEvent(link: SetupLink) {
  return { project: { id: link.projectId }, customer: { id: link.customerId }, setup_link: linkFields(link) };
}
