import type { webhookDeliveries, webhookEndpoints } from '../db/schema';

/** A project's webhook endpoint. `secretEnc` is the encrypted signing secret (never serialized). */
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;

/** One event's delivery to one endpoint, with its attempts so far. */
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
