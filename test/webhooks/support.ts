import type { Db } from '@/lib/server/db/client';
import type { ProjectId } from '@/lib/server/ids';
import { createWebhookEndpoint } from '@/lib/server/webhooks/write';
import type { EventType } from '@/lib/shared/vocabulary';

/** An endpoint of the project, created by the data function (no URL schema: tests use plain http hosts). */
export async function newEndpoint(
  db: Db,
  projectId: ProjectId,
  url: string,
  events: Array<EventType | '*'> = ['*'],
  resolve?: Parameters<typeof createWebhookEndpoint>[1]['resolve'],
) {
  return createWebhookEndpoint({ db, projectId }, { input: { url, events }, resolve });
}
