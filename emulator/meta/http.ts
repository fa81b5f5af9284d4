// Small node:http helpers shared by the emulator routes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyError, readBody as readBoundedBody } from '../node-http';

export const MAX_BODY_BYTES = 1024 * 1024;

export { BodyError };

export const readBody = (req: IncomingMessage): Promise<string> => readBoundedBody(req, MAX_BODY_BYTES);

/** Graph takes JSON or form bodies (and params in the query string); this accepts all three. */
export function parseParams(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw.trim()) return {};
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    throw new BodyError(400, 'Body must be a JSON object');
  } catch (err) {
    if (err instanceof BodyError) throw err;
    if (type.includes('json')) throw new BodyError(400, 'Malformed JSON body');
    return Object.fromEntries(new URLSearchParams(raw));
  }
}

export function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  res.writeHead(status, { 'Content-Length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

/** The emulator's own refusals (dialog, control): not Graph errors, just a readable message. */
export function sendError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { error: { message } });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  send(res, status, JSON.stringify(value), {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
}

// A Host header or an origin's host: a name or IPv4, or a bracketed IPv6, with an optional port.
const HOST = String.raw`(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?`;
const HOST_HEADER = new RegExp(`^${HOST}$`);
const HTTP_ORIGIN = new RegExp(`^https?://${HOST}$`);

export const isHttpOrigin = (value: string) => HTTP_ORIGIN.test(value);

/** The origin the client used to reach us (localhost and 127.0.0.1 differ), else the fallback. */
export function requestOrigin(req: IncomingMessage, fallback: string): string {
  const host = req.headers.host;
  return host && HOST_HEADER.test(host) ? `http://${host}` : fallback;
}
