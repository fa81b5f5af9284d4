// Twilio's REST API takes HTTP Basic auth: the account SID as user, its auth token as password.
import { timingSafeEqual } from 'node:crypto';
import type { TwilioStore } from './store.js';

/** The account whose SID and auth token the Basic credentials carry, or null. */
export function authenticate(store: TwilioStore, header: string | undefined): string | null {
  const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const sid = decoded.slice(0, colon);
  const expected = store.accounts.get(sid);
  if (expected === undefined) return null;
  const a = Buffer.from(decoded.slice(colon + 1));
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b) ? sid : null;
}
