'use client';

import { useSyncExternalStore } from 'react';
import { detectInAppBrowser } from '@/lib/shared/embedded-signup/in-app-browser';
import type { InAppBrowser } from '@/lib/shared/embedded-signup/types';

const noSubscription = () => () => {};

/** The server's verdict, confirmed in the browser (a proxy may have rewritten the User-Agent header). */
export function useInAppBrowser(serverVerdict: InAppBrowser | null): InAppBrowser | null {
  const client = useSyncExternalStore(
    noSubscription,
    () => detectInAppBrowser(navigator.userAgent),
    () => null,
  );
  return serverVerdict ?? client;
}
