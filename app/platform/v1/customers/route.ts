import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { parseBody } from '@/lib/server/http/body';
import { listAnswer } from '@/lib/server/http/pagination';
import { parseListQuery } from '@/lib/server/http/query';
import { listCustomers } from '@/lib/server/customers/queries';
import { customerListQuerySchema, customerSchema, toApiCustomer } from '@/lib/server/customers/schema';
import { createCustomer } from '@/lib/server/customers/write';

export const GET = apiRoute(async ({ scope, url }) => {
  const { filters, page } = parseListQuery(url.searchParams, customerListQuerySchema);
  return listAnswer(await listCustomers(scope, { filters, page }), toApiCustomer);
});

export const POST = apiRoute(async ({ scope, json }) => {
  const input = parseBody(json, 'customer', customerSchema);
  return { status: 201, data: toApiCustomer(await createCustomer(scope, { input })) };
});

const notAllowed = methodNotAllowed(['GET', 'POST']);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
