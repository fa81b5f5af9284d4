import { useTranslations } from 'next-intl';
import { LinkOffIcon } from './icons';
import { StatusPanel } from './StatusPanel';

/** Unknown token: the same neutral page for every one of them (nothing to learn from it). */
export function InvalidLinkScreen() {
  const t = useTranslations('NotFound');
  return (
    <StatusPanel tone="muted" icon={<LinkOffIcon className="size-7" />} title={t('title')}>
      <p>{t('body')}</p>
    </StatusPanel>
  );
}
