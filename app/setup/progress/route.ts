import { progressBody } from '@/lib/embedded-signup/contract';
import { handleProgress } from '@/lib/onboarding/handlers';
import { hostedRoute } from '@/lib/onboarding/hosted-route';

// Called by the hosted page as the customer moves through its steps (for `last_step` and abandonment).
export const POST = hostedRoute(progressBody, handleProgress);
