// /_emulator/*: how tests, dev tools and the Meta emulator drive the Twilio emulator (send an SMS
// to a bought number, add an account, inspect, start over). Not part of anything Twilio serves.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TwilioContext } from './context.js';
import { parseJsonOrForm, readBody, sendError, sendJson } from './http.js';
import { E164 } from './request.js';
import { deliverSms } from './sms.js';

export const CONTROL_ENDPOINTS = [
  'POST /_emulator/sms {"to", "from", "body"}',
  'POST /_emulator/accounts {"account_sid", "auth_token"}',
  'GET /_emulator/state',
  'POST /_emulator/reset',
];

/** Any sender will do; this one is what the emulator's own messages come from. */
export const DEFAULT_SENDER = '+15550000000';

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Someone texts one of the bought numbers: Twilio would call its SmsUrl, so we do. */
async function sendSms(ctx: TwilioContext, req: IncomingMessage, res: ServerResponse) {
  const input = parseJsonOrForm(await readBody(req), req.headers['content-type']);
  const to = str(input.to);
  const from = str(input.from) || DEFAULT_SENDER;
  const body = typeof input.body === 'string' ? input.body : '';
  if (!E164.test(to)) return sendError(res, 400, 'to must be an E.164 number, e.g. +14155550100');
  if (!body || body.length > 1600) return sendError(res, 400, 'body must be 1 to 1600 characters');
  const n = ctx.store.byPhoneNumber(to);
  if (!n) return sendError(res, 404, `${to} is not a number any account bought from this emulator`);
  if (!n.smsUrl) return sendError(res, 409, `${to} has no SmsUrl: nothing would receive the message`);
  const sent = await deliverSms(n, ctx.store.accounts.get(n.accountSid) ?? '', { from, body }, ctx.webhookTimeoutMs);
  ctx.store.messages.push(sent);
  ctx.log(`sms ${sent.sid} to ${to} -> ${n.smsUrl}: ${sent.status ?? sent.error}`);
  if (sent.status === null) return sendJson(res, 502, { delivered: false, message_sid: sent.sid, error: sent.error });
  sendJson(res, 200, { delivered: true, status: sent.status, message_sid: sent.sid });
}

async function addAccount(ctx: TwilioContext, req: IncomingMessage, res: ServerResponse) {
  const input = parseJsonOrForm(await readBody(req), req.headers['content-type']);
  const accountSid = str(input.account_sid);
  const authToken = str(input.auth_token);
  if (!/^AC\w{8,64}$/.test(accountSid) || !authToken)
    return sendError(res, 400, 'account_sid (AC...) and auth_token are required');
  ctx.store.addAccount({ accountSid, authToken });
  sendJson(res, 200, { account_sid: accountSid });
}

export async function control(ctx: TwilioContext, req: IncomingMessage, res: ServerResponse, action: string) {
  if (action === 'state' && req.method === 'GET') return sendJson(res, 200, ctx.store.snapshot());
  if (action === 'reset' && req.method === 'POST') {
    ctx.store.reset();
    return sendJson(res, 200, { ok: true });
  }
  if (action === 'sms' && req.method === 'POST') return sendSms(ctx, req, res);
  if (action === 'accounts' && req.method === 'POST') return addAccount(ctx, req, res);
  sendError(res, 404, 'Unknown emulator control endpoint');
}
