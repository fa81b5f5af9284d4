import { z } from 'zod';
import { NotFoundError, type Resource } from '../errors';
import {
  parseId,
  type AgentId,
  type CustomerId,
  type SandboxSessionId,
  type SetupLinkId,
  type WebhookDeliveryId,
  type WebhookEndpointId,
  type WhatsappConfigId,
} from '../ids';
import { unstorablePath } from './body';
import { ApiError, fromZod, PARSE_OPTIONS } from './errors';
import { parsePagination, type Pagination } from './pagination';

// What a request's URL says: the ids in its path and a list endpoint's query string.

interface IdOf {
  customer: CustomerId;
  setup_link: SetupLinkId;
  whatsapp_config: WhatsappConfigId;
  webhook_endpoint: WebhookEndpointId;
  webhook_delivery: WebhookDeliveryId;
  agent: AgentId;
  sandbox_session: SandboxSessionId;
}

/**
 * The id a path segment names. A segment that is not an id cannot name anything: 404 naming
 * `param` (`customer_id` under nested routes, `id` for the resource's own id).
 */
export function pathId<R extends Resource>(resource: R, raw: string, param: string): IdOf[R] {
  const id = parseId<IdOf[R]>(raw);
  if (!id) throw new NotFoundError(resource, param);
  return id;
}

/**
 * Validates a list endpoint's query string: the resource's filters, and page/per_page.
 * Unknown query parameters are ignored (cache busters, tracking tags); a parameter given twice is
 * refused (which one would count?), and so is text PostgreSQL cannot store.
 */
export function parseListQuery<S extends z.ZodType>(
  params: URLSearchParams,
  filters: S,
): { filters: z.output<S>; page: Pagination } {
  for (const name of new Set(params.keys())) {
    if (params.getAll(name).length > 1)
      throw new ApiError('invalid_parameter', { message: `${name} is given more than once.`, param: name });
  }
  const bad = unstorablePath(Object.fromEntries(params));
  if (bad)
    throw new ApiError('invalid_parameter', {
      message: `${bad} must not contain NUL characters or unpaired surrogates.`,
      param: bad,
    });
  const parsed = filters.safeParse(Object.fromEntries(params), PARSE_OPTIONS);
  if (!parsed.success) throw fromZod(parsed.error);
  return { filters: parsed.data, page: parsePagination(params) };
}
