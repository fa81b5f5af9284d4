import 'server-only';
import { toApiError } from '../http/errors';
import { errorResponse } from '../http/respond';
import { enforceClientIpLimit } from './budgets';

/**
 * Wraps a route handler that has no wrapper of its own (/s/{token}, the language form, the inbound
 * webhooks) in the client IP's budget: over it, a 429 in the error envelope with Retry-After.
 */
export function ipLimited<A extends unknown[]>(
  budget: 'hosted' | 'webhooks',
  handler: (req: Request, ...rest: A) => Promise<Response>,
) {
  return async (req: Request, ...rest: A): Promise<Response> => {
    try {
      await enforceClientIpLimit(req.headers, budget);
    } catch (e) {
      const err = toApiError(e);
      if (!err) throw e;
      return errorResponse(err);
    }
    return handler(req, ...rest);
  };
}
