import 'server-only';
import type { z } from 'zod';
import { ApiError } from '../http/errors';
import { verifyAttemptId } from './attempt';
import { consumeAttempt } from './attempt-consume';
import { completeOnboarding } from './complete';
import type { HostedContext } from '../http/hosted-route';
import { json } from '../http/respond';
import { FINAL_STATUS_FAILURE_CODES } from '@/lib/shared/vocabulary';
import { recordLinkStep } from '../setup-links/write-progress';
import { completionBody, progressBody, type CompletionResponse } from '@/lib/shared/embedded-signup/contract';

const invalidAttempt = () =>
  new ApiError('invalid_attempt', { message: 'This page is out of date. Reload it and try again.' });

const typeNotAllowed = () =>
  new ApiError('connection_type_not_allowed', {
    message: 'This setup link does not allow that connection type.',
    param: 'connection_type',
  });

export async function handleCompletion({
  db,
  link,
  body,
}: HostedContext<z.infer<typeof completionBody>>): Promise<Response> {
  if (!link.allowedConnectionTypes.includes(body.connection_type)) throw typeNotAllowed();
  if (!verifyAttemptId(link.id, body.attempt_id)) throw invalidAttempt();
  if (!(await consumeAttempt(db, { setupLinkId: link.id, attemptId: body.attempt_id, outcome: body.outcome }))) {
    const message = 'This attempt was already submitted. Reload the page to try again.';
    throw new ApiError('attempt_already_used', { message });
  }
  const completion = {
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
  };
  const r = await completeOnboarding(db, { link, completion });
  const answer: CompletionResponse =
    r.status === 'completed'
      ? { status: r.status, redirect_url: r.redirectUrl, display_phone_number: r.displayPhoneNumber }
      : { status: r.status, error_code: r.errorCode, redirect_url: r.redirectUrl, next_attempt_id: r.nextAttemptId };
  return json(200, answer);
}

export async function handleProgress({
  db,
  link,
  body,
}: HostedContext<z.infer<typeof progressBody>>): Promise<Response> {
  if (!verifyAttemptId(link.id, body.attempt_id)) throw invalidAttempt();
  const scope = { db, projectId: link.projectId };
  const step = { setupLinkId: link.id, step: body.step, connectionType: body.connection_type };
  if (body.connection_type && !link.allowedConnectionTypes.includes(body.connection_type)) throw typeNotAllowed();
  const active = link.status === 'active' && (await recordLinkStep(scope, step));
  if (!active) {
    const code = link.status === 'active' ? 'link_expired' : FINAL_STATUS_FAILURE_CODES[link.status];
    throw new ApiError(code, { message: 'This setup link can no longer be used.' });
  }
  return new Response(null, { status: 204 });
}
