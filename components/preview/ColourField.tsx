import type { ThemeKey } from '@/lib/shared/vocabulary';
import { usePreviewState } from './PreviewState';
import { themeLabel } from './themeLabels';

/** One theme colour: picker, label (flagged when part of a weak pair), current value, and Reset once overridden. */
export function ColourField({ themeKey, lowContrast }: { themeKey: ThemeKey; lowContrast: boolean }) {
  const state = usePreviewState();
  const id = `c-${themeKey}`;
  return (
    <div className="flex items-center gap-2 text-sm">
      <input
        type="color"
        id={id}
        value={state.theme[themeKey]}
        onChange={(e) => state.setColor(themeKey, e.target.value)}
        className="h-8 w-10 cursor-pointer rounded border border-gray-400"
      />
      <label htmlFor={id} className="grow">
        {themeLabel(themeKey)}
        {lowContrast && (
          <span className="ms-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">
            low contrast
          </span>
        )}
      </label>
      <code className="text-xs text-gray-700">{state.theme[themeKey]}</code>
      {state.overrides[themeKey] && (
        <button
          type="button"
          className="text-xs text-gray-700 underline"
          onClick={() => state.setColor(themeKey, null)}
          aria-label={`Reset ${themeLabel(themeKey)}`}
        >
          Reset
        </button>
      )}
    </div>
  );
}
