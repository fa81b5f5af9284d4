import type { WebhookEventId } from '../ids';
import type { WebhookDelivery } from '../webhooks/domain';
import type { EventType } from '@/lib/shared/vocabulary';

/** One entry of a link's timeline: an event about it, and its delivery to each endpoint. */
export interface LinkEvent {
  id: WebhookEventId;
  type: EventType;
  payload: Record<string, unknown>;
  createdAt: Date;
  deliveries: WebhookDelivery[];
}
