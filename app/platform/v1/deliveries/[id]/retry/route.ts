import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { pathId } from '@/lib/server/http/query';
import { retryDelivery } from '@/lib/server/webhooks/actions';
import { toApiWebhookDelivery } from '@/lib/server/webhooks/schema';

type Params = Awaited<RouteContext<'/platform/v1/deliveries/[id]/retry'>['params']>;

// A failed or pending delivery is attempted again now; answers the delivery after the attempt.
export const POST = apiRoute<Params>(async ({ scope, params }) => ({
  data: toApiWebhookDelivery(await retryDelivery(scope, { deliveryId: pathId('webhook_delivery', params.id, 'id') })),
}));

const notAllowed = methodNotAllowed(['POST']);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
