import { z } from 'zod';

// The Graph response shapes we rely on, parsed strictly enough that a surprise becomes a GraphError
// (invalid_response) instead of an undefined deep inside the completion.

export interface TokenInfo {
  isValid: boolean;
  appId: string | null;
  /** WABAs the customer granted to this token (granular_scopes of whatsapp_business_management). */
  grantedWabaIds: string[];
}

export interface PhoneNumberInfo {
  id: string;
  displayPhoneNumber: string;
  verifiedName: string | null;
  /** True for a WhatsApp Business app (coexistence) number; null when Meta does not say. */
  isOnBizApp: boolean | null;
  lastOnboardedTime: string | null;
}

export type SmbSyncType = 'smb_app_state_sync' | 'history';

export const tokenResponse = z.object({ access_token: z.string().min(1) });
export const debugResponse = z.object({
  data: z.object({
    is_valid: z.boolean().optional(),
    app_id: z.string().optional(),
    granular_scopes: z.array(z.object({ scope: z.string(), target_ids: z.array(z.string()).optional() })).optional(),
  }),
});
export const phoneNode = z.object({
  id: z.string(),
  display_phone_number: z.string().regex(/\d/),
  verified_name: z.string().optional(),
  is_on_biz_app: z.boolean().optional(),
  last_onboarded_time: z.string().optional(),
});
export const phoneList = z.object({ data: z.array(phoneNode) });
// Meta answers writes with {success: true} (smb_app_data adds a request_id); only an explicit false fails.
export const accepted = z.object({ success: z.boolean().optional() }).refine((r) => r.success !== false);

/** Meta shows numbers as "+1 202-555-0134" or "15550783881"; we store E.164 ("+12025550134"). */
export const toE164 = (display: string) => `+${display.replace(/\D/g, '')}`;

export const toPhone = (p: z.infer<typeof phoneNode>): PhoneNumberInfo => ({
  id: p.id,
  displayPhoneNumber: toE164(p.display_phone_number),
  verifiedName: p.verified_name ?? null,
  isOnBizApp: p.is_on_biz_app ?? null,
  lastOnboardedTime: p.last_onboarded_time ?? null,
});
