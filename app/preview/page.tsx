import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PreviewCanvas } from '@/components/preview/PreviewCanvas';
import { PreviewScreens } from '@/components/preview/PreviewScreens';
import { PreviewStateProvider } from '@/components/preview/PreviewState';
import { ThemeEditor } from '@/components/preview/ThemeEditor';
import { parsePreviewQuery } from '@/lib/shared/preview/query';

// Theme preview for partners: every hosted screen with the theme and language of the
// query string. No link, no cookie, no Meta call. The proxy copies ?lang= into the request
// locale, so <html lang dir> and the screens' messages follow it.

export const metadata: Metadata = { title: 'Theme preview', robots: { index: false, follow: false } };

export default async function PreviewPage({ searchParams }: PageProps<'/preview'>) {
  const state = parsePreviewQuery(await searchParams);
  const t = await getTranslations('Preview');
  return (
    <PreviewStateProvider locale={state.locale} width={state.width} overrides={state.overrides}>
      <main className="mx-auto grid max-w-7xl gap-6 p-4 lg:grid-cols-[22rem_1fr] lg:items-start">
        <h1 lang="en" dir="ltr" className="text-2xl font-semibold lg:col-span-2">
          Setup page preview
        </h1>
        <div className="lg:sticky lg:top-4">
          <ThemeEditor />
        </div>
        <div className="grid gap-4">
          {state.invalid.length > 0 && (
            <p role="alert" className="rounded-lg border border-destructive bg-card p-3 text-text">
              {t('invalidColours', { keys: state.invalid.join(', ') })}
            </p>
          )}
          <PreviewCanvas label={t('canvasLabel')}>
            <PreviewScreens />
          </PreviewCanvas>
        </div>
      </main>
    </PreviewStateProvider>
  );
}
