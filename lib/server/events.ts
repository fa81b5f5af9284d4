import 'server-only';
import type { Db } from './db/client';
import { webhookEvents } from './db/schema';

export type EventType =
  | 'whatsapp.phone_number.created'
  | 'whatsapp.config.created'
  | 'whatsapp.config.deleted'
  | 'setup_link.created'
  | 'setup_link.used'
  | 'setup_link.failed'
  | 'setup_link.abandoned'
  | 'setup_link.expired'
  | 'setup_link.revoked';

/**
 * Writes a webhook event to the outbox. Call it with the transaction that makes the change,
 * so the event exists exactly when the change does (delivery is a later issue).
 */
export async function queueEvent(tx: Db, projectId: string, type: EventType, payload: Record<string, unknown>) {
  await tx.insert(webhookEvents).values({ projectId, type, payload });
}
