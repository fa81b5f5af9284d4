import { useTranslations, type Messages } from 'next-intl';
import { FAILURE_CODES, isOneOf } from '@/lib/shared/vocabulary';
import { AlertIcon, ArrowBackIcon } from './icons';
import { StatusPanel } from './StatusPanel';
import { buttonClass } from './ui';

/** An explanation: one of the `Failure.reasons` messages. */
type Reason = keyof Messages['Failure']['reasons'];

/** Codes with their own explanation (the failure codes, `unreachable` for network failures, and
 * `completion_in_progress` when another tab is completing the link); others get `other`. */
const KNOWN = [...FAILURE_CODES, 'unreachable', 'completion_in_progress'] as const satisfies readonly Reason[];

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
  const reason: Reason = isOneOf(KNOWN, code) ? code : 'other';
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
