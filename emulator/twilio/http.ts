// Small node:http helpers for the Twilio emulator.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyError, readBody as readBoundedBody } from '../node-http';

const MAX_BODY_BYTES = 256 * 1024;

export { BodyError };

export const readBody = (req: IncomingMessage): Promise<string> => readBoundedBody(req, MAX_BODY_BYTES);

/** Twilio's API takes form bodies only; a JSON body is read as no parameters, as Twilio would. */
export const parseForm = (raw: string): Record<string, string> => Object.fromEntries(new URLSearchParams(raw));

/** The control endpoints take JSON (or a form, for curl users). */
export function parseJsonOrForm(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw.trim()) return {};
  if ((contentType ?? '').includes('application/x-www-form-urlencoded')) return parseForm(raw);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new BodyError(400, 'Malformed JSON body');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new BodyError(400, 'Body must be a JSON object');
  return parsed as Record<string, unknown>;
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Length': '0', ...headers });
  res.end();
}

/** The emulator's own refusals (control endpoints): not Twilio errors, just a readable message. */
export const sendError = (res: ServerResponse, status: number, message: string) =>
  sendJson(res, status, { error: { message } });
