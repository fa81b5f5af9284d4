// X-Twilio-Signature for form webhooks: base64 HMAC-SHA1, keyed with the account's auth token, of
// the URL followed by each parameter's name and value, names sorted. The app checks it with its
// own implementation (lib/server/twilio/signature.ts): two copies, so a shared mistake is unlikely.
import { createHmac } from 'node:crypto';

export function signTwilioRequest(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}
