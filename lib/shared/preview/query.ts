import { resolveTheme, type Theme } from '@/lib/shared/theme';
import { DEFAULT_LOCALE, isLocale, THEME_KEYS, type Locale, type ThemeKey } from '@/lib/shared/vocabulary';

// The preview is fully described by its query string, so a partner can share the URL:
// /preview?lang=ar&width=phone&primary_color=%230f766e&... (a leading # is optional).

export const PREVIEW_SCREENS = ['connection_type', 'connect', 'finishing', 'success', 'expired', 'error'] as const;
export type PreviewScreen = (typeof PREVIEW_SCREENS)[number];
export type PreviewWidth = 'phone' | 'desktop';

export interface PreviewState {
  locale: Locale;
  width: PreviewWidth;
  /** Only the keys the partner set (what `theme_config` would contain). */
  overrides: Partial<Theme>;
  theme: Theme;
  /** Query keys that looked like colours but were not #RRGGBB. */
  invalid: ThemeKey[];
}

type Query = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parsePreviewQuery(query: Query): PreviewState {
  const lang = first(query.lang);
  const overrides: Partial<Theme> = {};
  const invalid: ThemeKey[] = [];
  for (const key of THEME_KEYS) {
    const raw = first(query[key])?.trim();
    if (!raw) continue;
    const value = raw.startsWith('#') ? raw : `#${raw}`;
    if (/^#[0-9a-fA-F]{6}$/.test(value)) overrides[key] = value.toLowerCase();
    else invalid.push(key);
  }
  return {
    locale: isLocale(lang) ? lang : DEFAULT_LOCALE,
    width: first(query.width) === 'desktop' ? 'desktop' : 'phone',
    overrides,
    theme: resolveTheme(overrides),
    invalid,
  };
}

export function previewSearch(state: { locale: Locale; width: PreviewWidth; overrides: Partial<Theme> }): string {
  const params = new URLSearchParams({ lang: state.locale, width: state.width });
  for (const key of THEME_KEYS) {
    const v = state.overrides[key];
    if (v) params.set(key, v);
  }
  return params.toString();
}
