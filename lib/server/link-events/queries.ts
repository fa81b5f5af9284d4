import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Page, Pagination } from '../db/paginate';
import { webhookDeliveries, webhookEvents } from '../db/schema';
import type { CustomerId, SetupLinkId } from '../ids';
import type { Scope } from '../scope';
import { getSetupLink } from '../setup-links/queries';
import type { LinkEvent } from './domain';

/**
 * A link's timeline, oldest first (in write order: the events of one transaction share their
 * time), each event with its deliveries. 404 for an unknown customer or link, like GET of the link.
 */
export async function listLinkEvents(
  scope: Scope,
  { customerId, setupLinkId, page }: { customerId: CustomerId; setupLinkId: SetupLinkId | null; page: Pagination },
): Promise<Page<LinkEvent>> {
  const link = await getSetupLink(scope, { customerId, setupLinkId });
  const where = and(eq(webhookEvents.projectId, scope.projectId), eq(webhookEvents.setupLinkId, link.id));
  const [events, total] = await Promise.all([
    scope.db
      .select()
      .from(webhookEvents)
      .where(where)
      .orderBy(asc(webhookEvents.seq))
      .limit(page.perPage)
      .offset((page.page - 1) * page.perPage),
    scope.db.$count(webhookEvents, where),
  ]);
  const deliveries = events.length
    ? await scope.db
        .select()
        .from(webhookDeliveries)
        .where(
          inArray(
            webhookDeliveries.eventId,
            events.map((e) => e.id),
          ),
        )
        .orderBy(asc(webhookDeliveries.createdAt), asc(webhookDeliveries.endpointId))
    : [];
  const items = events.map((e) => ({
    id: e.id,
    type: e.type,
    payload: e.payload,
    createdAt: e.createdAt,
    deliveries: deliveries.filter((d) => d.eventId === e.id),
  }));
  return { items, total, page };
}
