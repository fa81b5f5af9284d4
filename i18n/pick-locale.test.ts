import { describe, expect, it } from 'vitest';
import { matchAcceptLanguage } from './config';
import { pickLocale } from './pick-locale';

describe('matchAcceptLanguage', () => {
  it('honours q-values and order, and maps regional tags to their language', () => {
    expect(matchAcceptLanguage('pt-BR,pt;q=0.9,en;q=0.8')).toBe('pt');
    expect(matchAcceptLanguage('fr-FR,fr;q=0.9,es;q=0.8,en;q=0.7')).toBe('es');
    expect(matchAcceptLanguage('en;q=0.5, ar-EG;q=0.9')).toBe('ar');
    expect(matchAcceptLanguage('hi-IN')).toBe('hi');
    expect(matchAcceptLanguage('in-ID')).toBe('id'); // legacy Indonesian code
    expect(matchAcceptLanguage('id;q=0.2, de;q=1')).toBe('id');
  });
  it('returns null when nothing is supported, refused (q=0) or the header is missing', () => {
    expect(matchAcceptLanguage('de-DE,fr;q=0.8')).toBeNull();
    expect(matchAcceptLanguage('es;q=0')).toBeNull();
    expect(matchAcceptLanguage('*')).toBeNull();
    expect(matchAcceptLanguage('')).toBeNull();
    expect(matchAcceptLanguage(null)).toBeNull();
  });
});

describe('pickLocale', () => {
  const all = { override: 'ar', cookie: 'es', linkLanguage: 'hi', acceptLanguage: 'pt-BR' };

  it('prefers the preview override, then the cookie, then the link, then Accept-Language, then en', () => {
    expect(pickLocale(all)).toBe('ar');
    expect(pickLocale({ ...all, override: null })).toBe('es');
    expect(pickLocale({ ...all, override: null, cookie: null })).toBe('hi');
    expect(pickLocale({ ...all, override: null, cookie: null, linkLanguage: null })).toBe('pt');
    expect(pickLocale({})).toBe('en');
  });

  it('skips unsupported values at every level', () => {
    expect(pickLocale({ override: 'fr', cookie: 'xx', linkLanguage: 'de', acceptLanguage: 'id-ID' })).toBe('id');
    expect(pickLocale({ cookie: 'EN', acceptLanguage: 'zz' })).toBe('en');
  });
});
