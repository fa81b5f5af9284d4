'use client';

import type { Dispatch } from 'react';
import { postCompletion, postProgress } from '@/lib/browser/embedded-signup/completion-client';
import { loginDetectingBlockedPopup, loginOptions } from '@/lib/browser/embedded-signup/facebook-sdk';
import { actionForCompletion, type FlowAction } from '@/lib/browser/embedded-signup/flow';
import { toCompletionRequest } from '@/lib/browser/embedded-signup/outcome';
import type { MetaClientConfig } from '@/lib/shared/embedded-signup/types';
import type { ConnectionType } from '@/lib/shared/vocabulary';
import { useFacebookSdk } from './useFacebookSdk';
import { useSignupResults } from './useSignupResults';

interface Options {
  /** The page's link, named in every call (a page of another link than the cookie's is refused). */
  setupLinkId: string;
  meta: MetaClientConfig;
  nonce: string | null;
  extraMessageOrigins: readonly string[];
  /** False in in-app browsers: the SDK is never loaded there. */
  enabled: boolean;
  dispatch: Dispatch<FlowAction>;
}

/** Meta's Embedded Signup for the page: the SDK, one login attempt per click, and its completion. */
export function useEmbeddedSignup({ setupLinkId, meta, nonce, extraMessageOrigins, enabled, dispatch }: Options) {
  const sdk = useFacebookSdk(meta, nonce, enabled);
  const startAttempt = useSignupResults(extraMessageOrigins);

  // Must stay synchronous from the click to FB.login: browsers only allow popups opened during
  // the user's gesture (no await, no state round-trip before the call).
  function connect(type: ConnectionType, attemptId: string) {
    if (sdk.status !== 'ready') return;
    const waiter = startAttempt((result) => {
      dispatch({ type: 'submitting' });
      void postCompletion({ setup_link_id: setupLinkId, ...toCompletionRequest(attemptId, type, result) }).then(
        (answer) => {
          const { action, redirectTo } = actionForCompletion(answer);
          dispatch(action);
          if (redirectTo) window.location.assign(redirectTo);
        },
      );
    });
    // A plain (non-async) callback, as Meta's SDK requires.
    const { popupBlocked } = loginDetectingBlockedPopup(
      sdk.sdk,
      (response) => waiter.callback(response),
      loginOptions(meta, type),
    );
    if (popupBlocked) waiter.abandon();
    else
      postProgress({
        setup_link_id: setupLinkId,
        attempt_id: attemptId,
        step: 'facebook_opened',
        connection_type: type,
      });
    dispatch({ type: popupBlocked ? 'popupBlocked' : 'popupOpened' });
  }

  return { sdkStatus: sdk.status, connect };
}
