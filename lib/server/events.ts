import 'server-only';
import { webhookEvents } from './db/schema';
import type { Scope } from './scope';
import type { EventType } from '@/lib/shared/vocabulary';

/**
 * Writes a webhook event of the scope's project to the outbox. Call it with a scope whose `db` is
 * the transaction that makes the change, so the event exists exactly when the change does.
 */
export async function queueEvent(
  { db, projectId }: Scope,
  { type, payload }: { type: EventType; payload: Record<string, unknown> },
): Promise<void> {
  await db.insert(webhookEvents).values({ projectId, type, payload });
}
