import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  contrastWarnings,
  cssVarName,
  DEFAULT_THEME,
  resolveTheme,
  themeConfigSchema,
  themeToCssVars,
} from './theme';
import { THEME_KEYS } from './vocabulary';

describe('theme', () => {
  it('merges link over project over built-in defaults', () => {
    const t = resolveTheme({ primary_color: '#111111', text_color: '#222222' }, { primary_color: '#ABCDEF' });
    expect(t.primary_color).toBe('#abcdef');
    expect(t.text_color).toBe('#222222');
    expect(t.card_color).toBe(DEFAULT_THEME.card_color);
  });
  it('rejects unknown keys and non-#RRGGBB values', () => {
    expect(themeConfigSchema.safeParse({ primary_color: 'red' }).success).toBe(false);
    expect(themeConfigSchema.safeParse({ primary_colour: '#ffffff' }).success).toBe(false);
    expect(themeConfigSchema.safeParse({ primary_color: '#fff' }).success).toBe(false);
    expect(themeConfigSchema.safeParse({ primary_color: '#A1b2C3' }).success).toBe(true);
  });
  it('computes WCAG contrast and flags weak pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 1);
    expect(contrastWarnings(DEFAULT_THEME)).toEqual([]);
    const weak = contrastWarnings(resolveTheme({ text_color: '#dddddd' }));
    expect(weak.map((w) => w.fg)).toContain('text_color');
  });
});

describe('theme CSS variables', () => {
  const css = readFileSync(path.join(__dirname, '../../app/globals.css'), 'utf8');

  it('renders all 12 variables with the built-in defaults when nothing overrides them', () => {
    const vars = themeToCssVars(resolveTheme(null, undefined));
    expect(Object.keys(vars)).toEqual(THEME_KEYS.map(cssVarName));
    expect(Object.values(vars)).toEqual(THEME_KEYS.map((k) => DEFAULT_THEME[k]));
  });

  it("maps exactly the server's variables to Tailwind colours in globals.css (@theme inline)", () => {
    const block = /@theme inline\s*{([^}]*)}/.exec(css)?.[1] ?? '';
    const mapped = [...block.matchAll(/--color-([\w-]+):\s*var\((--theme-[\w-]+)\)/g)];
    expect(mapped.map((m) => m[2])).toEqual(THEME_KEYS.map(cssVarName));
    // Each Tailwind colour is named after its variable: --color-x reads --theme-x.
    for (const [, color, variable] of mapped) expect(variable).toBe(`--theme-${color}`);
  });

  it('keeps the default colours out of the stylesheet (DEFAULT_THEME is their one home)', () => {
    expect(css).not.toMatch(/--theme-[\w-]+\s*:/);
  });
});
