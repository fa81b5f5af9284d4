import { useFormatter, useTranslations } from 'next-intl';
import type { SetupStep } from '@/lib/browser/embedded-signup/flow';
import { CheckIcon } from './icons';

/**
 * The visible step indicator. A flex row in document order: in right-to-left pages it runs right
 * to left by construction. `current` past the last index means every step is done.
 */
export function StepIndicator({ steps, current }: { steps: readonly SetupStep[]; current: number }) {
  const t = useTranslations('Steps');
  const format = useFormatter();
  return (
    <ol aria-label={t('label')} className="mb-6 flex items-start gap-2">
      {steps.map((step, i) => {
        const done = i < current;
        const active = i === current;
        return (
          <li
            key={step}
            aria-current={active ? 'step' : undefined}
            className="flex min-w-0 flex-1 flex-col items-center gap-1.5 text-center"
          >
            <span
              aria-hidden
              className={`flex size-8 items-center justify-center rounded-full text-sm font-semibold ${
                done
                  ? 'bg-primary text-primary-foreground'
                  : active
                    ? 'border-2 border-primary bg-card text-text'
                    : 'bg-muted text-text'
              }`}
            >
              {done ? <CheckIcon className="size-4" /> : format.number(i + 1)}
            </span>
            <span
              className={`text-xs leading-tight sm:text-sm ${active ? 'font-semibold text-text' : 'text-muted-text'}`}
            >
              {t(step)}
              {done && <span className="sr-only"> ({t('completed')})</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
