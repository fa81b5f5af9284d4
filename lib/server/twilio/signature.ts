import 'server-only';
import { createHmac } from 'node:crypto';
import { safeEqual } from '../crypto';

// Twilio signs each webhook with X-Twilio-Signature: base64 HMAC-SHA1, keyed with the account's
// auth token, of the full URL Twilio requested (the SmsUrl as configured, query string included)
// followed by every POST parameter's name and value, names sorted, nothing between them.
// https://www.twilio.com/docs/usage/webhooks/webhooks-security

export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** Constant-time check of a received header; a missing header is simply invalid. */
export function validTwilioSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
  header: string | null | undefined,
): boolean {
  return typeof header === 'string' && header.length > 0 && safeEqual(header, twilioSignature(authToken, url, params));
}
