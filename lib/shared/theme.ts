import { z } from 'zod';
import { THEME_KEYS, type ThemeKey } from '@/lib/shared/vocabulary';

// The 12 theme tokens of SPEC 4.1 (THEME_KEYS). Missing keys fall back to the project default, then
// to DEFAULT_THEME: the one place the built-in colours live (the server renders all 12 on <html>).
export type Theme = Record<ThemeKey, string>;

export const DEFAULT_THEME: Theme = {
  primary_color: '#0f766e',
  primary_foreground_color: '#ffffff',
  background_color: '#f5f7f6',
  text_color: '#111b21',
  muted_text_color: '#54656f',
  card_color: '#ffffff',
  muted_color: '#eef2f1',
  border_color: '#d1d7db',
  secondary_color: '#e7f3f1',
  secondary_foreground_color: '#0b5e55',
  destructive_color: '#b42318',
  destructive_foreground_color: '#ffffff',
};

const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a #RRGGBB colour');
export const themeConfigSchema = z.strictObject(
  Object.fromEntries(THEME_KEYS.map((k) => [k, hex.optional()])) as Record<ThemeKey, z.ZodOptional<typeof hex>>,
);
export type ThemeConfig = z.infer<typeof themeConfigSchema>;

export function resolveTheme(...layers: Array<Partial<Record<string, string>> | null | undefined>): Theme {
  const out: Theme = { ...DEFAULT_THEME };
  for (const layer of layers) {
    for (const k of THEME_KEYS) {
      const v = layer?.[k];
      if (v && /^#[0-9a-fA-F]{6}$/.test(v)) out[k] = v.toLowerCase();
    }
  }
  return out;
}

/** `primary_color` -> `--color-primary`; consumed by Tailwind's @theme in globals.css. */
export const cssVarName = (k: ThemeKey) => `--theme-${k.replace(/_color$/, '').replace(/_/g, '-')}`;

export function themeToCssVars(theme: Theme): Record<string, string> {
  return Object.fromEntries(THEME_KEYS.map((k) => [cssVarName(k), theme[k]]));
}

function luminance(color: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(color.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two #RRGGBB colours (1..21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Text/background pairs the hosted page actually draws; each must reach 4.5:1 (WCAG AA). */
export const CONTRAST_PAIRS: Array<[fg: ThemeKey, bg: ThemeKey]> = [
  ['text_color', 'background_color'],
  ['muted_text_color', 'background_color'],
  ['text_color', 'card_color'],
  ['muted_text_color', 'card_color'],
  ['primary_foreground_color', 'primary_color'],
  ['secondary_foreground_color', 'secondary_color'],
  ['destructive_foreground_color', 'destructive_color'],
  ['text_color', 'muted_color'],
];

export function contrastWarnings(theme: Theme, min = 4.5) {
  return CONTRAST_PAIRS.map(([fg, bg]) => ({ fg, bg, ratio: contrastRatio(theme[fg], theme[bg]) })).filter(
    (p) => p.ratio < min,
  );
}
