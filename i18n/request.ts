import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getCurrentLink } from '@/lib/server/hosted/current-link';
import { LOCALE_OVERRIDE_HEADER } from '@/lib/server/security/csp';
import { isLocale, LOCALE_COOKIE } from './config';
import { pickLocale } from './pick-locale';

// No locale in URLs: the language comes from the request (SPEC 6, order in pick-locale.ts).
export default getRequestConfig(async () => {
  const [h, c] = await Promise.all([headers(), cookies()]);
  const override = h.get(LOCALE_OVERRIDE_HEADER);
  const cookie = c.get(LOCALE_COOKIE)?.value;
  // The link is looked up only when it can still decide the language.
  const linkLanguage = isLocale(override) || isLocale(cookie) ? null : (await getCurrentLink())?.language;
  const locale = pickLocale({ override, cookie, linkLanguage, acceptLanguage: h.get('accept-language') });
  return { locale, messages: (await import(`../messages/${locale}.json`)).default };
});
