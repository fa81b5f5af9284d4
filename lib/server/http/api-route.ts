import 'server-only';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { getDb, type Db } from '../db/client';
import { log } from '../log';
import { authenticateApiKey, type Project } from '../projects';
import { ApiError, errorBody, fromZod } from './errors';

const MAX_BODY_BYTES = 1024 * 1024;

export interface ApiContext<P> {
  req: Request;
  params: P;
  url: URL;
  db: Db;
  project: Project;
  requestId: string;
  /** The parsed JSON body (null when there is none). */
  json: unknown;
}

export type ApiResult = Response | { status?: number; data: unknown; meta?: unknown };

const newRequestId = () => `req_${randomBytes(12).toString('base64url')}`;

function respond(status: number, body: unknown, requestId: string, extra?: Record<string, string>): Response {
  const headers = new Headers({ 'X-Request-Id': requestId, 'Cache-Control': 'no-store', ...extra });
  if (status === 204) return new Response(null, { status, headers });
  headers.set('Content-Type', 'application/json; charset=utf-8');
  return new Response(JSON.stringify(body), { status, headers });
}

export function errorResponse(err: ApiError, requestId = newRequestId()): Response {
  return respond(err.status, errorBody(err, requestId), requestId, err.headers);
}

/**
 * The JSON body of a request (null when empty): 413 over `maxBytes`, 415 when a body is not sent as
 * JSON, 400 when it does not parse. Shared by the API and the hosted page's endpoints.
 */
export async function readJsonBody(req: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const limit = maxBytes >= 1024 * 1024 ? `${maxBytes / (1024 * 1024)} MB` : `${maxBytes / 1024} KB`;
  const tooLarge = () =>
    new ApiError(413, 'invalid_request_error', 'body_too_large', `The request body is over ${limit}.`);
  if (Number(req.headers.get('content-length') ?? '0') > maxBytes) throw tooLarge();
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge();
  if (text.trim() === '') return null;
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new ApiError(
      415,
      'invalid_request_error',
      'unsupported_media_type',
      'Send the body as JSON with Content-Type: application/json.',
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_request_error', 'malformed_json', 'The request body is not valid JSON.');
  }
}

/**
 * Wraps an API route: request id, API-key auth, JSON body, the error envelope, one log line.
 * Handlers throw ApiError (or a ZodError) and return `{data, meta?, status?}`.
 */
export function apiRoute<P = Record<string, never>>(fn: (ctx: ApiContext<P>) => Promise<ApiResult>) {
  return async (req: Request, route?: { params: Promise<P> }): Promise<Response> => {
    const requestId = newRequestId();
    const started = Date.now();
    const url = new URL(req.url);
    let res: Response;
    let projectId: string | undefined;
    try {
      const db = await getDb();
      const project = await authenticateApiKey(db, req.headers, url);
      projectId = project.id;
      const json =
        req.method === 'GET' || req.method === 'DELETE' || req.method === 'HEAD' ? null : await readJsonBody(req);
      const params = (route ? await route.params : {}) as P;
      const out = await fn({ req, params, url, db, project, requestId, json });
      res =
        out instanceof Response
          ? out
          : respond(
              out.status ?? 200,
              { data: out.data, ...(out.meta ? { meta: out.meta } : {}), request_id: requestId },
              requestId,
            );
      res.headers.set('X-Request-Id', requestId);
    } catch (e) {
      let err: ApiError;
      if (e instanceof ApiError) err = e;
      else if (e instanceof z.ZodError) err = fromZod(e);
      else {
        log.error('api_unhandled_error', {
          request_id: requestId,
          path: url.pathname,
          error: e instanceof Error ? e.stack : String(e),
        });
        err = new ApiError(
          500,
          'api_error',
          'internal_error',
          'Something went wrong on our side. Try again; if it persists, contact the operator with the request id.',
        );
      }
      res = errorResponse(err, requestId);
    }
    log.info('api_request', {
      request_id: requestId,
      method: req.method,
      path: url.pathname,
      status: res.status,
      ms: Date.now() - started,
      project_id: projectId,
    });
    return res;
  };
}

/** A 405 in the envelope, with the Allow header, for methods a route does not serve. */
export function methodNotAllowed(allowed: string[]) {
  return async (req: Request) =>
    errorResponse(
      new ApiError(
        405,
        'invalid_request_error',
        'method_not_allowed',
        `${req.method} is not allowed here. Allowed: ${allowed.join(', ')}.`,
        undefined,
        {
          Allow: allowed.join(', '),
        },
      ),
    );
}

/** 404 in the envelope for paths under the API prefix that match no route. */
export async function unknownRoute(req: Request) {
  return errorResponse(
    new ApiError(404, 'not_found', 'route_not_found', `No route for ${req.method} ${new URL(req.url).pathname}.`),
  );
}
