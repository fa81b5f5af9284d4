import 'server-only';
import type { setupLinks } from '../db/schema';
import { apiTime } from '@/lib/shared/time';
import { effectiveStatus } from './status';
import { linkUrl } from './token';
import type { SetupLinkCreateInput, SetupLinkUpdateInput } from './schema';

export type SetupLinkRow = typeof setupLinks.$inferSelect;

/** The API object of SPEC 4.1. `status` is the effective one: past `expires_at` reads as expired. */
export function toApiSetupLink(row: SetupLinkRow) {
  const status = effectiveStatus(row);
  return {
    id: row.id,
    object: 'setup_link' as const,
    customer_id: row.customerId,
    status,
    revoked: status === 'revoked',
    url: linkUrl(row.tokenEnc),
    created_at: apiTime(row.createdAt),
    updated_at: apiTime(row.updatedAt),
    expires_at: apiTime(row.expiresAt),
    used_at: apiTime(row.usedAt),
    revoked_at: apiTime(row.revokedAt),
    success_redirect_url: row.successRedirectUrl,
    failure_redirect_url: row.failureRedirectUrl,
    allowed_connection_types: row.allowedConnectionTypes,
    language: row.language,
    theme_config: row.themeConfig ?? {},
    provision_phone_number: row.provisionPhoneNumber,
    phone_number_country_isos: row.phoneNumberCountryIsos,
    phone_number_area_code: row.phoneNumberAreaCode,
    // Provisioning is stored but not performed yet.
    provisioned_phone_number: null,
    whatsapp_setup_status: row.whatsappSetupStatus,
    whatsapp_setup_error: row.whatsappSetupError,
    whatsapp_config_id: row.whatsappConfigId,
    phone_number_id: row.phoneNumberId,
    business_account_id: row.businessAccountId,
    display_phone_number: row.displayPhoneNumber,
    metadata: row.metadata ?? {},
  };
}

export type ApiSetupLink = ReturnType<typeof toApiSetupLink>;

/** Payload of setup_link.* events. No `url`: the outbox must never hold a link token in clear. */
export function setupLinkEvent(row: SetupLinkRow) {
  const { url, ...link } = toApiSetupLink(row);
  return { project: { id: row.projectId }, customer: { id: row.customerId }, setup_link: link };
}

/** API field names -> columns, for the fields present in `input` (PATCH leaves the rest alone). */
export function linkColumns(
  input: Partial<SetupLinkCreateInput & SetupLinkUpdateInput>,
): Partial<typeof setupLinks.$inferInsert> {
  const columns: Partial<typeof setupLinks.$inferInsert> = {
    successRedirectUrl: input.success_redirect_url,
    failureRedirectUrl: input.failure_redirect_url,
    allowedConnectionTypes: input.allowed_connection_types,
    language: input.language,
    themeConfig: input.theme_config === null ? {} : input.theme_config,
    metadata: input.metadata === null ? {} : input.metadata,
    expiresAt: input.expires_at,
    provisionPhoneNumber: input.provision_phone_number,
    phoneNumberCountryIsos: input.phone_number_country_isos,
    phoneNumberAreaCode: input.phone_number_area_code,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}
