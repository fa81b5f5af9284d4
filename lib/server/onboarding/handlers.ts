import 'server-only';
import type { z } from 'zod';
import { ApiError, conflict, invalid } from '../http/errors';
import { verifyAttemptId } from './attempt';
import { consumeAttempt } from './attempt-consume';
import { completeOnboarding } from './complete';
import { hostedJson, type HostedContext } from '../http/hosted-route';
import { INACTIVE_LINK_CODES } from '../redirects';
import { markOnboardingProgress } from './record';
import { completionBody, progressBody, type CompletionResponse } from '@/lib/shared/embedded-signup/contract';

const invalidAttempt = () =>
  new ApiError(403, 'permission_error', 'invalid_attempt', 'This page is out of date. Reload it and try again.');

export async function handleCompletion({
  db,
  link,
  body,
}: HostedContext<z.infer<typeof completionBody>>): Promise<Response> {
  if (!link.allowedConnectionTypes.includes(body.connection_type)) {
    throw invalid(
      'connection_type_not_allowed',
      'This setup link does not allow that connection type.',
      'connection_type',
    );
  }
  if (!verifyAttemptId(link.id, body.attempt_id)) throw invalidAttempt();
  if (!(await consumeAttempt(db, link.id, body.attempt_id, body.outcome))) {
    throw conflict('attempt_already_used', 'This attempt was already submitted. Reload the page to try again.');
  }
  const r = await completeOnboarding(db, link, {
    connectionType: body.connection_type,
    outcome: body.outcome,
    code: body.code,
    event: body.event,
    wabaId: body.waba_id,
    phoneNumberId: body.phone_number_id,
    businessId: body.business_id,
    currentStep: body.current_step,
    errorMessage: body.error_message,
    errorCode: body.error_code,
  });
  return hostedJson<CompletionResponse>(
    r.status === 'completed'
      ? { status: r.status, redirect_url: r.redirectUrl, display_phone_number: r.displayPhoneNumber }
      : { status: r.status, error_code: r.errorCode, redirect_url: r.redirectUrl, next_attempt_id: r.nextAttemptId },
  );
}

export async function handleProgress({
  db,
  link,
  body,
}: HostedContext<z.infer<typeof progressBody>>): Promise<Response> {
  if (!verifyAttemptId(link.id, body.attempt_id)) throw invalidAttempt();
  const active = link.status === 'active' && (await markOnboardingProgress(db, link.id, body.step));
  if (!active) {
    const code = link.status === 'active' ? 'link_expired' : INACTIVE_LINK_CODES[link.status];
    throw conflict(code, 'This setup link can no longer be used.');
  }
  return new Response(null, { status: 204 });
}
