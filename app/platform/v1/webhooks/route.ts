import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { parseBody } from '@/lib/server/http/body';
import { listAnswer } from '@/lib/server/http/pagination';
import { parseListQuery } from '@/lib/server/http/query';
import { listWebhookEndpoints } from '@/lib/server/webhooks/queries';
import {
  toApiWebhookEndpoint,
  webhookEndpointListQuerySchema,
  webhookEndpointSchema,
} from '@/lib/server/webhooks/schema';
import { createWebhookEndpoint } from '@/lib/server/webhooks/write';

export const GET = apiRoute(async ({ scope, url }) => {
  const { page } = parseListQuery(url.searchParams, webhookEndpointListQuerySchema);
  return listAnswer(await listWebhookEndpoints(scope, { page }), (e) => toApiWebhookEndpoint(e));
});

// The secret is in this answer (and rotate_secret's) only.
export const POST = apiRoute(async ({ scope, json }) => {
  const input = parseBody(json, 'webhook', webhookEndpointSchema);
  const { endpoint, secret } = await createWebhookEndpoint(scope, { input });
  return { status: 201, data: toApiWebhookEndpoint(endpoint, secret) };
});

const notAllowed = methodNotAllowed(['GET', 'POST']);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
