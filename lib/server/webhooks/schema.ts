import { z } from 'zod';
import { apiTime, apiTimestamp } from '@/lib/shared/time';
import { DELIVERY_STATUSES, EVENT_TYPES, isOneOf } from '@/lib/shared/vocabulary';
import { webhookEndpointUrlSchema } from '../redirect-url';
import type { WebhookDelivery, WebhookEndpoint } from './domain';

// The webhook API: endpoints as partners write and read them, and the delivery log.

/** `["*"]` (every event) or a list of known event types, each once. */
const eventsSchema = z
  .array(z.string())
  .min(1)
  .max(EVENT_TYPES.length)
  .superRefine((list, ctx) => {
    if (list.includes('*') && list.length > 1)
      ctx.addIssue({ code: 'custom', message: 'must be ["*"] alone or a list of event types' });
    for (const [i, type] of list.entries())
      if (type !== '*' && !isOneOf(EVENT_TYPES, type))
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `unknown event type "${type.slice(0, 100)}"`,
          params: { code: 'unknown_event_type' },
        });
  })
  .transform((list) => [...new Set(list)] as Array<(typeof EVENT_TYPES)[number] | '*'>);

/** An endpoint as partners write it (POST creates, PATCH takes any subset). */
export const webhookEndpointSchema = z.strictObject({
  url: webhookEndpointUrlSchema,
  events: eventsSchema,
  active: z.boolean().optional(),
  description: z.string().trim().max(500).nullable().optional(),
});
export const webhookEndpointUpdateSchema = webhookEndpointSchema.partial();

export const webhookEndpointListQuerySchema = z.object({});
export const deliveryListQuerySchema = z.object({ status: z.enum(DELIVERY_STATUSES).optional() });

/** An endpoint as the API returns it; `secret` only in the answers of create and rotate_secret. */
export const webhookEndpointOutput = z.strictObject({
  id: z.uuid(),
  object: z.literal('webhook'),
  url: z.string(),
  events: z.array(z.union([z.literal('*'), z.enum(EVENT_TYPES)])),
  active: z.boolean(),
  description: z.string().nullable(),
  secret: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/]+=*$/)
    .optional(),
  created_at: apiTimestamp,
  updated_at: apiTimestamp,
});

export const webhookDeliveryOutput = z.strictObject({
  id: z.uuid(),
  object: z.literal('webhook_delivery'),
  webhook_id: z.uuid(),
  event_id: z.uuid(),
  event_type: z.enum(EVENT_TYPES),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int().min(0),
  last_status_code: z.number().int().nullable(),
  last_error: z.string().nullable(),
  next_attempt_at: apiTimestamp.nullable(),
  created_at: apiTimestamp,
  delivered_at: apiTimestamp.nullable(),
});

export type WebhookEndpointInput = z.output<typeof webhookEndpointSchema>;
export type WebhookEndpointUpdate = z.output<typeof webhookEndpointUpdateSchema>;
export type DeliveryListQuery = z.output<typeof deliveryListQuerySchema>;
export type ApiWebhookEndpoint = z.input<typeof webhookEndpointOutput>;
export type ApiWebhookDelivery = z.input<typeof webhookDeliveryOutput>;

/** The API object of an endpoint; pass `secret` only when it was just created or rotated. */
export function toApiWebhookEndpoint(endpoint: WebhookEndpoint, secret?: string): ApiWebhookEndpoint {
  return {
    id: endpoint.id,
    object: 'webhook',
    url: endpoint.url,
    events: endpoint.events,
    active: endpoint.active,
    description: endpoint.description,
    ...(secret ? { secret } : {}),
    created_at: apiTime(endpoint.createdAt),
    updated_at: apiTime(endpoint.updatedAt),
  };
}

/** The API object of a delivery. While a worker sends it, `next_attempt_at` is the lease's end. */
export function toApiWebhookDelivery(d: WebhookDelivery): ApiWebhookDelivery {
  return {
    id: d.id,
    object: 'webhook_delivery',
    webhook_id: d.endpointId,
    event_id: d.eventId,
    event_type: d.eventType,
    status: d.status,
    attempts: d.attempts,
    last_status_code: d.lastStatusCode,
    last_error: d.lastError,
    next_attempt_at: apiTime(d.nextAttemptAt),
    created_at: apiTime(d.createdAt),
    delivered_at: apiTime(d.deliveredAt),
  };
}

/** The payload of `webhook.test`: which endpoint it tests (never its secret). */
export const webhookTestEvent = (endpoint: WebhookEndpoint) => ({
  webhook: { id: endpoint.id, url: endpoint.url },
  message: 'This is a test event sent from the API.',
});
