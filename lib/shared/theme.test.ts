import { describe, expect, it } from 'vitest';
import { contrastRatio, contrastWarnings, DEFAULT_THEME, resolveTheme, themeConfigSchema } from './theme';

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
