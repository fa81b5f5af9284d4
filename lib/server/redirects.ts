import 'server-only';
import type { Db } from './db/client';
import { now } from './clock';
import { getProjectSigningSecret } from './projects';
import { signRedirect } from './redirect-signature';
import { redirectUrlProblem } from './redirect-url';
import { log } from './log';
import type { ProjectId, SetupLinkId } from './ids';
import type { FailureCode } from '@/lib/shared/vocabulary';

// Every stored URL is checked again before we send a browser there: a link stored under older,
// looser rules (or with ALLOW_LOCALHOST_REDIRECTS since turned off) gets no redirect instead of a
// redirect to where the current rules would not go.
function allowed(url: string | null, linkId: string): url is string {
  if (!url) return false;
  const problem = redirectUrlProblem(url);
  if (problem) log.warn('redirect_url_refused', { setup_link_id: linkId, reason: problem });
  return !problem;
}

export async function failureRedirect(
  db: Db,
  {
    link,
    errorCode,
  }: { link: { id: SetupLinkId; projectId: ProjectId; failureRedirectUrl: string | null }; errorCode: FailureCode },
): Promise<string | null> {
  if (!allowed(link.failureRedirectUrl, link.id)) return null;
  const secret = await getProjectSigningSecret(db, link.projectId);
  const params: Array<[string, string]> = [
    ['setup_link_id', link.id],
    ['status', 'failed'],
    ['error_code', errorCode],
  ];
  return signRedirect(link.failureRedirectUrl, secret, params, now());
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
  if (!allowed(link.successRedirectUrl, p.setupLinkId)) return null;
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
  return signRedirect(link.successRedirectUrl, secret, params, now());
}
