import { linkBody } from '@/lib/shared/embedded-signup/contract';
import { hostedRoute } from '@/lib/server/http/hosted-route';
import { handleRenewal } from '@/lib/server/hosted/renewal';

// The state page's "Ask {partner} for a new link" button (used, expired or revoked links).
export const POST = hostedRoute(linkBody, handleRenewal);
