import { parseBody } from '@/lib/server/http/body';
import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { getSetupLink } from '@/lib/server/setup-links/queries';
import { revokeSetupLink } from '@/lib/server/setup-links/revoke';
import { setupLinkUpdateSchema } from '@/lib/server/setup-links/schema';
import { updateSetupLink } from '@/lib/server/setup-links/update';

type Params = { customerId: string; id: string };

export const GET = apiRoute<Params>(async ({ db, project, params }) => ({
  data: await getSetupLink(db, project.id, params.customerId, params.id),
}));

export const PATCH = apiRoute<Params>(async ({ db, project, params, json }) => ({
  data: await updateSetupLink(
    db,
    project.id,
    params.customerId,
    params.id,
    parseBody(json, 'setup_link', setupLinkUpdateSchema),
  ),
}));

// Revoking is not a removal (seed 004): 200 with the revoked link.
export const DELETE = apiRoute<Params>(async ({ db, project, params }) => ({
  data: await revokeSetupLink(db, project.id, params.customerId, params.id),
}));

const notAllowed = methodNotAllowed(['GET', 'PATCH', 'DELETE']);
export const POST = notAllowed;
export const PUT = notAllowed;
