import 'server-only';
import { env } from '../env';

// Attributes of the hosted page's cookies. Secure whenever the public URL is https. The link
// cookie's own are in link-cookie.ts (name, path and lifetime depend on the URL too).
const secure = env.appUrl.startsWith('https:');
const DAY = 24 * 60 * 60;

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
