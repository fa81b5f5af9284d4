'use client';

import { useEffect, useRef, type RefObject } from 'react';

/**
 * Moves focus to the new screen's heading whenever `key` changes (not on first render), so
 * keyboard and screen-reader users land on what just appeared instead of a vanished button.
 */
export function useFocusOnChange(key: string, container: RefObject<HTMLElement | null>) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    container.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [key, container]);
}
