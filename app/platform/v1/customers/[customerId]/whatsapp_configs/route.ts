import { parseBody } from '@/lib/server/http/body';
import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { parsePagination } from '@/lib/server/http/pagination';
import { listWhatsappConfigs } from '@/lib/server/whatsapp-configs/queries';
import { whatsappConfigSchema } from '@/lib/server/whatsapp-configs/schema';
import { createWhatsappConfig } from '@/lib/server/whatsapp-configs/write';

type Params = { customerId: string };

export const GET = apiRoute<Params>(async ({ db, project, params, url }) =>
  listWhatsappConfigs(db, project.id, params.customerId, parsePagination(url.searchParams)),
);

export const POST = apiRoute<Params>(async ({ db, project, params, json }) => ({
  status: 201,
  data: await createWhatsappConfig(
    db,
    project.id,
    params.customerId,
    parseBody(json, 'whatsapp_config', whatsappConfigSchema),
  ),
}));

const notAllowed = methodNotAllowed(['GET', 'POST']);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
