import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '../db/client';
import { provisionedNumbers } from '../db/schema';
import { env } from '../env';
import { log } from '../log';
import { validTwilioSignature } from '../twilio/signature';
import { ownerAccount } from './account';
import { SMS_WEBHOOK_PATH } from './provision';
import { recordCode } from './write';

// POST /webhooks/twilio/sms: Twilio tells us an SMS reached one of our numbers (Meta's
// verification code, during Embedded Signup). Only a request signed by the account that owns the
// number is believed; anything else is refused and changes nothing.

const MAX_BODY_BYTES = 16 * 1024;
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/** Meta's codes are six digits, sometimes written 123-456. */
export function verificationCode(body: string): string | null {
  const m = /(?<!\d)(\d{3})[- ]?(\d{3})(?!\d)/.exec(body);
  return m ? m[1] + m[2] : null;
}

const refused = (status: number) => new Response(null, { status, headers: { 'Cache-Control': 'no-store' } });

export async function handleInboundSms(req: Request): Promise<Response> {
  const raw = await req.text();
  if (raw.length > MAX_BODY_BYTES) return refused(413);
  const params = Object.fromEntries(new URLSearchParams(raw));
  const db = await getDb();
  const [number] = params.To
    ? await db
        .select()
        .from(provisionedNumbers)
        .where(and(eq(provisionedNumbers.phoneNumber, params.To), eq(provisionedNumbers.status, 'active')))
        // Twilio may sell a number we released to us again: the newest row is its current link.
        .orderBy(desc(provisionedNumbers.createdAt))
        .limit(1)
    : [];
  const account = number ? await ownerAccount({ db, projectId: number.projectId }, number) : null;
  // The URL Twilio signed is the one it was given: our public address, not the request's own.
  const url = `${env.appUrl}${SMS_WEBHOOK_PATH}`;
  const signature = req.headers.get('x-twilio-signature') ?? '';
  if (!number || !account || !validTwilioSignature(account.credentials.authToken, url, params, signature)) {
    log.warn('twilio_sms_refused', { known_number: !!number });
    return refused(403);
  }
  const code = verificationCode(params.Body ?? '');
  if (code) await recordCode(db, { id: number.id, code });
  log.info('twilio_sms_received', { provisioned_number_id: number.id, verification_found: !!code });
  return new Response(EMPTY_TWIML, {
    status: 200,
    headers: { 'Content-Type': 'text/xml', 'Cache-Control': 'no-store' },
  });
}
