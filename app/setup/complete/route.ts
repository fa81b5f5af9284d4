import { completionBody } from '@/lib/shared/embedded-signup/contract';
import { handleCompletion } from '@/lib/server/onboarding/handlers';
import { hostedRoute } from '@/lib/server/http/hosted-route';
import { enforceCompletionLimit } from '@/lib/server/rate-limit/budgets';

// Called by the hosted page with the result of Meta's popup (lib/server/onboarding/complete.ts).
// Each failed completion hands out a fresh attempt id, and each one calls Meta: the link's own
// budget (lib/server/rate-limit/budgets.ts) is spent before anything else is done.
export const POST = hostedRoute(completionBody, async (ctx) => {
  await enforceCompletionLimit(ctx.link.id);
  return handleCompletion(ctx);
});
