import { parseBody } from '@/lib/server/http/body';
import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { getWhatsappConfig } from '@/lib/server/whatsapp-configs/queries';
import { whatsappConfigUpdateSchema } from '@/lib/server/whatsapp-configs/schema';
import { deleteWhatsappConfig, updateWhatsappConfig } from '@/lib/server/whatsapp-configs/write';

type Params = { customerId: string; id: string };

export const GET = apiRoute<Params>(async ({ db, project, params }) => ({
  data: await getWhatsappConfig(db, project.id, params.customerId, params.id),
}));

export const PATCH = apiRoute<Params>(async ({ db, project, params, json }) => ({
  data: await updateWhatsappConfig(
    db,
    project.id,
    params.customerId,
    params.id,
    parseBody(json, 'whatsapp_config', whatsappConfigUpdateSchema),
  ),
}));

export const DELETE = apiRoute<Params>(async ({ db, project, params }) => {
  await deleteWhatsappConfig(db, project.id, params.customerId, params.id);
  return { status: 204, data: null };
});

const notAllowed = methodNotAllowed(['GET', 'PATCH', 'DELETE']);
export const POST = notAllowed;
export const PUT = notAllowed;
