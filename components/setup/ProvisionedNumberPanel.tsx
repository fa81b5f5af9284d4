'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { postPhoneCode, postPhoneNumber } from '@/lib/browser/provisioning-client';
import { CopyIcon, Spinner } from './icons';
import { buttonClass } from './ui';

// The phone step of a provisioning link, above "Continue with Facebook": the number we bought for
// the customer, what to do with it in Meta's window, and the verification code as soon as Meta's
// text message reaches it (asked every second, announced to screen readers).

const RETRY_MS = 1000;
type State = { kind: 'loading' } | { kind: 'ready'; number: string; display: string } | { kind: 'failed' };

export function ProvisionedNumberPanel({
  setupLinkId,
  onReady,
  onUnavailable,
}: {
  setupLinkId: string;
  onReady: () => void;
  onUnavailable: () => void;
}) {
  const t = useTranslations('PhoneNumber');
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [code, setCode] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  // Buying is the page's explicit action (a POST when this step shows), never the GET of the link.
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const r = await postPhoneNumber(setupLinkId);
      if (cancelled) return;
      if (r.status === 'pending') timer = setTimeout(ask, RETRY_MS);
      else if (r.status === 'ready') {
        setState({ kind: 'ready', number: r.phone_number, display: r.display_number });
        onReady();
      } else if (r.status === 'unavailable') onUnavailable();
      else setState({ kind: 'failed' });
    };
    void ask();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // onReady/onUnavailable are the flow's dispatchers: asking again only on "Try again".
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  const ready = state.kind === 'ready';
  useEffect(() => {
    if (!ready) return;
    const timer = setInterval(() => void postPhoneCode(setupLinkId).then((c) => c && setCode(c)), RETRY_MS);
    return () => clearInterval(timer);
  }, [ready, setupLinkId]);

  if (state.kind === 'loading')
    return (
      <p role="status" className="mt-4 flex items-center gap-2 text-muted-text">
        <Spinner className="size-5" />
        {t('loading')}
      </p>
    );
  if (state.kind === 'failed')
    return (
      <div role="alert" className="mt-4 rounded-xl border border-border border-s-4 border-s-destructive bg-card p-4">
        <p className="text-text">{t('failed')}</p>
        <button
          type="button"
          className={`${buttonClass.secondary} mt-3`}
          onClick={() => {
            setState({ kind: 'loading' });
            setAttempt((n) => n + 1);
          }}
        >
          {t('tryAgain')}
        </button>
      </div>
    );

  return (
    <section aria-labelledby="number-heading" className="mt-4 rounded-xl border border-border bg-muted p-4">
      <h2 id="number-heading" className="font-semibold text-text">
        {t('heading')}
      </h2>
      <p className="mt-2 text-text">{t('instructions')}</p>
      <p className="mt-3 flex flex-wrap items-center gap-3">
        <span dir="ltr" className="text-2xl font-semibold tracking-wide text-text" data-testid="provisioned-number">
          {state.display}
        </span>
        <button
          type="button"
          className={buttonClass.compact}
          onClick={() =>
            void navigator.clipboard?.writeText(state.number).then(
              () => setCopied(true),
              () => {},
            )
          }
        >
          <CopyIcon className="me-1 size-4" />
          {copied ? t('copied') : t('copy')}
        </button>
      </p>
      <div className="mt-4">
        <p className="text-sm font-medium text-muted-text">{t('codeLabel')}</p>
        <div role="status" aria-live="polite">
          {code ? (
            <p className="mt-1 text-text">
              <span className="sr-only">{t('codeReceived')} </span>
              <span dir="ltr" className="text-3xl font-bold tracking-[0.3em] text-text" data-testid="verification-code">
                {code}
              </span>
            </p>
          ) : (
            <p className="mt-1 text-muted-text">{t('codeWaiting')}</p>
          )}
        </div>
      </div>
      <p className="mt-3 text-sm text-muted-text">{t('voice')}</p>
    </section>
  );
}
