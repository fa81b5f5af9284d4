import { useFormatter, useTranslations, type Messages } from 'next-intl';
import type { ReactNode } from 'react';
import type { ConnectionType } from '@/lib/shared/vocabulary';
import { ArrowBackIcon, ShieldIcon, Spinner } from './icons';
import { buttonClass, headingClass } from './ui';

// Step "Connect": what happens in Meta's window, then the button that opens it.

/** A numbered step of Meta's window: one of the `Connect.step*` messages. */
type StepKey = Extract<keyof Messages['Connect'], `step${string}`>;

const STEPS: Record<ConnectionType, readonly StepKey[]> = {
  coexistence: ['stepLogin', 'stepBusiness', 'stepCoexistenceNumber', 'stepCoexistenceConfirm', 'stepPermissions'],
  dedicated: ['stepLogin', 'stepBusiness', 'stepDedicatedNumber', 'stepDedicatedVerify', 'stepPermissions'],
};

export type ConnectStatus =
  /** The SDK is still loading: the button waits. */
  | 'preparing'
  | 'ready'
  /** Meta's window is open. */
  | 'waiting'
  /** The SDK cannot run here: `notice` explains, no button. */
  | 'unavailable';

export interface ConnectScreenProps {
  partner: string;
  type: ConnectionType;
  status: ConnectStatus;
  /** A popup-blocked, SDK-blocked or in-app-browser notice. */
  notice?: ReactNode;
  /** The phone step of a provisioning link: the number to enter in Meta's window, and its code. */
  number?: ReactNode;
  /** Offered when the customer had a choice of connection type. */
  onChangeType?: () => void;
  onConnect?: () => void;
}

export function ConnectScreen({ partner, type, status, notice, number, onChangeType, onConnect }: ConnectScreenProps) {
  const t = useTranslations('Connect');
  const tType = useTranslations('ConnectionType');
  const tCommon = useTranslations('Common');
  const format = useFormatter();
  // While Meta's window is open the button stays usable: pressing it again starts over (a lost popup is no dead end).
  const busy = status === 'preparing';
  return (
    <section aria-labelledby="connect-heading">
      <h1 id="connect-heading" tabIndex={-1} className={headingClass}>
        {t('heading')}
      </h1>
      <p className="mt-2 flex flex-wrap items-center gap-x-2 text-sm text-muted-text">
        <span>{t('selected', { type: tType(`${type}.title`) })}</span>
        {onChangeType && (
          <button type="button" onClick={onChangeType} className={buttonClass.quiet}>
            <ArrowBackIcon className="size-4" />
            {t('changeType')}
          </button>
        )}
      </p>
      {number}
      <p className="mt-4 text-text">{t('intro')}</p>
      <ol className="mt-3 space-y-2">
        {STEPS[type].map((key, i) => (
          <li key={key} className="flex items-start gap-3">
            <span
              aria-hidden
              className="flex size-6 shrink-0 items-center justify-center rounded-full bg-secondary text-xs font-semibold text-secondary-foreground"
            >
              {format.number(i + 1)}
            </span>
            <span className="text-text">{t(key, { partner })}</span>
          </li>
        ))}
      </ol>
      <p className="mt-5 flex items-start gap-2 text-sm text-muted-text">
        <ShieldIcon className="size-5 text-primary" />
        <span>{tCommon('secure', { partner })}</span>
      </p>
      {notice && <div className="mt-5">{notice}</div>}
      {status !== 'unavailable' && (
        <>
          <button
            type="button"
            aria-disabled={busy || undefined}
            onClick={busy ? undefined : onConnect}
            className={`${buttonClass.primary} mt-6`}
          >
            {busy && <Spinner className="size-5" />}
            {busy ? t('preparing') : t('button')}
          </button>
          <p role="status" className="mt-3 text-center text-sm text-muted-text">
            {status === 'waiting' ? t('windowOpen') : t('keepOpen')}
          </p>
        </>
      )}
    </section>
  );
}
