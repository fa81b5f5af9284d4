import { linkBody } from '@/lib/shared/embedded-signup/contract';
import { hostedRoute } from '@/lib/server/http/hosted-route';
import { handlePhoneCode } from '@/lib/server/hosted/phone-number';

// The verification code that Meta's SMS brought to the link's number (asked every second).
export const POST = hostedRoute(linkBody, handlePhoneCode);
