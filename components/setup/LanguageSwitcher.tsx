import { useLocale, useTranslations } from 'next-intl';
import { LOCALE_NAMES } from '@/i18n/config';
import { LOCALES } from '@/lib/shared/vocabulary';
import { buttonClass } from './ui';

/**
 * A real form (POST /setup/language), so it works by keyboard and without JavaScript. No change on
 * select: an explicit button avoids surprising context changes (WCAG 3.2.2).
 */
export function LanguageSwitcher() {
  const t = useTranslations('LanguageSwitcher');
  const locale = useLocale();
  return (
    <form method="post" action="/setup/language" className="flex flex-wrap items-end justify-center gap-2">
      <div className="flex flex-col gap-1 text-start">
        <label htmlFor="language-select" className="text-xs font-medium text-muted-text">
          {t('label')}
        </label>
        <select
          id="language-select"
          name="locale"
          defaultValue={locale}
          className="min-h-11 rounded-lg border border-border bg-card px-3 text-sm text-text focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary"
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass.compact}>
        {t('submit')}
      </button>
    </form>
  );
}
