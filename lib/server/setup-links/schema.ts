import { z } from 'zod';
import { LOCALES } from '@/i18n/config';
import { apiDateTime } from '@/lib/shared/time';
import { isCountryIso } from '@/lib/shared/countries';
import { redirectUrlSchema } from '../redirect-url';
import { themeConfigSchema } from '@/lib/shared/theme';

// SPEC 4.1: what partners may write on a setup link. Create and PATCH share the field rules.

export const CONNECTION_TYPES = ['coexistence', 'dedicated'] as const;
export const LINK_STATUSES = ['active', 'used', 'expired', 'revoked'] as const;
export const MAX_LINK_HOURS = 30 * 24;
const HOUR = 3_600_000;

const unique = <T>(items: T[]) => new Set(items).size === items.length;

const expiresAt = apiDateTime
  .refine((d) => d.getTime() > Date.now(), 'must be in the future')
  .refine((d) => d.getTime() <= Date.now() + MAX_LINK_HOURS * HOUR, 'must be at most 30 days ahead');

const fields = {
  success_redirect_url: redirectUrlSchema.nullable().optional(),
  failure_redirect_url: redirectUrlSchema.nullable().optional(),
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
    if (v.provision_phone_number && countries.some((c) => c !== 'US')) {
      issue(
        'phone_number_country_isos',
        'provisioning_country_not_supported',
        'numbers outside the US can only be provisioned with the project\'s own Twilio credentials, which this project does not have; use ["US"]',
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

export type SetupLinkCreateInput = z.output<typeof setupLinkCreateSchema>;
export type SetupLinkUpdateInput = z.output<typeof setupLinkUpdateSchema>;
export type SetupLinkListQuery = z.output<typeof setupLinkListQuerySchema>;
