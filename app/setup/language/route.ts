import { NextResponse } from 'next/server';
import { LOCALE_COOKIE } from '@/i18n/config';
import { isLocale } from '@/lib/shared/vocabulary';
import { env } from '@/lib/server/env';
import { localeCookieOptions } from '@/lib/server/http/cookies';
import { ipLimited } from '@/lib/server/rate-limit/ip-limited';

// The language switcher's form target: a plain POST, so it works without JavaScript. Only our
// own page may send it, and only a small form.

const MAX_BODY_BYTES = 2048;

// Our pages send `Referrer-Policy: no-referrer`, so a browser's form POST carries `Origin: null`;
// Sec-Fetch-Site, which every current browser sends, still says whether it came from our origin.
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  const site = request.headers.get('sec-fetch-site');
  if (origin !== null && origin !== 'null' && origin !== env.appOrigin) return false;
  return site !== null ? site === 'same-origin' : origin === env.appOrigin;
}

const refuse = (status: number, text: string) =>
  new NextResponse(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

export const POST = ipLimited('hosted', async (request: Request) => {
  if (!sameOrigin(request)) return refuse(403, 'Cross-site requests are refused');
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) return refuse(413, 'Request body too large');
  const raw = await request.text().catch(() => null);
  if (raw === null || raw.length > MAX_BODY_BYTES) return refuse(413, 'Request body too large');
  const locale = new URLSearchParams(raw).get('locale');
  if (!isLocale(locale)) return refuse(400, 'Unsupported language');
  const response = new NextResponse(null, {
    status: 303,
    headers: { Location: '/setup', 'Cache-Control': 'no-store' },
  });
  response.cookies.set(LOCALE_COOKIE, locale, localeCookieOptions);
  return response;
});
