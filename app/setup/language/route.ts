import { NextResponse } from 'next/server';
import { LOCALE_COOKIE } from '@/i18n/config';
import { isLocale } from '@/lib/shared/vocabulary';
import { localeCookieOptions } from '@/lib/server/http/cookies';

// The language switcher's form target: a plain POST, so it works without JavaScript.
export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const locale = form?.get('locale');
  if (!isLocale(locale))
    return new NextResponse('Unsupported language', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  const response = new NextResponse(null, {
    status: 303,
    headers: { Location: '/setup', 'Cache-Control': 'no-store' },
  });
  response.cookies.set(LOCALE_COOKIE, locale, localeCookieOptions);
  return response;
}
