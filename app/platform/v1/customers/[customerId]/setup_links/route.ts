import { parseBody } from '@/lib/server/http/body';
import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { parseListQuery } from '@/lib/server/http/query';
import { createSetupLink } from '@/lib/server/setup-links/create';
import { listSetupLinks } from '@/lib/server/setup-links/queries';
import { setupLinkCreateSchema, setupLinkListQuerySchema } from '@/lib/server/setup-links/schema';

type Params = { customerId: string };

export const GET = apiRoute<Params>(async ({ db, project, params, url }) =>
  listSetupLinks(db, project.id, params.customerId, parseListQuery(url.searchParams, setupLinkListQuerySchema)),
);

// Creating a link revokes the customer's previous active link.
export const POST = apiRoute<Params>(async ({ db, project, params, json }) => ({
  status: 201,
  data: await createSetupLink(db, project.id, params.customerId, parseBody(json, 'setup_link', setupLinkCreateSchema)),
}));

const notAllowed = methodNotAllowed(['GET', 'POST']);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
