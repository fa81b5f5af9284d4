// The shared sandbox number: what the app's sandbox sessions talk through. Testers' messages to it
// are sent to the app's webhook (POST /_emulator/inbound_message stands in for a phone), signed as
// Meta signs them; the app's replies (Graph POST /{phone-number-id}/messages) are recorded.
import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './context.js';
import { graphError } from './graph/errors.js';
import { ok, stringParam, type GraphRequest, type GraphResponse } from './graph/types.js';
import { parseParams, readBody, sendError, sendJson } from './http.js';

export interface SandboxNumber {
  /** E.164. */
  phoneNumber: string;
  phoneNumberId: string;
  /** The token the app sends with (Bearer). */
  accessToken: string;
}

// The same as the app's dev-mode defaults (lib/server/env.ts), so `npm start` works unconfigured.
export const DEFAULT_SANDBOX: SandboxNumber = {
  phoneNumber: '+15550009999',
  phoneNumberId: '100000000009999',
  accessToken: 'emulator-sandbox-token',
};

const SANDBOX_WABA_ID = '100000000000999';
const MAX_TEXT = 4096;
const WEBHOOK_TIMEOUT_MS = 10_000;

export interface OutboundMessage {
  id: string;
  from_phone_number_id: string;
  to: string;
  text: string;
  at: string;
}

export interface InboundMessage {
  id: string;
  from: string;
  text: string;
  timestamp: string;
  webhook_status: number | null;
  at: string;
}

export interface SandboxState {
  number: SandboxNumber;
  /** Where testers' messages are POSTed (the app's /webhooks/meta); null: nowhere yet. */
  webhookUrl: string | null;
  outbound: OutboundMessage[];
  inbound: InboundMessage[];
}

export function newSandboxState(number: Partial<SandboxNumber> = {}, webhookUrl: string | null = null): SandboxState {
  const n: SandboxNumber = {
    phoneNumber: number.phoneNumber ?? DEFAULT_SANDBOX.phoneNumber,
    phoneNumberId: number.phoneNumberId ?? DEFAULT_SANDBOX.phoneNumberId,
    accessToken: number.accessToken ?? DEFAULT_SANDBOX.accessToken,
  };
  return { number: n, webhookUrl, outbound: [], inbound: [] };
}

export function resetSandbox(s: SandboxState): void {
  s.outbound.length = 0;
  s.inbound.length = 0;
}

export const sandboxSnapshot = (s: SandboxState) => ({
  sandbox: {
    phone_number: s.number.phoneNumber,
    phone_number_id: s.number.phoneNumberId,
    webhook_url: s.webhookUrl,
  },
  inbound_messages: s.inbound.slice(),
  outbound_messages: s.outbound.slice(),
});

const wamid = () => `wamid.${randomBytes(24).toString('base64url')}`;
const keep = <T>(list: T[], item: T) => {
  list.push(item);
  if (list.length > 500) list.shift();
};

/** The request's token, as Graph reads it: the Authorization header, else ?access_token=. */
function bearer(req: GraphRequest): string | undefined {
  const auth = req.headers.authorization;
  const m = typeof auth === 'string' ? /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(auth.trim()) : null;
  return m ? m[1] : stringParam(req.params.access_token);
}

/**
 * Graph's POST /{sandbox phone-number-id}/messages (text messages), or null when the request is
 * for something else. Checked like the Cloud API: the token, then messaging_product, to, the text.
 */
export function sandboxGraph(req: GraphRequest, s: SandboxState): GraphResponse | null {
  const [id, edge, ...rest] = req.segments;
  if (id !== s.number.phoneNumberId || edge !== 'messages' || rest.length || req.method !== 'POST') return null;
  const token = bearer(req);
  if (!token) return graphError(401, 104, 'An access token is required to request this resource.');
  if (token !== s.number.accessToken)
    return graphError(401, 190, 'Invalid OAuth access token - Cannot parse access token');
  const p = req.params;
  const product = stringParam(p.messaging_product);
  if (!product) return graphError(400, 100, '(#100) The parameter messaging_product is required.');
  if (product.toLowerCase() !== 'whatsapp')
    return graphError(400, 100, `(#100) Param messaging_product must be one of {WHATSAPP} - got "${product}".`);
  const to = stringParam(p.to);
  if (!to) return graphError(400, 100, '(#100) The parameter to is required.');
  const digits = to.replace(/^\+/, '');
  if (!/^\d{6,15}$/.test(digits)) return graphError(400, 100, '(#100) Invalid parameter', { subcode: 2494010 });
  const type = stringParam(p.type) ?? 'text';
  if (type !== 'text') return graphError(400, 100, `(#100) The emulator sends text messages only, not "${type}".`);
  const text = p.text as { body?: unknown } | undefined;
  const body = text && typeof text === 'object' ? stringParam(text.body) : undefined;
  if (!body) return graphError(400, 100, "(#100) The parameter text['body'] is required.");
  if (body.length > MAX_TEXT)
    return graphError(400, 100, `(#100) Param text['body'] must be at most ${MAX_TEXT} characters long.`);
  const message: OutboundMessage = {
    id: wamid(),
    from_phone_number_id: id,
    to: digits,
    text: body,
    at: new Date().toISOString(),
  };
  keep(s.outbound, message);
  return ok({
    messaging_product: 'whatsapp',
    contacts: [{ input: to, wa_id: digits }],
    messages: [{ id: message.id }],
  });
}

