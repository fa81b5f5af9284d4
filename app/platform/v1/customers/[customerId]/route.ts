import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { parseBody } from '@/lib/server/http/body';
import { pathId } from '@/lib/server/http/query';
import { getCustomer } from '@/lib/server/customers/queries';
import { customerUpdateSchema, toApiCustomer } from '@/lib/server/customers/schema';
import { deleteCustomer, updateCustomer } from '@/lib/server/customers/write';

type Params = Awaited<RouteContext<'/platform/v1/customers/[customerId]'>['params']>;

const customerId = (params: Params) => pathId('customer', params.customerId, 'id');

export const GET = apiRoute<Params>(async ({ scope, params }) => ({
  data: toApiCustomer(await getCustomer(scope, { customerId: customerId(params) })),
}));

export const PATCH = apiRoute<Params>(async ({ scope, params, json }) => {
  const changes = parseBody(json, 'customer', customerUpdateSchema);
  return { data: toApiCustomer(await updateCustomer(scope, { customerId: customerId(params), changes })) };
});

// Removes the customer with its setup links and WhatsApp configs.
export const DELETE = apiRoute<Params>(async ({ scope, params }) => {
  await deleteCustomer(scope, { customerId: customerId(params) });
  return { status: 204, data: null };
});

const notAllowed = methodNotAllowed(['GET', 'PATCH', 'DELETE']);
export const POST = notAllowed;
export const PUT = notAllowed;
