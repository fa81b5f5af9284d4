// Meta's error envelope and the handful of errors several endpoints share, worded as Graph words them
// so the server's error handling is exercised against realistic failures.
import { fbtraceId } from '../store.js';
import type { GraphResponse } from './types.js';

interface ErrorExtra {
  subcode?: number;
  type?: string;
  errorData?: Record<string, string>;
  headers?: Record<string, string>;
}

export function graphError(status: number, code: number, message: string, extra: ErrorExtra = {}): GraphResponse {
  const error: Record<string, unknown> = { message, type: extra.type ?? 'OAuthException', code };
  if (extra.subcode !== undefined) error.error_subcode = extra.subcode;
  if (extra.errorData) error.error_data = extra.errorData;
  error.fbtrace_id = fbtraceId();
  return { status, body: { error }, headers: extra.headers };
}

/** What Graph answers for a method or object it does not serve; with an id, also for one the token cannot see. */
export function unsupported(method: string, id?: string): GraphResponse {
  const verb = method.toLowerCase();
  const message = id
    ? `Unsupported ${verb} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`
    : `Unsupported ${verb} request. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`;
  return graphError(400, 100, message, { type: 'GraphMethodException', subcode: id ? 33 : undefined });
}

export const unknownPath = (path: string): GraphResponse => graphError(400, 2500, `Unknown path components: /${path}`);

/** The unknown edge if there is one, else the method is not supported on the object. */
export const unknownEdgeOrMethod = (edge: string | undefined, method: string, id: string): GraphResponse =>
  edge ? unknownPath(edge) : unsupported(method, id);

/** WhatsApp's generic refusal, with the reason in error_data.details. */
export const invalidWhatsAppParameter = (details: string): GraphResponse =>
  graphError(400, 100, '(#100) Invalid parameter', { errorData: { messaging_product: 'whatsapp', details } });
