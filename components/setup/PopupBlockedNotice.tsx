import { useTranslations } from 'next-intl';
import { Notice } from './Notice';

/** FB.login's window.open returned null: the browser blocked the popup. The button stays to retry. */
export function PopupBlockedNotice() {
  const t = useTranslations('PopupBlocked');
  return (
    <Notice alert title={t('title')}>
      <p>{t('body')}</p>
    </Notice>
  );
}
