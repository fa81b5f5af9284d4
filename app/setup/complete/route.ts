import { completionBody } from '@/lib/shared/embedded-signup/contract';
import { handleCompletion } from '@/lib/server/onboarding/handlers';
import { hostedRoute } from '@/lib/server/http/hosted-route';

// Called by the hosted page with the result of Meta's popup (lib/server/onboarding/complete.ts).
export const POST = hostedRoute(completionBody, handleCompletion);
