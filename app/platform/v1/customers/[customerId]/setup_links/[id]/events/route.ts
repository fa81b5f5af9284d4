import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { listAnswer } from '@/lib/server/http/pagination';
import { parseListQuery, pathId } from '@/lib/server/http/query';
import { parseId, type SetupLinkId } from '@/lib/server/ids';
import { listLinkEvents } from '@/lib/server/link-events/queries';
import { linkEventListQuerySchema, toApiLinkEvent } from '@/lib/server/link-events/schema';

type Params = Awaited<RouteContext<'/platform/v1/customers/[customerId]/setup_links/[id]/events'>['params']>;

// The link's timeline, oldest first, with each event's delivery per endpoint.
export const GET = apiRoute<Params>(async ({ scope, params, url }) => {
  const { page } = parseListQuery(url.searchParams, linkEventListQuerySchema);
  const customerId = pathId('customer', params.customerId, 'customer_id');
  const setupLinkId = parseId<SetupLinkId>(params.id);
  return listAnswer(await listLinkEvents(scope, { customerId, setupLinkId, page }), toApiLinkEvent);
});

const notAllowed = methodNotAllowed(['GET']);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
