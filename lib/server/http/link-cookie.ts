/** The cookie that binds a browser to the link it opened (the token never stays in the URL). */
export const LINK_COOKIE = 'wa_setup_link';

/**
 * A Cookie header without the link cookie: pages that must not know about any link (the theme
 * preview, the demo partner page) get the request without it, so nothing of a customer's link
 * (theme, language) can leak into them.
 */
export function withoutLinkCookie(cookieHeader: string): string {
  return cookieHeader
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c && !c.startsWith(`${LINK_COOKIE}=`))
    .join('; ');
}
