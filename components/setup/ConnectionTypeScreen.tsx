import { useTranslations } from 'next-intl';
import type { ConnectionType } from '@/lib/shared/vocabulary';
import { ArrowForwardIcon, CheckIcon } from './icons';
import { buttonClass, headingClass } from './ui';

// Step 1: two cards as a native radio group (fieldset + legend): arrow keys, Space and screen
// readers work without any script. Handlers are optional so the theme preview can render it as is.

const RATES: Record<ConnectionType, number> = { coexistence: 20, dedicated: 1000 };

export interface ConnectionTypeScreenProps {
  partner: string;
  types: readonly ConnectionType[];
  selected: ConnectionType | null;
  /** Shown after "Continue" without a choice. */
  showRequired?: boolean;
  onSelect?: (type: ConnectionType) => void;
  onContinue?: () => void;
}

export function ConnectionTypeScreen({
  partner,
  types,
  selected,
  showRequired,
  onSelect,
  onContinue,
}: ConnectionTypeScreenProps) {
  const t = useTranslations('ConnectionType');
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onContinue?.();
      }}
    >
      <fieldset aria-describedby={`ct-intro${showRequired ? ' ct-required' : ''}`}>
        <legend className="mb-2">
          <h1 tabIndex={-1} className={headingClass}>
            {t('heading')}
          </h1>
        </legend>
        <p id="ct-intro" className="mb-5 text-muted-text">
          {t('intro', { partner })}
        </p>
        <div className="grid gap-3 sm:gap-4">
          {types.map((type) => (
            <div
              key={type}
              className="relative rounded-2xl border-2 border-border bg-card p-4 transition-colors has-checked:border-primary has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-primary sm:p-5"
            >
              <div className="flex items-start gap-3">
                <input
                  id={`ct-${type}`}
                  type="radio"
                  name="connection_type"
                  value={type}
                  checked={selected === type}
                  onChange={() => onSelect?.(type)}
                  readOnly={!onSelect}
                  aria-describedby={`ct-${type}-details`}
                  className="relative z-10 mt-1 size-5 shrink-0 cursor-pointer accent-primary outline-none"
                />
                <div className="min-w-0 flex-1">
                  {/* The label's ::after covers the whole card, so a tap anywhere selects it. */}
                  <label
                    htmlFor={`ct-${type}`}
                    className="block cursor-pointer font-semibold text-text after:absolute after:inset-0 after:rounded-2xl"
                  >
                    {t(`${type}.title`)}
                  </label>
                  <div id={`ct-${type}-details`} className="mt-1 space-y-2 text-sm text-muted-text">
                    <p>{t(`${type}.body`, { partner })}</p>
                    <ul className="space-y-1">
                      {(['rate', 'fit'] as const).map((fact) => (
                        <li key={fact} className="flex items-start gap-2 text-text">
                          <CheckIcon className="mt-0.5 size-4 text-primary" />
                          <span>{t(`${type}.${fact}`, { rate: RATES[type] })}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                </div>
              </div>
            </div>
          ))}
        </div>
      </fieldset>
      {showRequired && (
        <p id="ct-required" role="alert" className="mt-4 font-medium text-destructive">
          {t('required')}
        </p>
      )}
      <button type="submit" className={`${buttonClass.primary} mt-6`}>
        {t('continue')}
        <ArrowForwardIcon className="size-5" />
      </button>
    </form>
  );
}
