import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { parseBody } from '@/lib/server/http/body';
import { pathId } from '@/lib/server/http/query';
import { requireWebhookEndpoint } from '@/lib/server/webhooks/queries';
import { toApiWebhookEndpoint, webhookEndpointUpdateSchema } from '@/lib/server/webhooks/schema';
import { deleteWebhookEndpoint, updateWebhookEndpoint } from '@/lib/server/webhooks/write';

type Params = Awaited<RouteContext<'/platform/v1/webhooks/[id]'>['params']>;

const endpointId = (params: Params) => pathId('webhook_endpoint', params.id, 'id');

export const GET = apiRoute<Params>(async ({ scope, params }) => ({
  data: toApiWebhookEndpoint(await requireWebhookEndpoint(scope, { endpointId: endpointId(params) })),
}));

export const PATCH = apiRoute<Params>(async ({ scope, params, json }) => {
  const changes = parseBody(json, 'webhook', webhookEndpointUpdateSchema);
  return {
    data: toApiWebhookEndpoint(await updateWebhookEndpoint(scope, { endpointId: endpointId(params), changes })),
  };
});

// Removes the endpoint and its delivery log.
export const DELETE = apiRoute<Params>(async ({ scope, params }) => {
  await deleteWebhookEndpoint(scope, { endpointId: endpointId(params) });
  return { status: 204, data: null };
});

const notAllowed = methodNotAllowed(['GET', 'PATCH', 'DELETE']);
export const POST = notAllowed;
export const PUT = notAllowed;
