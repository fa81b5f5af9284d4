import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { withParsedBody } from '@/lib/server/http/body';
import { listAnswer } from '@/lib/server/http/pagination';
import { parseListQuery, pathId } from '@/lib/server/http/query';
import { listSetupLinks } from '@/lib/server/setup-links/queries';
import { setupLinkCreateSchema, setupLinkListQuerySchema, toApiSetupLink } from '@/lib/server/setup-links/schema';
import { createSetupLink } from '@/lib/server/setup-links/write';

type Params = Awaited<RouteContext<'/platform/v1/customers/[customerId]/setup_links'>['params']>;

const customerId = (params: Params) => pathId('customer', params.customerId, 'customer_id');

export const GET = apiRoute<Params>(async ({ scope, params, url }) => {
  const { filters, page } = parseListQuery(url.searchParams, setupLinkListQuerySchema);
  return listAnswer(await listSetupLinks(scope, { customerId: customerId(params), filters, page }), toApiSetupLink);
});

// Creating a link revokes the customer's previous active link. Rules that need the database
// (reconnect_phone_number, countries outside the US) answer like the schema's, with the param.
export const POST = apiRoute<Params>(async ({ scope, params, json }) => {
  const link = await withParsedBody(json, 'setup_link', setupLinkCreateSchema, (input) =>
    createSetupLink(scope, { customerId: customerId(params), input }),
  );
  return { status: 201, data: toApiSetupLink(link) };
});

const notAllowed = methodNotAllowed(['GET', 'POST']);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
