'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { postRenewal } from '@/lib/browser/renewal-client';
import { CheckIcon, Spinner } from './icons';
import { buttonClass } from './ui';

// "Ask {partner} for a new link" on the page of a used, expired or revoked link. One request per
// link per hour: a request already made (now, or before a reload) shows the same confirmation.

type State = 'idle' | 'sending' | 'sent' | 'unavailable' | 'failed';

const noSubscription = () => () => {};

const boxClass = 'rounded-xl border border-border border-s-4 bg-card p-4 text-start text-text outline-none';

export function RenewalRequest({
  partner,
  setupLinkId,
  requested = false,
}: {
  partner: string;
  /** The page's link, named in the request (a page of another link than the cookie's is refused). */
  setupLinkId: string;
  requested?: boolean;
}) {
  const t = useTranslations('LinkState.renewal');
  const [state, setState] = useState<State>(requested ? 'sent' : 'idle');
  // Until hydrated the button cannot act: it says so (aria-disabled) rather than swallow a click.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  // The button disappears with its answer: focus follows to the answer, not to the page's top.
  const answer = useRef<HTMLParagraphElement>(null);
  const clicked = useRef(false);
  useEffect(() => {
    if (clicked.current && (state === 'sent' || state === 'unavailable')) answer.current?.focus();
  }, [state]);

  const send = async () => {
    clicked.current = true;
    setState('sending');
    const result = await postRenewal(setupLinkId);
    setState(result === 'requested' || result === 'already_requested' ? 'sent' : result);
  };

  const sending = state === 'sending';
  const showButton = state === 'idle' || state === 'sending' || state === 'failed';
  return (
    <div>
      {/* Live regions stay in the page (empty, without spacing), so what appears in them is announced. */}
      <div role="status">
        {state === 'sent' && (
          <p ref={answer} tabIndex={-1} className={`${boxClass} flex items-start gap-2 border-s-primary`}>
            <CheckIcon className="mt-0.5 size-5 text-primary" />
            <span>{t('sent', { partner })}</span>
          </p>
        )}
        {state === 'unavailable' && (
          <p ref={answer} tabIndex={-1} className={`${boxClass} border-s-border`}>
            {t('unavailable', { partner })}
          </p>
        )}
      </div>
      <div role="alert">
        {state === 'failed' && <p className={`${boxClass} mb-3 border-s-destructive`}>{t('failed')}</p>}
      </div>
      {showButton && (
        <button
          type="button"
          aria-disabled={sending || !hydrated || undefined}
          aria-busy={sending || undefined}
          onClick={sending || !hydrated ? undefined : send}
          className={buttonClass.primary}
        >
          {sending && <Spinner className="size-5" />}
          {sending ? t('sending') : t('button', { partner })}
        </button>
      )}
    </div>
  );
}
