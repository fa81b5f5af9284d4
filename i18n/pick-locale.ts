import { matchAcceptLanguage } from './config';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/shared/vocabulary';

export interface LocaleSources {
  /** x-locale-override, set by the proxy for the theme preview's ?lang=. */
  override?: string | null;
  /** NEXT_LOCALE: the customer's own choice in the language switcher. */
  cookie?: string | null;
  /** The current setup link's `language` (null: detect from the browser). */
  linkLanguage?: string | null;
  acceptLanguage?: string | null;
}

/** Preview override, then the customer's choice, then the link's language, then the browser, then English. */
export function pickLocale({ override, cookie, linkLanguage, acceptLanguage }: LocaleSources): Locale {
  for (const candidate of [override, cookie, linkLanguage]) if (isLocale(candidate)) return candidate;
  return matchAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}
