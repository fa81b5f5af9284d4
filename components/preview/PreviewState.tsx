'use client';

import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '@/lib/shared/vocabulary';
import { previewSearch, type PreviewWidth } from '@/lib/shared/preview/query';
import { resolveTheme, type Theme } from '@/lib/shared/theme';

// Editor and canvas share one client state, so a colour change repaints at once with no
// server round trip; the URL is kept in step (replaceState) so it can be shared as is.

interface PreviewStateValue {
  locale: Locale;
  width: PreviewWidth;
  overrides: Partial<Theme>;
  theme: Theme;
  setColor: (key: keyof Theme, value: string | null) => void;
  setWidth: (w: PreviewWidth) => void;
  search: string;
}

const Ctx = createContext<PreviewStateValue | null>(null);

export function PreviewStateProvider(props: {
  locale: Locale;
  width: PreviewWidth;
  overrides: Partial<Theme>;
  children: ReactNode;
}) {
  const [overrides, setOverrides] = useState(props.overrides);
  const [width, setWidth] = useState(props.width);
  const search = previewSearch({ locale: props.locale, width, overrides });

  useEffect(() => {
    window.history.replaceState(null, '', `/preview?${search}`);
  }, [search]);

  const value = useMemo<PreviewStateValue>(
    () => ({
      locale: props.locale,
      width,
      overrides,
      theme: resolveTheme(overrides),
      setColor: (key, v) =>
        setOverrides((o) => {
          const next = { ...o };
          if (v) next[key] = v.toLowerCase();
          else delete next[key];
          return next;
        }),
      setWidth,
      search,
    }),
    [props.locale, width, overrides, search],
  );
  return <Ctx.Provider value={value}>{props.children}</Ctx.Provider>;
}

export function usePreviewState(): PreviewStateValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('usePreviewState outside PreviewStateProvider');
  return v;
}
