import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { withParsedBody } from '@/lib/server/http/body';
import { pathId } from '@/lib/server/http/query';
import { parseId, type SetupLinkId } from '@/lib/server/ids';
import { getSetupLink } from '@/lib/server/setup-links/queries';
import { setupLinkUpdateSchema, toApiSetupLink } from '@/lib/server/setup-links/schema';
import { revokeSetupLink, updateSetupLink } from '@/lib/server/setup-links/write';

type Params = Awaited<RouteContext<'/platform/v1/customers/[customerId]/setup_links/[id]'>['params']>;

// A link id that is not an id stays null: the data function checks the customer first (404
// `customer_id`), then answers it like an unknown link (404 `id`).
const link = (params: Params) => ({
  customerId: pathId('customer', params.customerId, 'customer_id'),
  setupLinkId: parseId<SetupLinkId>(params.id),
});

export const GET = apiRoute<Params>(async ({ scope, params }) => ({
  data: toApiSetupLink(await getSetupLink(scope, link(params))),
}));

export const PATCH = apiRoute<Params>(async ({ scope, params, json }) => {
  const updated = await withParsedBody(json, 'setup_link', setupLinkUpdateSchema, (changes) =>
    updateSetupLink(scope, { ...link(params), changes }),
  );
  return { data: toApiSetupLink(updated) };
});

// Revoking is not a removal: 200 with the revoked link.
export const DELETE = apiRoute<Params>(async ({ scope, params }) => ({
  data: toApiSetupLink(await revokeSetupLink(scope, link(params))),
}));

const notAllowed = methodNotAllowed(['GET', 'PATCH', 'DELETE']);
export const POST = notAllowed;
export const PUT = notAllowed;
