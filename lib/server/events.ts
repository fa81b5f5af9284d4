import 'server-only';
import type { Db } from './db/client';
import { webhookEvents } from './db/schema';
import type { ProjectId } from './ids';
import type { EventType } from '@/lib/shared/vocabulary';

/**
 * Writes a webhook event to the outbox. Call it with the transaction that makes the change,
 * so the event exists exactly when the change does (delivery is a later issue).
 */
export async function queueEvent(tx: Db, projectId: ProjectId, type: EventType, payload: Record<string, unknown>) {
  await tx.insert(webhookEvents).values({ projectId, type, payload });
}
