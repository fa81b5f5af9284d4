'use client';

import { useCallback, useEffect, useRef } from 'react';
import { parseSignupMessage } from '@/lib/browser/embedded-signup/events';
import { isAllowedMessageOrigin } from '@/lib/shared/embedded-signup/origins';
import { createResultWaiter, type ResultWaiter, type SignupResult } from '@/lib/browser/embedded-signup/waiter';

/**
 * Listens for the popup's WA_EMBEDDED_SIGNUP messages (trusted origins only; everything else is
 * ignored silently) and pairs them with the FB.login callback. `start` begins one attempt and
 * returns its waiter; a new start abandons the previous one.
 */
export function useSignupResults(extraOrigins: readonly string[]) {
  const current = useRef<ResultWaiter | null>(null);
  const origins = extraOrigins.join(' ');

  useEffect(() => {
    const allowed = origins ? origins.split(' ') : [];
    const onMessage = (event: MessageEvent) => {
      if (!isAllowedMessageOrigin(event.origin, allowed)) return;
      const message = parseSignupMessage(event.data);
      if (message) current.current?.message(message);
    };
    window.addEventListener('message', onMessage);
    return () => {
      window.removeEventListener('message', onMessage);
      current.current?.abandon();
    };
  }, [origins]);

  return useCallback((onSettle: (result: SignupResult) => void): ResultWaiter => {
    current.current?.abandon();
    const waiter = createResultWaiter({ onSettle });
    current.current = waiter;
    return waiter;
  }, []);
}
