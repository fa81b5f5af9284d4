import 'server-only';
import { z } from 'zod';
import { ApiError, conflict, invalid } from '../api/errors';
import { verifyAttemptId } from './attempt';
import { consumeAttempt } from './attempt-consume';
import { completeOnboarding } from './complete';
import { hostedJson, type HostedContext } from './hosted-route';
import { markOnboardingProgress } from './record';

// The bodies of POST /setup/complete and /setup/progress (the hosted page codes against these).
// Meta's ids are numeric strings; anything else in them is refused before it reaches Graph.

const opt = <T extends z.ZodType>(s: T) => s.nullish().transform((v) => v ?? undefined);
const metaId = z.string().regex(/^\d{1,32}$/, 'must be a numeric Meta id');
const text = (max: number) => z.string().max(max);

export const completionBody = z
  .object({
    attempt_id: z.string().min(1).max(100),
    connection_type: z.enum(['coexistence', 'dedicated']),
    outcome: z.enum(['finish', 'cancel', 'error']),
    code: opt(z.string().min(1).max(2048)),
    event: opt(text(100)),
    phone_number_id: opt(metaId),
    waba_id: opt(metaId),
    business_id: opt(metaId),
    current_step: opt(text(100)),
    error_message: opt(text(1000)),
    error_code: opt(z.union([text(100), z.number()]).transform(String)),
  })
  .refine((b) => b.outcome !== 'finish' || b.code, { path: ['code'], message: 'code is required when outcome is finish' });

export const progressBody = z.object({
  attempt_id: z.string().min(1).max(100),
  step: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be a short step name'),
});

const invalidAttempt = () => new ApiError(403, 'permission_error', 'invalid_attempt', 'This page is out of date. Reload it and try again.');

export async function handleCompletion({ db, link, body }: HostedContext<z.infer<typeof completionBody>>): Promise<Response> {
  if (!link.allowedConnectionTypes.includes(body.connection_type)) {
    throw invalid('connection_type_not_allowed', 'This setup link does not allow that connection type.', 'connection_type');
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
  return hostedJson(
    r.status === 'completed'
      ? { status: r.status, redirect_url: r.redirectUrl, display_phone_number: r.displayPhoneNumber }
      : { status: r.status, error_code: r.errorCode, redirect_url: r.redirectUrl, next_attempt_id: r.nextAttemptId },
  );
}

const NOT_ACTIVE = { used: 'already_used', expired: 'link_expired', revoked: 'link_revoked' } as const;

export async function handleProgress({ db, link, body }: HostedContext<z.infer<typeof progressBody>>): Promise<Response> {
  if (!verifyAttemptId(link.id, body.attempt_id)) throw invalidAttempt();
  const active = link.status === 'active' && (await markOnboardingProgress(db, link.id, body.step));
  if (!active) {
    const code = link.status === 'active' ? 'link_expired' : NOT_ACTIVE[link.status];
    throw conflict(code, 'This setup link can no longer be used.');
  }
  return new Response(null, { status: 204 });
}
