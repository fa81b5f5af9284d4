// An inbound SMS to a bought number, delivered as Twilio delivers it: the Messaging webhook
// parameters, form-encoded to the number's SmsUrl (or in its query string for SmsMethod=GET),
// signed with the owning account's auth token.
import { randomUUID } from 'node:crypto';
import { API_VERSION } from './resources.js';
import { signTwilioRequest } from './signature.js';
import { twilioSid, type OwnedNumber, type SentSms } from './store.js';

/** GSM-7 messages: 160 characters fit one segment, longer ones travel in 153-character parts. */
const segments = (body: string) => (body.length <= 160 ? 1 : Math.ceil(body.length / 153));

export function inboundParams(n: OwnedNumber, from: string, body: string, sid = twilioSid('SM')) {
  return {
    MessageSid: sid,
    SmsSid: sid,
    SmsMessageSid: sid,
    AccountSid: n.accountSid,
    From: from,
    To: n.phoneNumber,
    ToCountry: n.isoCountry,
    Body: body,
    NumMedia: '0',
    NumSegments: String(segments(body)),
    SmsStatus: 'received',
    ApiVersion: API_VERSION,
  };
}

export async function deliverSms(
  n: OwnedNumber,
  authToken: string,
  msg: { from: string; body: string },
  timeoutMs: number,
): Promise<SentSms> {
  const params = inboundParams(n, msg.from, msg.body);
  const form = new URLSearchParams(params).toString();
  const get = n.smsMethod === 'GET';
  const url = get ? `${n.smsUrl}${n.smsUrl.includes('?') ? '&' : '?'}${form}` : n.smsUrl;
  const headers: Record<string, string> = {
    'X-Twilio-Signature': signTwilioRequest(authToken, url, get ? {} : params),
    'I-Twilio-Idempotency-Token': randomUUID(),
    'User-Agent': 'TwilioProxy/1.1',
    Accept: '*/*',
  };
  if (!get) headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=utf-8';
  const sent: SentSms = {
    sid: params.MessageSid,
    to: n.phoneNumber,
    from: msg.from,
    body: msg.body,
    accountSid: n.accountSid,
    smsUrl: n.smsUrl,
    status: null,
    error: null,
    at: new Date().toISOString(),
  };
  try {
    // Twilio does not follow redirects of a webhook as new deliveries; neither do we.
    const res = await fetch(url, {
      method: n.smsMethod,
      headers,
      body: get ? undefined : form,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer().catch(() => undefined);
    sent.status = res.status;
  } catch (e) {
    sent.error =
      e instanceof Error && e.name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : String((e as Error).cause ?? e);
  }
  return sent;
}
