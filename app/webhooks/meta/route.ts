import { metaWebhookHandshake, metaWebhookNotification } from '@/lib/server/sandbox-sessions/meta-webhook';

// Meta's webhook for the sandbox number: the subscription handshake (GET) and signed
// notifications (POST, X-Hub-Signature-256 checked inside). Not under /platform/v1: no API key.
export const GET = metaWebhookHandshake;
export const POST = metaWebhookNotification;
