import { useTranslations } from 'next-intl';
import { LinkOffIcon } from './icons';
import { StatusPanel } from './StatusPanel';

/**
 * This page's link is no longer the browser's: another setup link was opened since (its cookie
 * replaced this page's). Nothing was done; the customer goes to the newest tab or reopens the link.
 */
export function LinkMismatchScreen() {
  const t = useTranslations('LinkMismatch');
  return (
    <StatusPanel tone="muted" icon={<LinkOffIcon className="size-7" />} title={t('title')}>
      <p className="text-text">{t('body')}</p>
      <p>{t('hint')}</p>
    </StatusPanel>
  );
}
