import 'server-only';
import { getDb } from '../db/client';
import { env } from '../env';
import { describeError, log } from '../log';
import { checkSignature, handshakeChallenge, webhookMessages } from '../meta/webhook';
import { receiveWebhookMessages } from './inbound';

// /webhooks/meta: Meta's webhook for the sandbox number (no API key: Meta signs each POST with the
// app secret). The answers are for Meta, which reads only the status: 200 whenever a signed payload
// was taken (matched or not, or Meta retries it for days), 4xx when it is refused and nothing
// changed, 500 when our side failed (Meta retries; redeliveries are deduplicated).

const MAX_BODY_BYTES = 1024 * 1024;

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/** GET: the subscription handshake; the challenge as text/plain when the verify token matches. */
export async function metaWebhookHandshake(req: Request): Promise<Response> {
  const challenge = handshakeChallenge(new URL(req.url).searchParams, env.meta.webhookVerifyToken);
  if (challenge === null) {
    log.warn('meta_webhook_handshake_refused', {});
    return text(403, 'Verification failed.');
  }
  return text(200, challenge);
}

async function readRaw(req: Request): Promise<Buffer | null> {
  if (Number(req.headers.get('content-length') ?? '0') > MAX_BODY_BYTES) return null;
  const raw = Buffer.from(await req.arrayBuffer());
  return raw.length > MAX_BODY_BYTES ? null : raw;
}

/** POST: a signed notification (messages, statuses...). The signature is checked before anything is read. */
export async function metaWebhookNotification(req: Request): Promise<Response> {
  const started = Date.now();
  const raw = await readRaw(req);
  if (!raw) return text(413, 'Body too large.');
  const signature = checkSignature(raw, req.headers.get('x-hub-signature-256'), env.meta.appSecret);
  if (signature !== 'valid') {
    log.warn('meta_webhook_refused', { signature });
    return signature === 'missing' ? text(401, 'Missing X-Hub-Signature-256.') : text(403, 'Invalid signature.');
  }
  let payload: unknown;
  try {
    payload = JSON.parse(raw.toString('utf8'));
  } catch {
    return text(400, 'Malformed JSON.');
  }
  try {
    const results = await receiveWebhookMessages(await getDb(), {
      messages: webhookMessages(payload),
      sandboxPhoneNumberId: env.sandbox.phoneNumberId,
    });
    log.info('meta_webhook', { messages: results.length, ms: Date.now() - started });
    return Response.json({ received: results.length }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    log.error('meta_webhook_failed', describeError(e));
    return text(500, 'Internal error.');
  }
}
