import { progressBody } from '@/lib/shared/embedded-signup/contract';
import { handleProgress } from '@/lib/server/onboarding/handlers';
import { hostedRoute } from '@/lib/server/http/hosted-route';

// Called by the hosted page as the customer moves through its steps (for `last_step` and abandonment).
export const POST = hostedRoute(progressBody, handleProgress);
