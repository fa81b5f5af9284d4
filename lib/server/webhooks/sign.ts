import 'server-only';
import { Webhook } from 'standardwebhooks';
import { hmacHex, randomToken } from '../crypto';
import type { EventType } from '@/lib/shared/vocabulary';

// How a delivery is signed: Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature
// "v1,<base64 HMAC-SHA256 of id.timestamp.body>", keyed with the secret's base64-decoded bytes),
// plus X-Webhook-Signature, the hex HMAC-SHA256 of the body keyed with the whole secret string,
// for receivers that do not use a Standard Webhooks library.

/** A new endpoint secret: `whsec_` and the base64 of 32 random bytes (Standard Webhooks' format). */
export function newWebhookSecret(): string {
  // base64url from randomToken, re-encoded as standard base64 (what Standard Webhooks decodes).
  const raw = Buffer.from(randomToken('', 32), 'base64url');
  return `whsec_${raw.toString('base64')}`;
}

/** The body we POST: `{"type", "timestamp", "data"}` (timestamp: when the event happened). */
export const deliveryBody = (event: { type: EventType; createdAt: Date; payload: Record<string, unknown> }) =>
  JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data: event.payload });

/** The Standard Webhooks signature header value (`v1,<base64>`) of one message. */
export const standardSignature = (secret: string, msgId: string, timestamp: Date, body: string) =>
  new Webhook(secret).sign(msgId, timestamp, body);

/** Every header that identifies and signs a delivery attempt made at `timestamp`. */
export function signedHeaders(
  { secret, msgId, type, body }: { secret: string; msgId: string; type: EventType; body: string },
  timestamp: Date,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': standardSignature(secret, msgId, timestamp, body),
    'x-webhook-event': type,
    'x-webhook-signature': hmacHex(secret, body),
  };
}
