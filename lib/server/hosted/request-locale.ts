import 'server-only';
import { cookies, headers } from 'next/headers';
import { LOCALE_COOKIE } from '@/i18n/config';
import { isLocale, type Locale } from '@/lib/shared/vocabulary';
import { pickLocale } from '@/i18n/pick-locale';
import { LOCALE_OVERRIDE_HEADER } from '../security/csp';
import { getCurrentLink } from './current-link';

/**
 * The language of this request's page: the preview's override (set by proxy.ts), the customer's
 * own choice, the current link's language, the browser's, English (the order is in pick-locale.ts).
 * The link is looked up only when it can still decide.
 */
export async function requestLocale(): Promise<Locale> {
  const [h, c] = await Promise.all([headers(), cookies()]);
  const override = h.get(LOCALE_OVERRIDE_HEADER);
  const cookie = c.get(LOCALE_COOKIE)?.value;
  const linkLanguage = isLocale(override) || isLocale(cookie) ? null : (await getCurrentLink())?.language;
  return pickLocale({ override, cookie, linkLanguage, acceptLanguage: h.get('accept-language') });
}
