import 'server-only';
import { and, eq, type SQL } from 'drizzle-orm';
import { webhookDeliveries, webhookEndpoints } from '../db/schema';
import { paginate, type Page, type Pagination } from '../db/paginate';
import { NotFoundError } from '../errors';
import type { WebhookDeliveryId, WebhookEndpointId } from '../ids';
import type { Scope } from '../scope';
import type { EventType } from '@/lib/shared/vocabulary';
import type { WebhookDelivery, WebhookEndpoint } from './domain';
import type { DeliveryListQuery } from './schema';
import { subscribedTo } from './subscription';

/** The endpoint if it belongs to the project, else a 404 naming `id`. */
export async function requireWebhookEndpoint(
  { db, projectId }: Scope,
  { endpointId }: { endpointId: WebhookEndpointId },
): Promise<WebhookEndpoint> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.projectId, projectId)));
  if (!row) throw new NotFoundError('webhook_endpoint', 'id');
  return row;
}

export async function listWebhookEndpoints(
  { db, projectId }: Scope,
  { page }: { page: Pagination },
): Promise<Page<WebhookEndpoint>> {
  return paginate(db, { table: webhookEndpoints, where: eq(webhookEndpoints.projectId, projectId), page });
}

/** Whether an event of `type` would reach anyone: an endpoint of the project subscribed to it. */
export async function projectSubscribesTo({ db, projectId }: Scope, { type }: { type: EventType }): Promise<boolean> {
  const [row] = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.projectId, projectId), subscribedTo(type)))
    .limit(1);
  return row !== undefined;
}

/** The delivery if it belongs to the project, else a 404 naming `id`. */
export async function requireWebhookDelivery(
  { db, projectId }: Scope,
  { deliveryId }: { deliveryId: WebhookDeliveryId },
): Promise<WebhookDelivery> {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.projectId, projectId)));
  if (!row) throw new NotFoundError('webhook_delivery', 'id');
  return row;
}

/** An endpoint's delivery log, newest first (404 for an endpoint of another project). */
export async function listWebhookDeliveries(
  scope: Scope,
  { endpointId, filters, page }: { endpointId: WebhookEndpointId; filters: DeliveryListQuery; page: Pagination },
): Promise<Page<WebhookDelivery>> {
  const endpoint = await requireWebhookEndpoint(scope, { endpointId });
  const where: Array<SQL | undefined> = [eq(webhookDeliveries.endpointId, endpoint.id)];
  if (filters.status) where.push(eq(webhookDeliveries.status, filters.status));
  return paginate(scope.db, { table: webhookDeliveries, where: and(...where), page });
}
