'use client';

import { useState } from 'react';
import { LOCALES, LOCALE_NAMES } from '@/i18n/config';
import { contrastWarnings, THEME_KEYS, type ThemeKey } from '@/lib/theme';
import { usePreviewState } from './PreviewState';

// Partner-facing tool: its own chrome stays in English (lang="en" on the panel) while the
// canvas beside it shows the hosted screens in the chosen language.

const LABELS: Record<ThemeKey, string> = {
  primary_color: 'Primary',
  primary_foreground_color: 'Text on primary',
  background_color: 'Page background',
  text_color: 'Text',
  muted_text_color: 'Muted text',
  card_color: 'Card',
  muted_color: 'Muted surface',
  border_color: 'Border',
  secondary_color: 'Secondary',
  secondary_foreground_color: 'Text on secondary',
  destructive_color: 'Destructive',
  destructive_foreground_color: 'Text on destructive',
};

const label = (k: ThemeKey) => LABELS[k];

export function ThemeEditor() {
  const state = usePreviewState();
  const [copied, setCopied] = useState<string | null>(null);
  const warnings = contrastWarnings(state.theme);
  const weak = new Set(warnings.flatMap((w) => [w.fg, w.bg]));

  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what} copied to the clipboard.`);
    } catch {
      setCopied(`Could not copy automatically; select and copy it by hand.`);
    }
  }

  const json = JSON.stringify({ theme_config: state.overrides }, null, 2);

  return (
    <aside lang="en" dir="ltr" aria-labelledby="editor-title" className="space-y-5 rounded-xl border border-gray-300 bg-white p-4 text-gray-900">
      <h2 id="editor-title" className="text-lg font-semibold">Theme editor</h2>

      <form
        method="get"
        action="/preview"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          // A language change reloads: <html lang dir> belongs to the server render.
          e.preventDefault();
          const lang = new FormData(e.currentTarget).get('lang');
          const params = new URLSearchParams(state.search);
          params.set('lang', String(lang));
          window.location.assign(`/preview?${params}`);
        }}
      >
        <label className="grid gap-1 text-sm font-medium">
          Language
          <select name="lang" defaultValue={state.locale} className="rounded border border-gray-400 px-2 py-1.5" onChange={(e) => e.currentTarget.form?.requestSubmit()}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <noscript>
          <button className="rounded border border-gray-400 px-3 py-1.5 text-sm">Apply</button>
        </noscript>
        <fieldset className="flex gap-3 text-sm">
          <legend className="mb-1 font-medium">Width</legend>
          {(['phone', 'desktop'] as const).map((w) => (
            <label key={w} className="flex items-center gap-1.5">
              <input type="radio" name="width" value={w} checked={state.width === w} onChange={() => state.setWidth(w)} />
              {w === 'phone' ? 'Phone' : 'Desktop'}
            </label>
          ))}
        </fieldset>
      </form>

      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Colours</legend>
        {THEME_KEYS.map((key) => (
          <div key={key} className="flex items-center gap-2 text-sm">
            <input
              type="color"
              id={`c-${key}`}
              value={state.theme[key]}
              onChange={(e) => state.setColor(key, e.target.value)}
              className="h-8 w-10 cursor-pointer rounded border border-gray-400"
            />
            <label htmlFor={`c-${key}`} className="grow">
              {label(key)}
              {weak.has(key) && <span className="ms-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">low contrast</span>}
            </label>
            <code className="text-xs text-gray-700">{state.theme[key]}</code>
            {state.overrides[key] && (
              <button type="button" className="text-xs text-gray-700 underline" onClick={() => state.setColor(key, null)} aria-label={`Reset ${label(key)}`}>
                Reset
              </button>
            )}
          </div>
        ))}
      </fieldset>

      <div role="status" aria-live="polite" data-testid="contrast-warnings" className="text-sm">
        {warnings.length === 0 ? (
          <p className="text-green-800">All text/background pairs reach WCAG AA (4.5:1).</p>
        ) : (
          <>
            <p className="font-semibold text-amber-900">Below WCAG AA contrast (4.5:1):</p>
            <ul className="list-disc ps-5 text-amber-900">
              {warnings.map((w) => (
                <li key={`${w.fg}-${w.bg}`}>
                  {label(w.fg)} on {label(w.bg)}: {w.ratio.toFixed(2)}:1
                </li>
              ))}
            </ul>
          </>
        )}
      </div>

      <div className="grid gap-2">
        <label htmlFor="theme-json" className="text-sm font-medium">theme_config JSON</label>
        <textarea id="theme-json" readOnly value={json} rows={Math.min(14, json.split('\n').length)} className="w-full rounded border border-gray-400 p-2 font-mono text-xs" />
        <div className="flex flex-wrap gap-2">
          <button type="button" className="rounded bg-gray-900 px-3 py-1.5 text-sm font-medium text-white" onClick={() => copy(json, 'theme_config JSON')}>
            Copy theme_config
          </button>
          <button type="button" className="rounded border border-gray-900 px-3 py-1.5 text-sm font-medium" onClick={() => copy(`${window.location.origin}/preview?${state.search}`, 'Preview URL')}>
            Copy preview URL
          </button>
        </div>
        <p role="status" className="text-sm text-gray-700">{copied}</p>
      </div>
    </aside>
  );
}
