import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { webhookEndpoints } from '../db/schema';
import type { EventType } from '@/lib/shared/vocabulary';

/**
 * Who hears an event of `type`: the endpoints (rows of webhook_endpoints) that are active and
 * subscribed to it or to "*". webhook.test has no subscribers: it goes only to the endpoint tested.
 * Fan-out and the hosted page's renewal offer share this rule, so what the page offers is sent.
 */
export function subscribedTo(type: EventType): SQL {
  if (type === 'webhook.test') return sql`false`;
  const { active, events } = webhookEndpoints;
  return sql`(${active} and (${events} @> '["*"]'::jsonb or ${events} @> ${JSON.stringify([type])}::jsonb))`;
}
