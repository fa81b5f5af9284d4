import 'server-only';
import { z } from 'zod';
import { env } from '../env';
import { GraphError } from './graph-error';
import { graphRequest, type GraphEndpoint } from './transport';

// Sending WhatsApp messages through the Cloud API: POST /{phone-number-id}/messages.

/** A number we may send from: its Graph id and a token with whatsapp_business_messaging on it. */
export interface MessageSender {
  endpoint: GraphEndpoint;
  phoneNumberId: string;
  accessToken: string;
}

const sentResponse = z.object({ messages: z.array(z.object({ id: z.string().min(1) })).min(1) });

/**
 * Sends a text message to `to` (digits, or E.164); Meta's message id (`wamid...`). Never retried:
 * a retry after a timeout could deliver the message twice. Graph's failures throw GraphError.
 */
export async function sendTextMessage(
  sender: MessageSender,
  { to, body }: { to: string; body: string },
): Promise<{ messageId: string }> {
  const operation = 'send_message';
  const raw = await graphRequest(sender.endpoint, {
    operation,
    method: 'POST',
    path: `${encodeURIComponent(sender.phoneNumberId)}/messages`,
    token: sender.accessToken,
    json: {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: to.replace(/\D/g, ''),
      type: 'text',
      text: { preview_url: false, body },
    },
  });
  const parsed = sentResponse.safeParse(raw);
  if (!parsed.success)
    throw new GraphError('Graph answered with an unexpected shape', 'invalid_response', operation, 200);
  return { messageId: parsed.data.messages[0].id };
}

/** The shared sandbox number, from the environment (null when the operator has not configured it). */
export function sandboxSender(): MessageSender | null {
  const { phoneNumberId, accessToken } = env.sandbox;
  if (!phoneNumberId || !accessToken) return null;
  return {
    endpoint: { baseUrl: env.meta.graphUrl, version: env.meta.graphVersion, timeoutMs: 10_000 },
    phoneNumberId,
    accessToken,
  };
}
