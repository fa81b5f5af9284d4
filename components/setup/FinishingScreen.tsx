import { useTranslations } from 'next-intl';
import { Spinner } from './icons';
import { StatusPanel } from './StatusPanel';

/** Step "Finish": the server exchanges the code and registers the number (a few seconds). */
export function FinishingScreen({ partner }: { partner: string }) {
  const t = useTranslations('Finishing');
  return (
    <div role="status" aria-live="polite">
      <StatusPanel tone="primary" icon={<Spinner className="size-7" />} title={t('heading')}>
        <p>{t('body', { partner })}</p>
        <p className="font-medium text-text">{t('keepOpen')}</p>
      </StatusPanel>
    </div>
  );
}
