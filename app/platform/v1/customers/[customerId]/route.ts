import { parseBody } from '@/lib/server/http/body';
import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { getCustomer } from '@/lib/server/customers/queries';
import { customerUpdateSchema } from '@/lib/server/customers/schema';
import { deleteCustomer, updateCustomer } from '@/lib/server/customers/write';

type Params = { customerId: string };

export const GET = apiRoute<Params>(async ({ db, project, params }) => ({
  data: await getCustomer(db, project.id, params.customerId),
}));

export const PATCH = apiRoute<Params>(async ({ db, project, params, json }) => ({
  data: await updateCustomer(db, project.id, params.customerId, parseBody(json, 'customer', customerUpdateSchema)),
}));

// Removes the customer with its setup links and WhatsApp configs.
export const DELETE = apiRoute<Params>(async ({ db, project, params }) => {
  await deleteCustomer(db, project.id, params.customerId);
  return { status: 204, data: null };
});

const notAllowed = methodNotAllowed(['GET', 'PATCH', 'DELETE']);
export const POST = notAllowed;
export const PUT = notAllowed;
