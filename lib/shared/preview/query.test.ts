import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME } from '../theme';
import { parsePreviewQuery, previewSearch } from './query';

describe('preview query', () => {
  it('reads language, width and colours, with or without #', () => {
    const s = parsePreviewQuery({ lang: 'ar', width: 'desktop', primary_color: 'FF0000', text_color: '#00ff00' });
    expect(s.locale).toBe('ar');
    expect(s.width).toBe('desktop');
    expect(s.overrides).toEqual({ primary_color: '#ff0000', text_color: '#00ff00' });
    expect(s.theme.card_color).toBe(DEFAULT_THEME.card_color);
  });
  it('falls back for unknown languages and reports bad colours', () => {
    const s = parsePreviewQuery({ lang: 'fr', background_color: 'blue' });
    expect(s.locale).toBe('en');
    expect(s.width).toBe('phone');
    expect(s.invalid).toEqual(['background_color']);
    expect(s.overrides).toEqual({});
  });
  it('round-trips through a shareable query string', () => {
    const state = parsePreviewQuery({ lang: 'hi', primary_color: '#123456' });
    expect(parsePreviewQuery(Object.fromEntries(new URLSearchParams(previewSearch(state))))).toEqual(state);
  });
});
