import { metaWebhookHandshake, metaWebhookNotification } from '@/lib/server/sandbox-sessions/meta-webhook';
import { ipLimited } from '@/lib/server/rate-limit/ip-limited';

// Meta's webhook for the sandbox number: the subscription handshake (GET) and signed
// notifications (POST, X-Hub-Signature-256 checked inside). Not under /platform/v1: no API key.
export const GET = ipLimited('webhooks', metaWebhookHandshake);
export const POST = ipLimited('webhooks', metaWebhookNotification);
