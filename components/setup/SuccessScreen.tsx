import { useTranslations } from 'next-intl';
import { CheckIcon, Spinner } from './icons';
import { StatusPanel } from './StatusPanel';

/** Connected. Shown when the partner has no success URL, or briefly while redirecting to it. */
export function SuccessScreen({
  partner,
  phoneNumber,
  redirecting = false,
}: {
  partner: string;
  phoneNumber: string;
  redirecting?: boolean;
}) {
  const t = useTranslations('Success');
  return (
    <StatusPanel tone="primary" icon={<CheckIcon className="size-7" />} title={t('heading')}>
      <p>{t('body', { partner })}</p>
      {/* Phone numbers read left to right in every language. */}
      <p dir="ltr" className="text-2xl font-semibold tracking-wide text-text" data-testid="connected-number">
        {phoneNumber}
      </p>
      {redirecting ? (
        <p role="status" className="flex items-center justify-center gap-2">
          <Spinner className="size-4" />
          {t('redirecting', { partner })}
        </p>
      ) : (
        <p>{t('close')}</p>
      )}
    </StatusPanel>
  );
}
