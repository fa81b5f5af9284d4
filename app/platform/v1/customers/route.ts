import { parseBody } from '@/lib/server/http/body';
import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { parseListQuery } from '@/lib/server/http/query';
import { listCustomers } from '@/lib/server/customers/queries';
import { customerListQuerySchema, customerSchema } from '@/lib/server/customers/schema';
import { createCustomer } from '@/lib/server/customers/write';

export const GET = apiRoute(async ({ db, project, url }) =>
  listCustomers(db, project.id, parseListQuery(url.searchParams, customerListQuerySchema)),
);

export const POST = apiRoute(async ({ db, project, json }) => ({
  status: 201,
  data: await createCustomer(db, project.id, parseBody(json, 'customer', customerSchema)),
}));

const notAllowed = methodNotAllowed(['GET', 'POST']);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
