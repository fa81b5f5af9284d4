import { randomBytes } from 'node:crypto';
import { errorBody, type ApiError } from './errors';

export const newRequestId = () => `req_${randomBytes(12).toString('base64url')}`;

/** A JSON answer that is never cached (every answer here is about one caller's data). */
export function json(status: number, body: unknown, headers?: Record<string, string>): Response {
  const all = new Headers({ 'Cache-Control': 'no-store', ...headers });
  if (status === 204) return new Response(null, { status, headers: all });
  all.set('Content-Type', 'application/json; charset=utf-8');
  return new Response(JSON.stringify(body), { status, headers: all });
}

/** The error envelope, with the request id in the body and the `X-Request-Id` header. */
export function errorResponse(err: ApiError, requestId = newRequestId()): Response {
  return json(err.status, errorBody(err, requestId), { 'X-Request-Id': requestId, ...err.headers });
}
