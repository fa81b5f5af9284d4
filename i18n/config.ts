// The one i18n configuration module: cookie, direction, names and Meta SDK locales. The locales
// themselves are part of the product's vocabulary (lib/shared/vocabulary.ts).
import { isLocale, RTL_LOCALES, type Locale } from '@/lib/shared/vocabulary';

export const LOCALE_COOKIE = 'NEXT_LOCALE';

export const directionOf = (l: Locale): 'rtl' | 'ltr' => (RTL_LOCALES.includes(l) ? 'rtl' : 'ltr');

/** Names shown in the language switcher, each in its own language. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  pt: 'Português',
  hi: 'हिन्दी',
  id: 'Bahasa Indonesia',
  ar: 'العربية',
};

/** The locale of Meta's SDK script for each page language. */
export const FB_LOCALES: Record<Locale, string> = {
  en: 'en_US',
  es: 'es_LA',
  pt: 'pt_BR',
  hi: 'hi_IN',
  id: 'id_ID',
  ar: 'ar_AR',
};

/** Best supported match for an Accept-Language header (q-values honoured, `pt-BR` -> `pt`). */
export function matchAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (base === 'in') return 'id'; // legacy code for Indonesian
    if (isLocale(base)) return base;
  }
  return null;
}
