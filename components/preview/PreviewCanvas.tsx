'use client';

import type { CSSProperties, ReactNode } from 'react';
import { themeToCssVars } from '@/lib/shared/theme';
import { usePreviewState } from './PreviewState';

/** Paints the server-rendered screens with the editor's current theme and width. */
export function PreviewCanvas({ children, label }: { children: ReactNode; label: string }) {
  const { theme, width } = usePreviewState();
  return (
    <section
      aria-label={label}
      data-testid="preview-canvas"
      data-width={width}
      style={themeToCssVars(theme) as CSSProperties}
      className={`mx-auto grid gap-6 bg-background text-text ${width === 'phone' ? 'max-w-[390px]' : 'max-w-4xl'}`}
    >
      {children}
    </section>
  );
}
