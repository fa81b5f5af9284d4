import { completionBody } from '@/lib/embedded-signup/contract';
import { handleCompletion } from '@/lib/onboarding/handlers';
import { hostedRoute } from '@/lib/onboarding/hosted-route';

// Called by the hosted page with the result of Meta's popup (SPEC 8).
export const POST = hostedRoute(completionBody, handleCompletion);
