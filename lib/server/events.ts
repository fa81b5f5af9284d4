import 'server-only';
import { webhookEvents } from './db/schema';
import type { SetupLinkId, WebhookEndpointId, WebhookEventId } from './ids';
import type { Scope } from './scope';
import { fanOutEvent } from './webhooks/deliveries';
import type { EventType } from '@/lib/shared/vocabulary';

/**
 * Writes a webhook event of the scope's project to the outbox, with one pending delivery per
 * endpoint subscribed to it (or to `endpointId` only). Call it with a scope whose `db` is the
 * transaction that makes the change, so the event and its deliveries exist exactly when the
 * change does. Payloads never hold secrets (tokens, signing secrets). `setupLinkId` puts the event
 * on that link's timeline.
 */
export async function queueEvent(
  scope: Scope,
  {
    type,
    payload,
    endpointId,
    setupLinkId,
  }: {
    type: EventType;
    payload: Record<string, unknown>;
    endpointId?: WebhookEndpointId;
    setupLinkId?: SetupLinkId | null;
  },
): Promise<WebhookEventId> {
  const [event] = await scope.db
    .insert(webhookEvents)
    .values({ projectId: scope.projectId, type, payload, setupLinkId })
    .returning({ id: webhookEvents.id });
  await fanOutEvent(scope, { eventId: event.id, type, endpointId });
  return event.id;
}
