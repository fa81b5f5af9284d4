import 'server-only';
import type { Db } from './db/client';
import { hmacHex, safeEqual } from './crypto';
import { getProjectSigningSecret } from './projects';
import type { ProjectId, SetupLinkId } from './ids';
import type { FailureCode } from '@/lib/shared/vocabulary';

/**
 * The signature a partner checks: hex HMAC-SHA256, keyed with the project's signing secret, over
 * the other parameters exactly as they appear in the URL, in order, joined as a query string
 * (`setup_link_id=...&status=completed&...`).
 */
export function signParams(secret: string, params: Array<[string, string]>): string {
  return hmacHex(secret, new URLSearchParams(params).toString());
}

/** Appends our parameters (and the signature) to the partner's URL, keeping its own query. */
export function withSignedParams(base: string, secret: string, params: Array<[string, string]>): string {
  const url = new URL(base);
  for (const [k, v] of params) url.searchParams.append(k, v);
  url.searchParams.append('signature', signParams(secret, params));
  return url.toString();
}

export async function failureRedirect(
  db: Db,
  {
    link,
    errorCode,
  }: { link: { id: SetupLinkId; projectId: ProjectId; failureRedirectUrl: string | null }; errorCode: FailureCode },
): Promise<string | null> {
  if (!link.failureRedirectUrl) return null;
  const secret = await getProjectSigningSecret(db, link.projectId);
  return withSignedParams(link.failureRedirectUrl, secret, [
    ['setup_link_id', link.id],
    ['status', 'failed'],
    ['error_code', errorCode],
  ]);
}

export interface SuccessParams {
  setupLinkId: string;
  phoneNumberId: string;
  businessAccountId: string;
  whatsappConfigId: string;
  provisionedPhoneNumberId?: string | null;
  displayPhoneNumber: string;
}

export async function successRedirect(
  db: Db,
  { link, params: p }: { link: { projectId: ProjectId; successRedirectUrl: string | null }; params: SuccessParams },
) {
  if (!link.successRedirectUrl) return null;
  const secret = await getProjectSigningSecret(db, link.projectId);
  const params: Array<[string, string]> = [
    ['setup_link_id', p.setupLinkId],
    ['status', 'completed'],
    ['phone_number_id', p.phoneNumberId],
    ['business_account_id', p.businessAccountId],
    ['whatsapp_config_id', p.whatsappConfigId],
    ...(p.provisionedPhoneNumberId
      ? [['provisioned_phone_number_id', p.provisionedPhoneNumberId] as [string, string]]
      : []),
    ['display_phone_number', p.displayPhoneNumber],
  ];
  return withSignedParams(link.successRedirectUrl, secret, params);
}

/**
 * Verifies a redirect's signature (what a partner does; used by the demo partner page). The signed
 * parameters are ours: from `setup_link_id`, always the first we append, up to `signature`; any
 * parameters of the partner's own URL stand before them and are not signed.
 */
export function verifySignedParams(params: URLSearchParams, secret: string): boolean {
  const entries = [...params.entries()];
  const first = entries.findIndex(([k]) => k === 'setup_link_id');
  const sigIndex = entries.findIndex(([k]) => k === 'signature');
  if (first < 0 || sigIndex < first) return false;
  return safeEqual(signParams(secret, entries.slice(first, sigIndex)), entries[sigIndex][1]);
}
