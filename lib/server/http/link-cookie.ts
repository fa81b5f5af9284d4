import 'server-only';
import { env } from '../env';
import { ApiError } from './errors';

// The cookie that binds a browser to the link it opened (the token never stays in the URL).
// Over https it is `__Host-` (Secure, Path=/, no Domain: only this origin can set or read it).
// On an http APP_URL (loopback dev) browsers do not reliably keep a Secure cookie, and `__Host-`
// requires one, so it has a plain name there, not Secure, limited to the hosted page (/setup and
// its endpoints: /s, /preview and /demo never read it). The cookie lives 12 hours at most; the
// link lives on, and opening it again sets the cookie again.

const HOST_NAME = '__Host-wa_setup_link';
const PLAIN_NAME = 'wa_setup_link';
/** At most 12 hours (seconds). */
export const LINK_COOKIE_MAX_AGE = 12 * 60 * 60;

/** The link cookie's name and attributes for a public URL. */
export function linkCookieFor(appUrl: string) {
  const secure = appUrl.startsWith('https:');
  return {
    name: secure ? HOST_NAME : PLAIN_NAME,
    options: {
      httpOnly: true,
      sameSite: 'lax' as const,
      secure,
      path: secure ? '/' : '/setup',
      maxAge: LINK_COOKIE_MAX_AGE,
    },
  };
}

const current = linkCookieFor(env.appUrl);
export const LINK_COOKIE = current.name;
export const linkCookieOptions = current.options;
/** Clears the cookie: the same name, path and Secure, or browsers keep the old one. */
export const clearedLinkCookieOptions = { ...current.options, maxAge: 0 };

/**
 * A Cookie header without the link cookie (either name): pages that must not know about any link
 * (the theme preview, the demo partner page) get the request without it, so nothing of a
 * customer's link (theme, language) can leak into them.
 */
export function withoutLinkCookie(cookieHeader: string): string {
  return cookieHeader
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c && !c.startsWith(`${HOST_NAME}=`) && !c.startsWith(`${PLAIN_NAME}=`))
    .join('; ');
}

/**
 * The page names the link it was rendered for; the cookie names the link this browser opened
 * last. They differ when another link was opened since (in another tab): the old page must not
 * act on the other customer's link, so the call is refused before it does anything.
 */
export function requireSameLink(link: { id: string }, setupLinkId: string): void {
  if (setupLinkId !== link.id) {
    throw new ApiError('link_mismatch', {
      message: 'Another setup link was opened in this browser since this page was loaded.',
    });
  }
}
