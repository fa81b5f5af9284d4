import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { listAnswer } from '@/lib/server/http/pagination';
import { parseListQuery, pathId } from '@/lib/server/http/query';
import { listWebhookDeliveries } from '@/lib/server/webhooks/queries';
import { deliveryListQuerySchema, toApiWebhookDelivery } from '@/lib/server/webhooks/schema';

type Params = Awaited<RouteContext<'/platform/v1/webhooks/[id]/deliveries'>['params']>;

// The endpoint's delivery log, newest first; `status` filters.
export const GET = apiRoute<Params>(async ({ scope, params, url }) => {
  const { filters, page } = parseListQuery(url.searchParams, deliveryListQuerySchema);
  const endpointId = pathId('webhook_endpoint', params.id, 'id');
  return listAnswer(await listWebhookDeliveries(scope, { endpointId, filters, page }), toApiWebhookDelivery);
});

const notAllowed = methodNotAllowed(['GET']);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
