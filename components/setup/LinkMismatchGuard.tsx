'use client';

import { useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { isLinkMismatched, subscribeLinkMismatch } from '@/lib/browser/link-mismatch';
import { LinkMismatchScreen } from './LinkMismatchScreen';

/**
 * The page's content until one of its calls is refused with link_mismatch; then, for good, the
 * "you opened another setup link" screen (the flow unmounts: no more calls for this page).
 */
export function LinkMismatchGuard({ children }: { children: ReactNode }) {
  const mismatched = useSyncExternalStore(subscribeLinkMismatch, isLinkMismatched, () => false);
  const container = useRef<HTMLDivElement>(null);
  // Keyboard and screen-reader users land on the new screen's heading.
  useEffect(() => {
    if (mismatched) container.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [mismatched]);
  return <div ref={container}>{mismatched ? <LinkMismatchScreen /> : children}</div>;
}
