import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { pathId } from '@/lib/server/http/query';
import { toApiWebhookEndpoint } from '@/lib/server/webhooks/schema';
import { rotateWebhookSecret } from '@/lib/server/webhooks/write';

type Params = Awaited<RouteContext<'/platform/v1/webhooks/[id]/rotate_secret'>['params']>;

// The old secret stops working at once; the answer carries the new one.
export const POST = apiRoute<Params>(async ({ scope, params }) => {
  const { endpoint, secret } = await rotateWebhookSecret(scope, {
    endpointId: pathId('webhook_endpoint', params.id, 'id'),
  });
  return { data: toApiWebhookEndpoint(endpoint, secret) };
});

const notAllowed = methodNotAllowed(['POST']);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
