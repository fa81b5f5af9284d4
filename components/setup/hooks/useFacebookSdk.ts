'use client';

import { useEffect, useState } from 'react';
import { loadFacebookSdk, type FacebookSdk } from '@/lib/browser/embedded-signup/facebook-sdk';
import { detectInAppBrowser } from '@/lib/shared/embedded-signup/in-app-browser';
import type { MetaClientConfig } from '@/lib/shared/embedded-signup/types';

export type SdkState =
  { status: 'loading'; sdk: null } | { status: 'ready'; sdk: FacebookSdk } | { status: 'blocked'; sdk: null };

/**
 * Loads Meta's SDK once the page is interactive (before any click). Never in an in-app browser
 * (`enabled: false` from the server's verdict, re-checked here before the first render settles).
 */
export function useFacebookSdk(meta: MetaClientConfig, nonce: string | null, enabled: boolean): SdkState {
  const [state, setState] = useState<SdkState>({ status: 'loading', sdk: null });
  useEffect(() => {
    if (!enabled || detectInAppBrowser(navigator.userAgent)) return;
    let live = true;
    loadFacebookSdk(meta, nonce).then(
      (sdk) => live && setState({ status: 'ready', sdk }),
      () => live && setState({ status: 'blocked', sdk: null }),
    );
    return () => {
      live = false;
    };
  }, [meta, nonce, enabled]);
  return state;
}
