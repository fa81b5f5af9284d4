import 'server-only';
import type { Db } from '../db/client';
import type { CustomerId, ProjectId, SetupLinkId, WhatsappConfigId } from '../ids';
import { ApiError } from '../http/errors';
import { describeError, log } from '../log';
import { getGraphClient, type GraphClient } from '../meta/graph';
import { failureRedirect, successRedirect } from '../redirects';
import {
  FINAL_STATUS_FAILURE_CODES,
  type ConnectionType,
  type FailureCode,
  type LinkStatus,
} from '@/lib/shared/vocabulary';
import { newAttemptId } from './attempt';
import { recordLinkFailure, type LinkFailure } from '../setup-links/write-progress';
import { connectNumber, type ConnectedNumber } from './connect';
import { completionLease, isLeaseConflict } from './completion-lease';
import { failureCodeFor, type CompletionStep } from './failure-codes';
import { saveCompletedOnboarding, type SaveResult } from './save';

export interface OnboardingLink {
  id: SetupLinkId;
  projectId: ProjectId;
  customerId: CustomerId;
  status: LinkStatus;
  successRedirectUrl: string | null;
  failureRedirectUrl: string | null;
  /** A reconnect link: the number it repairs and that number's config (both set at creation, never changed). */
  reconnectPhoneNumber: string | null;
  reconnectWhatsappConfigId: WhatsappConfigId | null;
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

interface Failure {
  link: OnboardingLink;
  errorCode: FailureCode;
}

/** The answer to a failed completion; a fresh attempt id only while the link is still active. */
async function failed(
  db: Db,
  { link, errorCode, stillActive }: Failure & { stillActive: boolean },
): Promise<CompletionResult> {
  return {
    status: 'failed',
    errorCode,
    redirectUrl: await failureRedirect(db, { link, errorCode }),
    nextAttemptId: stillActive ? newAttemptId(link.id) : null,
  };
}

/** Records a failed attempt on a link that stays active, and answers with a fresh attempt id. */
async function fail(
  db: Db,
  { link, failure }: { link: OnboardingLink; failure: LinkFailure },
): Promise<CompletionResult> {
  const scope = { db, projectId: link.projectId };
  const stillActive = await recordLinkFailure(scope, { setupLinkId: link.id, failure });
  return failed(db, { link, errorCode: failure.errorCode, stillActive });
}

/**
 * Completes an onboarding: the Graph calls that connect the number (connect.ts), then one
 * transaction that stores it (save.ts). A link that is not active is answered without any Graph
 * call; any failure leaves it active and records why. Only one completion of a link at a time
 * gets past the checks to the calls that change things at Meta (the lease of completion-lease.ts);
 * another is refused (409 completion_in_progress) and records nothing. A reconnect link accepts only its own
 * number (else reconnect_number_mismatch) and refreshes that number's config instead of making
 * one; the success redirect then names the existing config.
 */
export async function completeOnboarding(
  db: Db,
  {
    link,
    completion: input,
    graph = getGraphClient(),
  }: { link: OnboardingLink; completion: CompletionInput; graph?: GraphClient },
): Promise<CompletionResult> {
  const ctx = { setup_link_id: link.id, connection_type: input.connectionType };
  if (link.status !== 'active') {
    return failed(db, { link, errorCode: FINAL_STATUS_FAILURE_CODES[link.status], stillActive: false });
  }

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
    // Meta's CANCEL event is the customer closing its window; anything else is Meta's error.
    const cancelled = input.outcome === 'cancel' ? { metaStep: input.currentStep ?? null } : undefined;
    const failure = { errorCode: 'facebook_auth_failed' as const, connectionType: input.connectionType, cancelled };
    return fail(db, { link, failure });
  }

  let step: CompletionStep = 'exchange_code';
  let connected: ConnectedNumber;
  let saved: SaveResult;
  const lease = completionLease({ db, projectId: link.projectId }, { setupLinkId: link.id, onStep: (s) => (step = s) });
  try {
    connected = await connectNumber(
      graph,
      {
        code: input.code,
        connectionType: input.connectionType,
        wabaId: input.wabaId,
        phoneNumberId: input.phoneNumberId,
        reconnectPhoneNumber: link.reconnectPhoneNumber,
      },
      lease.hooks,
    );
    step = 'save';
    saved = await saveCompletedOnboarding(db, { link, connected });
  } catch (e) {
    if (isLeaseConflict(e)) {
      log.info('onboarding_link_busy', { ...ctx, link_status: 'status' in e ? e.status : 'active' });
      if ('status' in e && e.status !== 'active')
        return failed(db, { link, errorCode: FINAL_STATUS_FAILURE_CODES[e.status], stillActive: false });
      // Another completion of the link (another tab) is changing things at Meta right now.
      const message = 'This setup is being completed in another tab or window. Wait a moment, then reload this page.';
      throw new ApiError('completion_in_progress', { message });
    }
    const errorCode = failureCodeFor(step, e);
    const detail = describeError(e);
    (errorCode === 'internal_error' ? log.error : log.warn)('onboarding_failed', {
      ...ctx,
      step,
      error_code: errorCode,
      ...detail,
    });
    return fail(db, { link, failure: { errorCode, connectionType: input.connectionType } });
  } finally {
    await lease.release();
  }
  if (!saved.ok) {
    log.info('onboarding_lost_race', { ...ctx, link_status: saved.status });
    return failed(db, { link, errorCode: FINAL_STATUS_FAILURE_CODES[saved.status], stillActive: false });
  }

  const { phone, wabaId } = connected;
  log.info('onboarding_completed', {
    ...ctx,
    whatsapp_config_id: saved.whatsappConfigId,
    phone_number_id: phone.id,
    business_account_id: wabaId,
    reconnected: saved.reconnected,
  });
  const params = {
    setupLinkId: link.id,
    phoneNumberId: phone.id,
    businessAccountId: wabaId,
    whatsappConfigId: saved.whatsappConfigId,
    provisionedPhoneNumberId: saved.provisionedNumberId,
    displayPhoneNumber: phone.displayPhoneNumber,
  };
  const redirectUrl = await successRedirect(db, { link, params });
  return { status: 'completed', redirectUrl, displayPhoneNumber: phone.displayPhoneNumber };
}
