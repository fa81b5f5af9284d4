import 'server-only';
import { z } from 'zod';
import { apiTime, apiTimestamp } from '@/lib/shared/time';
import { EVENT_TYPES } from '@/lib/shared/vocabulary';
import { toApiWebhookDelivery, webhookDeliveryOutput } from '../webhooks/schema';
import type { LinkEvent } from './domain';

// GET /customers/{customer_id}/setup_links/{id}/events: what happened to a link, and whether each
// endpoint got to hear of it. `data` is exactly the `data` of the webhook request.

export const linkEventListQuerySchema = z.object({});

const eventDeliveryOutput = webhookDeliveryOutput.pick({
  id: true,
  webhook_id: true,
  status: true,
  attempts: true,
  last_status_code: true,
  last_error: true,
  next_attempt_at: true,
  delivered_at: true,
});

export const linkEventOutput = z.strictObject({
  id: z.uuid(),
  object: z.literal('event'),
  type: z.enum(EVENT_TYPES),
  created_at: apiTimestamp,
  data: z.record(z.string(), z.unknown()),
  deliveries: z.array(eventDeliveryOutput),
});

export type ApiLinkEvent = z.input<typeof linkEventOutput>;
type ApiEventDelivery = z.input<typeof eventDeliveryOutput>;
const DELIVERY_FIELDS = Object.keys(eventDeliveryOutput.shape) as Array<keyof ApiEventDelivery>;

export function toApiLinkEvent(event: LinkEvent): ApiLinkEvent {
  return {
    id: event.id,
    object: 'event',
    type: event.type,
    created_at: apiTime(event.createdAt),
    data: event.payload,
    deliveries: event.deliveries.map((d) => {
      const delivery = toApiWebhookDelivery(d);
      return Object.fromEntries(DELIVERY_FIELDS.map((f) => [f, delivery[f]])) as ApiEventDelivery;
    }),
  };
}
