import 'server-only';
import { eq } from 'drizzle-orm';
import { webhookDeliveries } from '../db/schema';
import { queueEvent } from '../events';
import type { WebhookDeliveryId, WebhookEndpointId } from '../ids';
import type { Scope } from '../scope';
import { reopenDelivery } from './deliveries';
import type { WebhookDelivery } from './domain';
import { requireWebhookDelivery, requireWebhookEndpoint } from './queries';
import { webhookTestEvent } from './schema';
import { deliverNow, type DeliveryOptions } from './worker';

// What the API's action endpoints do: send a test event, retry a delivery. Both attempt the
// delivery in the request and answer with it as it stands afterwards.

/** Queues a `webhook.test` event for the endpoint alone and sends it now. */
export async function sendTestEvent(
  scope: Scope,
  { endpointId, ...options }: DeliveryOptions & { endpointId: WebhookEndpointId },
): Promise<WebhookDelivery> {
  const endpoint = await requireWebhookEndpoint(scope, { endpointId });
  // One transaction: the event and its delivery row exist together.
  const eventId = await scope.db.transaction((tx) =>
    queueEvent(
      { db: tx, projectId: scope.projectId },
      { type: 'webhook.test', payload: webhookTestEvent(endpoint), endpointId: endpoint.id },
    ),
  );
  const [delivery] = await scope.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, eventId));
  return (await deliverNow(scope.db, { deliveryId: delivery.id, ...options })) ?? delivery;
}

/** Attempts a failed or pending delivery again now (409 when it already succeeded). */
export async function retryDelivery(
  scope: Scope,
  { deliveryId, ...options }: DeliveryOptions & { deliveryId: WebhookDeliveryId },
): Promise<WebhookDelivery> {
  const reopened = await reopenDelivery(scope, { deliveryId });
  return (
    (await deliverNow(scope.db, { deliveryId: reopened.id, ...options })) ??
    (await requireWebhookDelivery(scope, { deliveryId }))
  );
}
