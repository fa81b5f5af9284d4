import { useTranslations } from 'next-intl';
import { Notice } from './Notice';
import { buttonClass } from './ui';

/** Meta's SDK failed to load (ad blocker, privacy extension, network filter). A plain link reloads. */
export function SdkBlockedNotice({ reloadHref = '/setup' }: { reloadHref?: string }) {
  const t = useTranslations('SdkBlocked');
  return (
    <Notice alert title={t('title')}>
      <p>{t('body')}</p>
      <a href={reloadHref} className={buttonClass.secondary}>
        {t('reload')}
      </a>
    </Notice>
  );
}
