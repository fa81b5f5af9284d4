// Which part of the emulator answers a request: the control endpoints, an index for humans, and
// Twilio's REST API for everything else (which answers Twilio's 404 for unknown paths).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleApi } from './api.js';
import type { TwilioContext } from './context.js';
import { CONTROL_ENDPOINTS, control } from './control-endpoints.js';
import { parseForm, readBody, sendEmpty, sendJson } from './http.js';
import { API_VERSION } from './resources.js';
import { twilioSid } from './store.js';

export async function route(ctx: TwilioContext, req: IncomingMessage, res: ServerResponse) {
  const u = new URL(req.url ?? '/', 'http://emulator.invalid');
  const parts = u.pathname.split('/').filter(Boolean);
  if (parts[0] === '_emulator' && parts.length === 2) return control(ctx, req, res, parts[1]);
  if (u.pathname === '/' && req.method === 'GET') {
    return sendJson(res, 200, {
      emulator: 'twilio',
      api: `${ctx.url}/${API_VERSION}`,
      accounts: [...ctx.store.accounts.keys()],
      control: CONTROL_ENDPOINTS,
    });
  }
  const method = req.method ?? 'GET';
  const raw = method === 'POST' ? await readBody(req) : '';
  const contentType = req.headers['content-type'] ?? '';
  const out = handleApi(ctx.store, {
    method,
    path: u.pathname,
    query: u.searchParams,
    form: contentType.includes('application/x-www-form-urlencoded') ? parseForm(raw) : {},
    authorization: req.headers.authorization,
  });
  const headers = { 'Twilio-Request-Id': twilioSid('RQ'), ...out.headers };
  if (out.status === 401) Object.assign(headers, { 'WWW-Authenticate': 'Basic realm="Twilio API"' });
  if (out.body === null) return sendEmpty(res, out.status, headers);
  sendJson(res, out.status, out.body, headers);
}
