import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { parseBody } from '@/lib/server/http/body';
import { listAnswer, parsePagination } from '@/lib/server/http/pagination';
import { pathId } from '@/lib/server/http/query';
import { listWhatsappConfigs } from '@/lib/server/whatsapp-configs/queries';
import { toApiWhatsappConfig, whatsappConfigSchema } from '@/lib/server/whatsapp-configs/schema';
import { createWhatsappConfig } from '@/lib/server/whatsapp-configs/write';

type Params = Awaited<RouteContext<'/platform/v1/customers/[customerId]/whatsapp_configs'>['params']>;

const customerId = (params: Params) => pathId('customer', params.customerId, 'customer_id');

export const GET = apiRoute<Params>(async ({ scope, params, url }) => {
  const page = parsePagination(url.searchParams);
  return listAnswer(await listWhatsappConfigs(scope, { customerId: customerId(params), page }), toApiWhatsappConfig);
});

export const POST = apiRoute<Params>(async ({ scope, params, json }) => {
  const input = parseBody(json, 'whatsapp_config', whatsappConfigSchema);
  const config = await createWhatsappConfig(scope, { customerId: customerId(params), input });
  return { status: 201, data: toApiWhatsappConfig(config) };
});

const notAllowed = methodNotAllowed(['GET', 'POST']);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
