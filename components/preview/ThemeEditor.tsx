'use client';

import { contrastWarnings } from '@/lib/shared/theme';
import { THEME_KEYS } from '@/lib/shared/vocabulary';
import { ColourField } from './ColourField';
import { ContrastWarnings } from './ContrastWarnings';
import { CopyTheme } from './CopyTheme';
import { LanguageAndWidthForm } from './LanguageAndWidthForm';
import { usePreviewState } from './PreviewState';

// Partner-facing tool: its own chrome stays in English (lang="en" on the panel) while the
// canvas beside it shows the hosted screens in the chosen language.

export function ThemeEditor() {
  const state = usePreviewState();
  // Worked out once here: the fields flag the colours of each weak pair, the list below names the pairs.
  const warnings = contrastWarnings(state.theme);
  const weak = new Set(warnings.flatMap((w) => [w.fg, w.bg]));

  return (
    <aside
      lang="en"
      dir="ltr"
      aria-labelledby="editor-title"
      className="space-y-5 rounded-xl border border-gray-300 bg-white p-4 text-gray-900"
    >
      <h2 id="editor-title" className="text-lg font-semibold">
        Theme editor
      </h2>
      <LanguageAndWidthForm />
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Colours</legend>
        {THEME_KEYS.map((key) => (
          <ColourField key={key} themeKey={key} lowContrast={weak.has(key)} />
        ))}
      </fieldset>
      <ContrastWarnings warnings={warnings} />
      <CopyTheme />
    </aside>
  );
}
