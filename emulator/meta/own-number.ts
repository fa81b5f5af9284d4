// "Use a number from my provider" in the Embedded Signup popup: the customer types a number they
// already own (a BSP-provided one), Meta texts it a code, they type the code, and the flow finishes
// with that number. Here the SMS goes through the Twilio emulator (POST {twilioUrl}/_emulator/sms),
// which delivers it to the number's SmsUrl as Twilio would: so the app's inbound SMS webhook sees
// the very message a real customer's number would receive.
import { randomBytes, randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './context.js';
import { parseParams, readBody, requestOrigin, sendError, sendJson } from './http.js';

export interface OwnNumberVerification {
  id: string;
  phoneNumber: string;
  code: string;
  attempts: number;
  createdAt: number;
}

/** Any Meta sender will do: this is the one the emulator's verification SMS comes from. */
export const META_SMS_SENDER = '+15550000000';
const CODE_TTL_MS = 10 * 60_000;
const MAX_ATTEMPTS = 5;

export const verificationSms = (code: string) => `<#> ${code} is your WhatsApp Business verification code`;

/** How Meta shows a number ("+1 415-555-0100"); other countries stay in E.164 here. */
function metaDisplay(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `+1 ${m[1]}-${m[2]}-${m[3]}` : e164;
}

async function twilioSms(ctx: EmulatorContext, to: string, body: string): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${ctx.twilioUrl}/_emulator/sms`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ to, from: META_SMS_SENDER, body }),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: res.status, json: await res.json().catch(() => null) };
}

/** POST /dialog/own_number {phone_number}: texts a fresh code to the number. */
async function sendCode(ctx: EmulatorContext, body: Record<string, unknown>, res: ServerResponse) {
  const phoneNumber = typeof body.phone_number === 'string' ? body.phone_number.replace(/[\s().-]/g, '') : '';
  if (!/^\+[1-9]\d{6,14}$/.test(phoneNumber))
    return sendError(res, 400, 'Enter the number with its country code, e.g. +14155550100.');
  if (!ctx.twilioUrl)
    return sendError(res, 409, 'This Meta emulator runs without a Twilio emulator (twilioUrl), so it cannot send SMS.');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  let sms;
  try {
    sms = await twilioSms(ctx, phoneNumber, verificationSms(code));
  } catch {
    return sendError(res, 502, `The Twilio emulator at ${ctx.twilioUrl} could not be reached.`);
  }
  if (sms.status === 404 || sms.status === 409) {
    const why = sms.status === 404 ? 'is not a number bought from the Twilio emulator' : 'has no SMS webhook';
    return sendError(res, 422, `No SMS was sent: ${phoneNumber} ${why}.`);
  }
  const delivery = (sms.json ?? {}) as { delivered?: boolean; status?: number };
  const v: OwnNumberVerification = {
    id: randomBytes(12).toString('hex'),
    phoneNumber,
    code,
    attempts: 0,
    createdAt: Date.now(),
  };
  ctx.store.verifications.set(v.id, v);
  ctx.log(`own number: code sent to ${phoneNumber} (webhook ${delivery.status ?? 'unreachable'})`);
  // Meta cannot know whether the SMS reached anyone; the webhook's status is shown for the developer.
  sendJson(res, 200, {
    verification_id: v.id,
    phone_number: phoneNumber,
    sms: { delivered: delivery.delivered === true, webhook_status: delivery.status ?? null },
  });
}

/** POST /dialog/own_number/verify {verification_id, code}: the right code finishes the signup. */
function verifyCode(ctx: EmulatorContext, body: Record<string, unknown>, res: ServerResponse) {
  const v = typeof body.verification_id === 'string' ? ctx.store.verifications.get(body.verification_id) : undefined;
  if (!v || Date.now() - v.createdAt > CODE_TTL_MS) {
    if (v) ctx.store.verifications.delete(v.id);
    return sendError(res, 404, 'This code has expired or was never sent: send a new code.');
  }
  const code = typeof body.code === 'string' ? body.code.replace(/\D/g, '') : '';
  if (code !== v.code) {
    v.attempts++;
    if (v.attempts < MAX_ATTEMPTS) return sendError(res, 400, "That code isn't right. Check the SMS and try again.");
    ctx.store.verifications.delete(v.id);
    return sendError(res, 429, 'Too many wrong codes: send a new code.');
  }
  ctx.store.verifications.delete(v.id);
  const verifiedName = typeof body.verified_name === 'string' ? body.verified_name.slice(0, 100) : undefined;
  // A number of one's own is a dedicated (Cloud API) number: the "finish" outcome, with this number.
  const result = ctx.store.complete({
    outcome: 'finish',
    appId: ctx.appId,
    displayPhoneNumber: metaDisplay(v.phoneNumber),
    verifiedName,
  });
  ctx.log(`own number: ${v.phoneNumber} verified -> ${result.event}`);
  sendJson(res, 200, result);
}

export async function ownNumber(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, path: string) {
  // Only the popup itself (or a test without Origin) may do this, as with /dialog/complete.
  const origin = req.headers.origin;
  if (origin && origin !== requestOrigin(req, ctx.url)) return sendError(res, 403, 'Cross-origin request refused');
  const body = parseParams(await readBody(req), req.headers['content-type']);
  if (body.app_id !== undefined && body.app_id !== ctx.appId) return sendError(res, 400, 'Unknown app_id');
  if (path === '/dialog/own_number') return sendCode(ctx, body, res);
  if (path === '/dialog/own_number/verify') return verifyCode(ctx, body, res);
  sendError(res, 404, 'Unknown dialog endpoint');
}
