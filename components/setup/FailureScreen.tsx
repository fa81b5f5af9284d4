import { useTranslations } from 'next-intl';
import { AlertIcon, ArrowBackIcon } from './icons';
import { StatusPanel } from './StatusPanel';
import { buttonClass } from './ui';

/** Error codes with their own explanation (SPEC 9.2, plus `unreachable` for network failures). */
const KNOWN = new Set([
  'facebook_auth_failed',
  'token_exchange_failed',
  'phone_verification_failed',
  'phone_registration_failed',
  'waba_limit_reached',
  'waba_not_granted',
  'link_expired',
  'already_used',
  'link_revoked',
  'internal_error',
  'unreachable',
]);

export interface FailureScreenProps {
  partner: string;
  code: string;
  /** The signed failure redirect; only then is "Back to {partner}" offered. */
  backHref: string | null;
  /** False once the link can no longer be used (nothing to try again). */
  canRetry?: boolean;
  onRetry?: () => void;
}

export function FailureScreen({ partner, code, backHref, canRetry = true, onRetry }: FailureScreenProps) {
  const t = useTranslations('Failure');
  const reason = KNOWN.has(code) ? code : 'other';
  const actions = (canRetry || backHref) && (
    <>
      {canRetry && (
        <button type="button" onClick={onRetry} className={buttonClass.primary}>
          {t('tryAgain')}
        </button>
      )}
      {backHref && (
        <a href={backHref} className={canRetry ? buttonClass.secondary : buttonClass.primary}>
          <ArrowBackIcon className="size-5" />
          {t('back', { partner })}
        </a>
      )}
    </>
  );
  return (
    <StatusPanel tone="destructive" icon={<AlertIcon className="size-7" />} title={t('heading')} actions={actions}>
      <p className="text-text">{t(`reasons.${reason}`)}</p>
      {canRetry && <p>{t('retryHint')}</p>}
      {reason !== 'unreachable' && <p className="text-xs">{t('code', { code })}</p>}
    </StatusPanel>
  );
}
