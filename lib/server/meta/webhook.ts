import 'server-only';
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { safeEqual } from '../crypto';

// Meta's webhooks (the WhatsApp Cloud API's): the subscription handshake, the signature of each
// POST, and the messages inside a payload. Pure functions; the HTTP side is in
// lib/server/sandbox-sessions/meta-webhook.ts.

/**
 * The handshake Meta makes when the webhook is configured: GET ?hub.mode=subscribe
 * &hub.verify_token=...&hub.challenge=...; the challenge to echo, or null to refuse.
 */
export function handshakeChallenge(params: URLSearchParams, verifyToken: string | undefined): string | null {
  const token = params.get('hub.verify_token');
  const challenge = params.get('hub.challenge');
  if (!verifyToken || params.get('hub.mode') !== 'subscribe' || token === null || challenge === null) return null;
  if (!safeEqual(token, verifyToken)) return null;
  return challenge;
}

export type SignatureCheck = 'valid' | 'missing' | 'invalid';

/**
 * `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body, keyed with the app secret>`,
 * compared in constant time over the exact bytes received.
 */
export function checkSignature(raw: Buffer, header: string | null, appSecret: string): SignatureCheck {
  if (!header) return 'missing';
  const m = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!m) return 'invalid';
  const expected = createHmac('sha256', appSecret).update(raw).digest('hex');
  return safeEqual(m[1].toLowerCase(), expected) ? 'valid' : 'invalid';
}

/** One message of a payload, as Meta sent it, with the number it was sent to. */
export interface WebhookMessage {
  /** The Graph id of our number that received it (`metadata.phone_number_id`). */
  phoneNumberId: string;
  id: string;
  /** The sender's number, digits only (as Meta writes it). */
  from: string;
  type: string;
  text: string | null;
  /** Unix seconds, as Meta sent it. */
  timestamp: number;
}

const payloadShape = z.object({
  object: z.string(),
  entry: z
    .array(
      z.object({
        changes: z.array(z.object({ field: z.string(), value: z.unknown() })).default([]),
      }),
    )
    .max(100),
});

const valueShape = z.object({
  metadata: z.object({ phone_number_id: z.string().min(1).max(64) }),
  messages: z.array(z.unknown()).max(100).default([]),
});

const messageShape = z.object({
  from: z.string().regex(/^\d{6,15}$/),
  id: z.string().min(1).max(256),
  timestamp: z.string().regex(/^\d{1,12}$/),
  type: z.string().min(1).max(64),
  text: z.object({ body: z.string().max(65_536) }).optional(),
});

/**
 * The messages in a WhatsApp Business Account payload (`field: "messages"` changes; delivery
 * statuses and other fields carry none). Anything that does not have the documented shape is
 * left out, one message at a time, so a surprise in one part does not drop the rest.
 */
export function webhookMessages(payload: unknown): WebhookMessage[] {
  const parsed = payloadShape.safeParse(payload);
  if (!parsed.success || parsed.data.object !== 'whatsapp_business_account') return [];
  const out: WebhookMessage[] = [];
  for (const entry of parsed.data.entry)
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      const value = valueShape.safeParse(change.value);
      if (!value.success) continue;
      for (const raw of value.data.messages) {
        const m = messageShape.safeParse(raw);
        if (!m.success) continue;
        out.push({
          phoneNumberId: value.data.metadata.phone_number_id,
          id: m.data.id,
          from: m.data.from,
          type: m.data.type,
          text: m.data.type === 'text' ? (m.data.text?.body ?? null) : null,
          timestamp: Number(m.data.timestamp),
        });
      }
    }
  return out;
}
