import { linkBody } from '@/lib/shared/embedded-signup/contract';
import { hostedRoute } from '@/lib/server/http/hosted-route';
import { handlePhoneNumber } from '@/lib/server/hosted/phone-number';

// The phone step of a provisioning link buys its number (a POST of the page script, never a GET).
export const POST = hostedRoute(linkBody, handlePhoneNumber);
