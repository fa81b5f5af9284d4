import { handleInboundSms } from '@/lib/server/provisioning/inbound-sms';
import { ipLimited } from '@/lib/server/rate-limit/ip-limited';

// Twilio's inbound SMS webhook for the numbers we bought (signature checked inside).
export const POST = ipLimited('webhooks', handleInboundSms);
