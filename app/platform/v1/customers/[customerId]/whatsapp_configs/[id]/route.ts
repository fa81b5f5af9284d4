import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { parseBody } from '@/lib/server/http/body';
import { pathId } from '@/lib/server/http/query';
import { parseId, type WhatsappConfigId } from '@/lib/server/ids';
import { getWhatsappConfig } from '@/lib/server/whatsapp-configs/queries';
import { toApiWhatsappConfig, whatsappConfigUpdateSchema } from '@/lib/server/whatsapp-configs/schema';
import { deleteWhatsappConfig, updateWhatsappConfig } from '@/lib/server/whatsapp-configs/write';

type Params = Awaited<RouteContext<'/platform/v1/customers/[customerId]/whatsapp_configs/[id]'>['params']>;

// A config id that is not an id stays null: the data function checks the customer first (404
// `customer_id`), then answers it like an unknown config (404 `id`).
const config = (params: Params) => ({
  customerId: pathId('customer', params.customerId, 'customer_id'),
  whatsappConfigId: parseId<WhatsappConfigId>(params.id),
});

export const GET = apiRoute<Params>(async ({ scope, params }) => ({
  data: toApiWhatsappConfig(await getWhatsappConfig(scope, config(params))),
}));

export const PATCH = apiRoute<Params>(async ({ scope, params, json }) => {
  const changes = parseBody(json, 'whatsapp_config', whatsappConfigUpdateSchema);
  return { data: toApiWhatsappConfig(await updateWhatsappConfig(scope, { ...config(params), changes })) };
});

export const DELETE = apiRoute<Params>(async ({ scope, params }) => {
  await deleteWhatsappConfig(scope, config(params));
  return { status: 204, data: null };
});

const notAllowed = methodNotAllowed(['GET', 'PATCH', 'DELETE']);
export const POST = notAllowed;
export const PUT = notAllowed;
