import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { pathId } from '@/lib/server/http/query';
import { sendTestEvent } from '@/lib/server/webhooks/actions';
import { toApiWebhookDelivery } from '@/lib/server/webhooks/schema';

type Params = Awaited<RouteContext<'/platform/v1/webhooks/[id]/test'>['params']>;

// Sends a webhook.test event to this endpoint now; answers the delivery after the attempt.
export const POST = apiRoute<Params>(async ({ scope, params }) => ({
  data: toApiWebhookDelivery(await sendTestEvent(scope, { endpointId: pathId('webhook_endpoint', params.id, 'id') })),
}));

const notAllowed = methodNotAllowed(['POST']);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
