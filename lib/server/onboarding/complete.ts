import 'server-only';
import type { Db } from '../db/client';
import { log } from '../log';
import { getGraphClient, type GraphClient } from '../meta/graph';
import { GraphError } from '../meta/graph-error';
import { failureRedirect, INACTIVE_LINK_CODES, successRedirect, type FailureCode } from '../redirects';
import type { LinkStatus } from '../setup-links/status';
import { newAttemptId } from './attempt';
import { connectNumber, type ConnectedNumber, type ConnectionType } from './connect';
import { describeError } from './error-detail';
import { failureCodeFor, type CompletionStep } from './failure-codes';
import { recordOnboardingFailure } from './record';
import { saveCompletedOnboarding, type SaveResult } from './save';

export interface OnboardingLink {
  id: string;
  projectId: string;
  customerId: string;
  status: LinkStatus;
  successRedirectUrl: string | null;
  failureRedirectUrl: string | null;
}

/** What the hosted page reports from Meta's popup (ids are claims, checked against Graph). */
export interface CompletionInput {
  connectionType: ConnectionType;
  outcome: 'finish' | 'cancel' | 'error';
  code?: string;
  event?: string;
  wabaId?: string;
  phoneNumberId?: string;
  businessId?: string;
  currentStep?: string;
  errorMessage?: string;
  errorCode?: string;
}

export type CompletionResult =
  | { status: 'completed'; redirectUrl: string | null; displayPhoneNumber: string }
  | { status: 'failed'; errorCode: FailureCode; redirectUrl: string | null; nextAttemptId: string | null };

async function failed(
  db: Db,
  link: OnboardingLink,
  errorCode: FailureCode,
  stillActive: boolean,
): Promise<CompletionResult> {
  return {
    status: 'failed',
    errorCode,
    redirectUrl: await failureRedirect(db, link, errorCode),
    nextAttemptId: stillActive ? newAttemptId(link.id) : null,
  };
}

/** Records a failed attempt on a link that stays active, and answers with a fresh attempt id. */
async function fail(
  db: Db,
  link: OnboardingLink,
  errorCode: FailureCode,
  lastStep?: string,
): Promise<CompletionResult> {
  return failed(db, link, errorCode, await recordOnboardingFailure(db, link, errorCode, lastStep));
}

/**
 * Completes an onboarding (SPEC 8): Graph steps 1-5, then one transaction. A link that is not
 * active is answered without any Graph call; any failure leaves it active and records why.
 */
export async function completeOnboarding(
  db: Db,
  link: OnboardingLink,
  input: CompletionInput,
  graph: GraphClient = getGraphClient(),
): Promise<CompletionResult> {
  const ctx = { setup_link_id: link.id, connection_type: input.connectionType };
  if (link.status !== 'active') return failed(db, link, INACTIVE_LINK_CODES[link.status], false);

  if (input.outcome !== 'finish' || !input.code) {
    // Meta's own diagnostics of a popup error are safe to log and useful to support (the logger
    // redacts fields named *code, hence meta_error).
    log.info('onboarding_cancelled', {
      ...ctx,
      outcome: input.outcome,
      event: input.event,
      current_step: input.currentStep,
      meta_error: input.errorCode,
      meta_error_message: input.errorMessage,
    });
    return fail(db, link, 'facebook_auth_failed', input.currentStep);
  }

  let step: CompletionStep = 'exchange_code';
  let connected: ConnectedNumber;
  let saved: SaveResult;
  try {
    connected = await connectNumber(
      graph,
      {
        code: input.code,
        connectionType: input.connectionType,
        wabaId: input.wabaId,
        phoneNumberId: input.phoneNumberId,
      },
      (s) => (step = s),
    );
    step = 'save';
    saved = await saveCompletedOnboarding(db, link, connected);
  } catch (e) {
    const errorCode = failureCodeFor(step, e);
    const detail = e instanceof GraphError ? e.toLog() : describeError(e);
    (errorCode === 'internal_error' ? log.error : log.warn)('onboarding_failed', {
      ...ctx,
      step,
      error_code: errorCode,
      ...detail,
    });
    return fail(db, link, errorCode);
  }
  if (!saved.ok) {
    log.info('onboarding_lost_race', { ...ctx, link_status: saved.status });
    return failed(db, link, INACTIVE_LINK_CODES[saved.status], false);
  }

  const { phone, wabaId } = connected;
  log.info('onboarding_completed', {
    ...ctx,
    whatsapp_config_id: saved.whatsappConfigId,
    phone_number_id: phone.id,
    business_account_id: wabaId,
  });
  const redirectUrl = await successRedirect(db, link, {
    setupLinkId: link.id,
    phoneNumberId: phone.id,
    businessAccountId: wabaId,
    whatsappConfigId: saved.whatsappConfigId,
    displayPhoneNumber: phone.displayPhoneNumber,
  });
  return { status: 'completed', redirectUrl, displayPhoneNumber: phone.displayPhoneNumber };
}
