import { parseBody } from '@/lib/api/body';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { parseListQuery } from '@/lib/api/query';
import { listCustomers } from '@/lib/customers/queries';
import { customerListQuerySchema, customerSchema } from '@/lib/customers/schema';
import { createCustomer } from '@/lib/customers/write';

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
