import type { contrastWarnings } from '@/lib/shared/theme';
import { themeLabel } from './themeLabels';

type ContrastWarning = ReturnType<typeof contrastWarnings>[number];

/** The text/background pairs below WCAG AA, announced politely as colours change. */
export function ContrastWarnings({ warnings }: { warnings: ContrastWarning[] }) {
  return (
    <div role="status" aria-live="polite" data-testid="contrast-warnings" className="text-sm">
      {warnings.length === 0 ? (
        <p className="text-green-800">All text/background pairs reach WCAG AA (4.5:1).</p>
      ) : (
        <>
          <p className="font-semibold text-amber-900">Below WCAG AA contrast (4.5:1):</p>
          <ul className="list-disc ps-5 text-amber-900">
            {warnings.map((w) => (
              <li key={`${w.fg}-${w.bg}`}>
                {themeLabel(w.fg)} on {themeLabel(w.bg)}: {w.ratio.toFixed(2)}:1
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
