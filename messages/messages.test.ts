import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../lib/shared/vocabulary';

type Tree = { [key: string]: string | Tree };
const load = (locale: string): Tree =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, `${locale}.json`), 'utf8'));

function flatten(tree: Tree, prefix = ''): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([k, v]) =>
      v !== null && typeof v === 'object' ? Object.entries(flatten(v, `${prefix}${k}.`)) : [[`${prefix}${k}`, v]],
    ),
  );
}

/** ICU argument names ({partner}, {rate, number}, {app, select, ...}), including inside select/plural branches. */
function icuArguments(message: string): string[] {
  const names = new Set<string>();
  const walk = (text: string) => {
    let depth = 0;
    let start = -1;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '{' && depth++ === 0) start = i;
      else if (text[i] === '}' && --depth === 0) argument(text.slice(start + 1, i));
    }
  };
  const argument = (body: string) => {
    const [name, type] = body.split(',').map((s) => s.trim());
    names.add(name);
    if (type === 'select' || type === 'plural' || type === 'selectordinal') {
      // Branches look like `key {message}`: recurse into each message.
      let depth = 0;
      let start = -1;
      for (let i = 0; i < body.length; i++) {
        if (body[i] === '{' && depth++ === 0) start = i;
        else if (body[i] === '}' && --depth === 0) walk(body.slice(start + 1, i));
      }
    }
  };
  walk(message);
  return [...names].sort();
}

/** What is left once brand names and placeholders are removed: if no letters remain, equality with English is fine. */
const BRANDS = /WhatsApp|Facebook|Meta|Instagram|Chrome|Safari|JavaScript|API|SMS/g;
const onlyBrands = (s: string) => !/\p{L}/u.test(s.replace(/\{[^}]*\}/g, '').replace(BRANDS, ''));

const SCRIPT: Partial<Record<string, RegExp>> = { hi: /\p{Script=Devanagari}/u, ar: /\p{Script=Arabic}/u };

const en = flatten(load('en'));
const args = {
  partner: 'Acme',
  customer: 'Pizza Palace',
  rate: 20,
  type: 'x',
  code: 'E1',
  app: 'facebook',
  keys: 'text_color',
};

describe('messages', () => {
  it('English has every key as a non-empty string that formats', () => {
    const t = createTranslator({ locale: 'en', messages: load('en') });
    for (const [key, value] of Object.entries(en)) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
      expect(() => t(key as never, args as never), key).not.toThrow();
    }
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    describe(locale, () => {
      const messages = flatten(load(locale));

      it('has exactly the English keys, each a non-empty string', () => {
        expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
        for (const [key, value] of Object.entries(messages)) {
          expect(typeof value, key).toBe('string');
          expect((value as string).trim(), key).not.toBe('');
        }
      });

      it('uses the same ICU placeholders and formats without errors', () => {
        const onError = (e: Error) => {
          throw e;
        };
        const t = createTranslator({ locale, messages: load(locale), onError });
        for (const key of Object.keys(en)) {
          expect(icuArguments(messages[key] as string), key).toEqual(icuArguments(en[key] as string));
          expect(t(key as never, args as never), key).not.toContain(key);
        }
      });

      it('is really translated (no string left in English, except brand names)', () => {
        for (const key of Object.keys(en)) {
          const value = messages[key] as string;
          if (value === en[key]) expect(onlyBrands(value), `${locale}:${key} = "${value}"`).toBe(true);
          const script = SCRIPT[locale];
          if (script) expect(value, `${locale}:${key} is not in its script`).toMatch(script);
        }
      });
    });
  }

  it('the ICU argument reader sees through select branches', () => {
    expect(icuArguments('Hi {partner}, {app, select, a {x {partner}} other {y}} {rate, number}')).toEqual([
      'app',
      'partner',
      'rate',
    ]);
  });
});
