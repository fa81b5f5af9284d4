import { NextResponse, type NextRequest } from 'next/server';
import { isLocale } from '@/lib/shared/vocabulary';
import { LOCALE_OVERRIDE_HEADER, NONCE_HEADER, RAW_QUERY_HEADER, newNonce } from '@/lib/server/security/csp';
import { hostedHeadersFor } from '@/lib/server/security/hosted-policy';
import { withoutLinkCookie } from '@/lib/server/http/link-cookie';

// Security headers for the customer-facing pages (lib/server/security/csp.ts), with a fresh CSP nonce per request.
// Next reads the nonce from the request's Content-Security-Policy header and puts it on its own
// scripts; pages read it from x-nonce for the scripts they add. No database access here.
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const nonce = newNonce();
  const headers = hostedHeadersFor(pathname, nonce);

  const forwarded = new Headers(request.headers);
  // Internal headers are only ever set here, never taken from the client.
  forwarded.delete(LOCALE_OVERRIDE_HEADER);
  forwarded.delete(RAW_QUERY_HEADER);
  forwarded.set(NONCE_HEADER, nonce);
  forwarded.set('Content-Security-Policy', headers['Content-Security-Policy']);
  // The theme preview picks its language from the query string (?lang=ar), ahead of cookies.
  const preview = pathname === '/preview' || pathname.startsWith('/preview/');
  const lang = searchParams.get('lang');
  if (preview && isLocale(lang)) forwarded.set(LOCALE_OVERRIDE_HEADER, lang);
  // The built-in demo partner page is an English developer tool, whatever the visitor's language.
  const demo = pathname === '/demo' || pathname.startsWith('/demo/');
  if (demo) forwarded.set(LOCALE_OVERRIDE_HEADER, 'en');
  if (demo) forwarded.set(RAW_QUERY_HEADER, request.nextUrl.search);
  // The preview and the demo page have nothing to do with the customer's link: they never see it.
  const cookie = forwarded.get('cookie');
  if (cookie && (demo || preview)) forwarded.set('cookie', withoutLinkCookie(cookie));

  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ['/s/:path*', '/setup', '/setup/:path*', '/preview', '/preview/:path*', '/demo', '/demo/:path*'],
};