/** The Cloud API's webhook payload for one text message from `from` (digits) to the sandbox number. */
export function inboundPayload(
  s: SandboxState,
  m: { id: string; from: string; text: string; timestamp: string; name: string },
) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: SANDBOX_WABA_ID,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: s.number.phoneNumber.replace(/\D/g, ''),
                phone_number_id: s.number.phoneNumberId,
              },
              contacts: [{ profile: { name: m.name }, wa_id: m.from }],
              messages: [{ from: m.from, id: m.id, timestamp: m.timestamp, type: 'text', text: { body: m.text } }],
            },
          },
        ],
      },
    ],
  };
}

/** `X-Hub-Signature-256` as Meta computes it: HMAC-SHA256 of the exact body with the app secret. */
export const hubSignature = (appSecret: string, body: string) =>
  `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;

/**
 * POST /_emulator/inbound_message {"from", "text", "timestamp"?, "name"?}: a phone sends `text` to
 * the sandbox number. The emulator POSTs the signed webhook to the configured URL and answers with
 * that request's status (and 502 when the webhook cannot be reached, 409 when none is configured).
 */
export async function inboundMessage(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse) {
  const s = ctx.sandbox;
  const p = parseParams(await readBody(req), 'application/json');
  const from = typeof p.from === 'string' ? p.from.trim().replace(/^\+/, '') : '';
  if (!/^[1-9]\d{5,14}$/.test(from)) return sendError(res, 400, 'from must be a phone number (E.164 or digits)');
  if (typeof p.text !== 'string' || p.text === '' || p.text.length > MAX_TEXT)
    return sendError(res, 400, `text must be a string of 1 to ${MAX_TEXT} characters`);
  const timestamp = p.timestamp === undefined ? Math.floor(Date.now() / 1000) : Number(p.timestamp);
  if (!Number.isInteger(timestamp) || timestamp < 0)
    return sendError(res, 400, 'timestamp must be Unix seconds (an integer)');
  if (!s.webhookUrl) return sendError(res, 409, 'No webhook URL is configured (startMetaEmulator({webhookUrl}))');
  const name = typeof p.name === 'string' && p.name ? p.name : 'Emulator Tester';
  const message = { id: wamid(), from, text: p.text, timestamp: String(timestamp), name };
  const body = JSON.stringify(inboundPayload(s, message));
  const record: InboundMessage = {
    id: message.id,
    from,
    text: message.text,
    timestamp: message.timestamp,
    webhook_status: null,
    at: new Date().toISOString(),
  };
  keep(s.inbound, record);
  let status: number;
  try {
    const answer = await fetch(s.webhookUrl, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'facebookexternalua',
        'X-Hub-Signature-256': hubSignature(ctx.appSecret, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await answer.body?.cancel();
    status = answer.status;
  } catch (err) {
    ctx.log(`inbound message: webhook unreachable: ${(err as Error).message}`);
    return sendError(res, 502, `The webhook at ${s.webhookUrl} could not be reached`);
  }
  record.webhook_status = status;
  ctx.log(`inbound message ${message.id} -> webhook ${status}`);
  // Statuses that cannot carry a body are shown in it, under 200.
  const bodiless = status < 200 || status === 204 || status === 205 || status === 304;
  sendJson(res, bodiless ? 200 : status, {
    webhook_url: s.webhookUrl,
    webhook_status: status,
    message: { id: message.id, from, timestamp: message.timestamp },
  });
}
