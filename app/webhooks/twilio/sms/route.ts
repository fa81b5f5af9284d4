import { handleInboundSms } from '@/lib/server/provisioning/inbound-sms';

// Twilio's inbound SMS webhook for the numbers we bought (signature checked inside).
export const POST = handleInboundSms;
