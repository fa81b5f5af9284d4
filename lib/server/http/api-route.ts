import 'server-only';
import { getDb, type Db } from '../db/client';
import { describeError, log } from '../log';
import type { Project } from '../projects';
import { authenticateApiKey } from './api-key';
import type { Scope } from '../scope';
import { readJsonBodyAndBytes } from './body';
import { withIdempotency } from '../idempotency/guard';
import { enforceApiKeyLimit } from '../rate-limit/budgets';
import { ApiError, toApiError } from './errors';
import { errorResponse, json, newRequestId } from './respond';

export interface ApiContext<P> {
  req: Request;
  params: P;
  url: URL;
  /** The database and the authenticated project: what every data function is called with. */
  scope: Scope;
  db: Db;
  project: Project;
  requestId: string;
  /** The parsed JSON body (null when there is none). */
  json: unknown;
}

export type ApiResult = Response | { status?: number; data: unknown; meta?: unknown };

const INTERNAL =
  'Something went wrong on our side. Try again; if it persists, contact the operator with the request id.';
const hasBody = (method: string) => method !== 'GET' && method !== 'DELETE' && method !== 'HEAD';

/**
 * Wraps an API route: request id, API-key auth, JSON body, the error envelope, one log line.
 * Handlers return `{data, meta?, status?}` and throw ApiError, a ZodError or a domain error
 * (lib/server/errors.ts); anything else is a bug, logged and answered 500.
 */
export function apiRoute<P = Record<string, never>>(fn: (ctx: ApiContext<P>) => Promise<ApiResult>) {
  return async (req: Request, route?: { params: Promise<P> }): Promise<Response> => {
    const requestId = newRequestId();
    const started = Date.now();
    const url = new URL(req.url);
    let res: Response;
    let projectId: string | undefined;
    const failure = (e: unknown) => {
      let err = toApiError(e);
      if (!err) {
        log.error('api_unhandled_error', { request_id: requestId, path: url.pathname, ...describeError(e) });
        err = new ApiError('internal_error', { message: INTERNAL });
      }
      return errorResponse(err, requestId);
    };
    try {
      const db = await getDb();
      const project = await authenticateApiKey(db, { headers: req.headers, url });
      projectId = project.id;
      const limits = await enforceApiKeyLimit(req.headers); // 429 over the key's budget
      const read = hasBody(req.method) ? await readJsonBodyAndBytes(req) : { json: null, bytes: null };
      const params = (route ? await route.params : {}) as P;
      const scope = { db, projectId: project.id };
      // The handler's answer, its errors included, is what a retry with the same Idempotency-Key
      // replays (lib/server/idempotency/guard.ts).
      res = await withIdempotency(scope, { req, url, body: read.bytes, requestId }, async () => {
        try {
          const out = await fn({ req, params, url, scope, db, project, requestId, json: read.json });
          const answer =
            out instanceof Response
              ? out
              : json(out.status ?? 200, {
                  data: out.data,
                  ...(out.meta ? { meta: out.meta } : {}),
                  request_id: requestId,
                });
          answer.headers.set('X-Request-Id', requestId);
          return answer;
        } catch (e) {
          return failure(e);
        }
      });
      for (const [name, value] of Object.entries(limits)) res.headers.set(name, value);
    } catch (e) {
      res = failure(e);
    }
    const ms = Date.now() - started;
    log.info('api_request', {
      request_id: requestId,
      method: req.method,
      path: url.pathname,
      status: res.status,
      ms,
      project_id: projectId,
    });
    return res;
  };
}

/** A 405 in the envelope, with the Allow header, for methods a route does not serve. */
export function methodNotAllowed(allowed: string[]) {
  const Allow = allowed.join(', ');
  return async (req: Request) =>
    errorResponse(
      new ApiError('method_not_allowed', {
        message: `${req.method} is not allowed here. Allowed: ${Allow}.`,
        headers: { Allow },
      }),
    );
}

/** 404 in the envelope for paths under the API prefix that match no route. */
export async function unknownRoute(req: Request) {
  const message = `No route for ${req.method} ${new URL(req.url).pathname}.`;
  return errorResponse(new ApiError('route_not_found', { message }));
}
