import 'server-only';
import { now as clockNow } from '../clock';
import { env } from '../env';

// Attributes of the two cookies the hosted page sets. Secure whenever the public URL is https.
const secure = env.appUrl.startsWith('https:');
const DAY = 24 * 60 * 60;

/**
 * The link cookie lives until the link expires, and at least a day, so a customer who opens an
 * expired, used or revoked link (or one about to expire) still sees the page that explains it.
 */
export function linkCookieOptions(expiresAt: Date, now = clockNow()) {
  const untilExpiry = Math.ceil((expiresAt.getTime() - now.getTime()) / 1000);
  return { httpOnly: true, sameSite: 'lax' as const, path: '/', secure, maxAge: Math.max(untilExpiry, DAY) };
}

/** The customer's language choice: one year, readable only by the server. */
export const localeCookieOptions = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure, maxAge: 365 * DAY };

/** One cookie of a request's Cookie header, decoded; undefined when absent or malformed. */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.get('cookie') ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined; // malformed escapes: as good as no cookie
      }
    }
  }
  return undefined;
}
